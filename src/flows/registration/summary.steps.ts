/** Step 12: a numbered summary; any answer can be changed (then back here), or the user sends it. */
import type { ChoiceOption } from "../../core/choice-match";
import type { FlowContext } from "../../core/flow";
import { done, next } from "../../core/flow";
import { reply, type Reply } from "../../core/messages";
import { choose } from "../../core/steps";
import { formatPhone } from "../../domain/phone";
import { occupationKey, sexKey } from "./labels";
import type { RegistrationData, RegistrationResult } from "./registration.data";
import { fundingStep, participantAmounts } from "./work.steps";

/** The summary as one message, in the user's language. */
export function toSummary(data: RegistrationData, ctx: FlowContext): Reply {
  const t = (key: Parameters<typeof ctx.translator.t>[1]) => ctx.translator.t(ctx.language, key);
  const occupation =
    data.occupation === "lainnya" && data.occupationOther
      ? data.occupationOther
      : t(occupationKey(data.occupation ?? "lainnya"));
  const withJht = data.programmes?.includes("JHT") ?? false;
  const leads = data.leadsRt?.rt
    ? ctx.translator.t(ctx.language, "registration:summary.leads", { ...data.leadsRt })
    : "";
  return reply(
    data.subject === "resident" ? "registration:summary.promptResident" : "registration:summary.prompt",
    {
      name: data.name ?? "",
      nik: data.nik?.masked ?? "",
      birthDate: new Date(`${data.birthDate ?? "1970-01-01"}T00:00:00+07:00`),
      sex: t(sexKey(data.sex ?? "L")),
      phone: data.phone ? formatPhone(data.phone) : t("registration:summary.noPhone"),
      rt: data.address?.rt ?? "",
      rw: data.address?.rw ?? "",
      kelurahan: data.address?.kelurahan ?? "",
      kecamatan: data.address?.kecamatan ?? "",
      occupation: occupation + leads,
      income: data.income ?? 0,
      programmes: withJht ? "JKK + JKM + JHT" : "JKK + JKM",
      funding: t(
        data.fundedBy === "apbd" ? "registration:summary.fundedApbd" : "registration:summary.fundedSelf",
      ),
      amount: participantAmounts(data, ctx, withJht).pays,
    },
  );
}

const editTargets: Record<string, (data: RegistrationData, ctx: FlowContext) => RegistrationResult> = {
  name: (data) => next("name", { ...data, editing: true }),
  nik: (data) => next("nik", { ...data, editing: true }),
  birthDate: (data) => next("birthDate", { ...data, editing: true }),
  phone: (data) => next("phone", { ...data, editing: true }),
  address: (data) => next("kecamatan", { ...data, areaTarget: "address", editing: true }),
  occupation: (data) => next("occupation", { ...data, editing: true }),
  income: (data) => next("income", { ...data, editing: true }),
  programmes: (data) => fundingStep({ ...data, editing: true }),
};

function summaryOptions(data: RegistrationData): ChoiceOption[] {
  const fields = Object.keys(editTargets).filter((f) => !(f === "address" && data.subject === "resident"));
  return [
    {
      value: "submit",
      label: "registration:summary.submit",
      aliases: ["kirim", "submit", "benar", "sudah benar", "ya", "ok", "oke", "send"],
    },
    ...fields.map((f) => ({ value: f, label: `registration:summary.edit.${f}` as ChoiceOption["label"] })),
  ];
}

export const summarySteps = {
  summary: choose<RegistrationData>({
    prompt: (data, ctx) => [toSummary(data, ctx), { key: "registration:summary.question" }],
    options: summaryOptions,
    onChoice: (value, data, ctx) =>
      value === "submit" ? done(data) : (editTargets[value]?.(data, ctx) ?? next("summary", data)),
  }),
};
