/**
 * The summary: everything in one message, with what the NIK says (birth date, sex) and a phone
 * taken from the channel shown for checking; any answer can be changed (then back here), or sent.
 */
import type { ChoiceOption } from "../../core/choice-match";
import type { FlowContext } from "../../core/flow";
import { done, next } from "../../core/flow";
import { reply, type Reply } from "../../core/messages";
import { choose } from "../../core/steps";
import { formatPhone } from "../../domain/phone";
import { occupationKey, sexKey } from "./labels";
import { toPersonWords } from "./person-words";
import { participantAmounts } from "./plan.steps";
import type { RegistrationData, RegistrationResult } from "./registration.data";

type T = (key: Parameters<FlowContext["translator"]["t"]>[1], params?: Record<string, unknown>) => string;

function toPhoneText(data: RegistrationData, t: T): string {
  if (!data.phone) return t("registration:summary.noPhone");
  const phone = formatPhone(data.phone);
  return data.phoneFromChannel ? t("registration:summary.phoneFromChannel", { phone }) : phone;
}

function toOccupationText(data: RegistrationData, t: T): string {
  const occupation =
    data.occupation === "lainnya" && data.occupationOther
      ? data.occupationOther
      : t(occupationKey(data.occupation ?? "lainnya"));
  return data.leadsRt?.rt ? occupation + t("registration:summary.leads", { ...data.leadsRt }) : occupation;
}

/** The summary as one message, in the user's language. */
export function toSummary(data: RegistrationData, ctx: FlowContext): Reply {
  const t: T = (key, params) => ctx.translator.t(ctx.language, key, params);
  const withJht = data.programmes?.includes("JHT") ?? false;
  const fromNik = data.nik && data.birthDate === data.nik.birthDate && data.sex === data.nik.sex;
  return reply(
    data.subject === "resident" ? "registration:summary.promptResident" : "registration:summary.prompt",
    {
      ...toPersonWords(data, ctx),
      name: data.name ?? "",
      nik: data.nik?.masked ?? "",
      birthDate: new Date(`${data.birthDate ?? "1970-01-01"}T00:00:00+07:00`),
      sex: t(sexKey(data.sex ?? "L")) + (fromNik ? t("registration:summary.fromNik") : ""),
      phone: toPhoneText(data, t),
      rt: data.address?.rt ?? "",
      rw: data.address?.rw ?? "",
      kelurahan: data.address?.kelurahan ?? "",
      kecamatan: data.address?.kecamatan ?? "",
      occupation: toOccupationText(data, t),
      income: data.income ?? 0,
      programmes: withJht ? "JKK + JKM + JHT" : "JKK + JKM",
      funding: t(
        data.fundedBy === "apbd" ? "registration:summary.fundedApbd" : "registration:summary.fundedSelf",
      ),
      amount: participantAmounts(data, ctx, withJht).pays,
    },
  );
}

const editTargets: Record<string, (data: RegistrationData) => RegistrationResult> = {
  name: (data) => next("name", { ...data, editing: true }),
  nik: (data) => next("nik", { ...data, editing: true }),
  birthDate: (data) => next("birthDate", { ...data, editing: true }),
  phone: (data) => next("phone", { ...data, editing: true }),
  address: (data) => next("area", { ...data, areaTarget: "address", address: {}, editing: true }),
  leadsRt: (data) => next("area", { ...data, areaTarget: "leadsRt", leadsRt: {}, editing: true }),
  occupation: (data) => next("occupation", { ...data, editing: true }),
  income: (data) => next("income", { ...data, editing: true }),
  plan: (data) => next("plan", { ...data, editing: true }),
};

function summaryOptions(data: RegistrationData): ChoiceOption[] {
  const fields = Object.keys(editTargets).filter(
    (f) =>
      !(f === "address" && data.subject === "resident") &&
      !(f === "leadsRt" && data.occupation !== "ketua_rt"),
  );
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
    onChoice: (value, data) =>
      value === "submit" ? done(data) : (editTargets[value]?.(data) ?? next("summary", data)),
  }),
};
