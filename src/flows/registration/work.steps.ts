/** Steps 8–11: occupation, the RT an RT head leads, declared income, who pays, programmes. */
import type { ChoiceOption } from "../../core/choice-match";
import type { FlowContext } from "../../core/flow";
import { invalid, next } from "../../core/flow";
import { reply } from "../../core/messages";
import { ask, choose, confirm, yesAliases, type Parsed } from "../../core/steps";
import { toComparable } from "../../core/text";
import { calculateContribution } from "../../domain/contributions";
import { toJakartaParts } from "../../domain/jakarta-time";
import { findOccupation, occupations } from "../../domain/occupations";
import { programmeFacts } from "../../domain/programme-facts";
import { parseRupiah } from "../../domain/rupiah-input";
import type { I18nKey } from "../../i18n/keys";
import { isQuestionPart } from "../../nlu/message-parts";
import { occupationKey } from "./labels";
import { nextOrSummary, type RegistrationData, type RegistrationResult } from "./registration.data";

export const minimumIncome = programmeFacts.minimumIncome.value;
const defaultWords = new Set(
  [
    ...yesAliases,
    "default",
    "lewati",
    "skip",
    "sama",
    "minimum",
    "tidak tahu",
    "gak tahu",
    "gatau",
    "tdk tahu",
  ].map(toComparable),
);

/** Occupation options; residents cannot be registered as RT heads by someone else. */
export function occupationOptions(includeRtHead: boolean): ChoiceOption[] {
  return occupations
    .filter((o) => includeRtHead || o.code !== "ketua_rt")
    .map((o) => ({ value: o.code, label: occupationKey(o.code), aliases: o.aliases }));
}

/** RT heads and petugas syara' are Pemkot-funded; others say whether they are proposed as pekerja rentan. */
export function fundingStep(data: RegistrationData): RegistrationResult {
  if (findOccupation(data.occupation ?? "")?.apbdGroup)
    return next("programmes", { ...data, fundedBy: "apbd" });
  return next("funding", data);
}

export function afterOccupation(data: RegistrationData): RegistrationResult {
  return data.editing ? fundingStep(data) : next("income", data);
}

/** Income typed, or a "default" word for the minimum; `raised`: typed below the minimum, recorded as it. */
export function parseDeclaredIncome(text: string): Parsed<{ income: number; raised: boolean }> {
  if (defaultWords.has(toComparable(text)))
    return { ok: true, value: { income: minimumIncome, raised: false } };
  const amount = parseRupiah(text, { min: 1, max: 100_000_000 });
  if (!amount.ok) return amount;
  if (amount.value < 100_000) return { ok: false, reason: "tooSmall" };
  const raised = amount.value < minimumIncome;
  return { ok: true, value: { income: raised ? minimumIncome : amount.value, raised } };
}

/** Says so when the income typed was below the minimum and the minimum is recorded instead. */
function toldIfRaised(result: RegistrationResult, raised: boolean): RegistrationResult {
  if (!raised || result.type !== "next") return result;
  const note = reply("registration:income.raised", { minimum: minimumIncome });
  return { ...result, replies: [note, ...(result.replies ?? [])] };
}

/** What the participant pays a month for a choice (JKK+JKM are paid by the Pemkot when funded). */
export function participantAmounts(data: RegistrationData, ctx: Pick<FlowContext, "now">, withJht: boolean) {
  const { year, month } = toJakartaParts(ctx.now);
  const contribution = calculateContribution({
    income: data.income ?? minimumIncome,
    programmes: withJht ? ["JKK", "JKM", "JHT"] : ["JKK", "JKM"],
    month: `${year}-${String(month).padStart(2, "0")}`,
    sector: findOccupation(data.occupation ?? "")?.sector ?? "other",
    fundedBy: data.fundedBy ?? "self",
  });
  const pays = data.fundedBy === "apbd" ? contribution.jht : contribution.monthly;
  return { pays, contribution };
}

function programmeOptions(data: RegistrationData, ctx: FlowContext): ChoiceOption[] {
  const basic = participantAmounts(data, ctx, false);
  const withJht = participantAmounts(data, ctx, true);
  const apbd = data.fundedBy === "apbd";
  return [
    {
      value: "basic",
      label: apbd ? "registration:programmes.basicApbd" : "registration:programmes.basicSelf",
      params: { amount: basic.pays },
      aliases: ["jkk jkm", "jkk + jkm"],
    },
    {
      value: "jht",
      label: apbd ? "registration:programmes.jhtApbd" : "registration:programmes.jhtSelf",
      params: { amount: withJht.pays, jht: withJht.contribution.jht },
      aliases: ["jht", "dengan jht", "with jht"],
    },
  ];
}

export const workSteps = {
  occupation: choose<RegistrationData>({
    prompt: (data) => ({
      key:
        data.subject === "resident"
          ? "registration:occupation.promptResident"
          : "registration:occupation.prompt",
    }),
    options: (data) => occupationOptions(data.subject !== "resident"),
    onChoice: (code, data) => {
      const changed: RegistrationData = {
        ...data,
        occupation: code,
        occupationOther: undefined,
        fundedBy: undefined,
      };
      if (code === "lainnya") return next("occupationOther", changed);
      if (code === "ketua_rt") return next("leadsRtSame", changed);
      return afterOccupation({ ...changed, leadsRt: undefined });
    },
    // An occupation not listed ("tukang jahit", "courier online") is "Lainnya", keeping what was typed.
    onOther: (input, data) => {
      const text = input.text.trim();
      // A question, an address ("rt 05 rw 02") or a number is no occupation: re-ask (questions get answered).
      if (!/\p{L}{3}/u.test(text) || text.length > 60 || /\d/.test(text) || isQuestionPart(text))
        return invalid(
          { key: "common:choice.invalid", params: { count: occupations.length } },
          { reprompt: true },
        );
      return afterOccupation({
        ...data,
        occupation: "lainnya",
        occupationOther: text,
        fundedBy: undefined,
        leadsRt: undefined,
      });
    },
  }),
  occupationOther: ask<RegistrationData, string>({
    prompt: "registration:occupation.otherPrompt",
    parse: (text) =>
      text.length >= 3 && text.length <= 60 && /\p{L}/u.test(text)
        ? { ok: true, value: text }
        : { ok: false, reason: "invalid" },
    invalid: "registration:occupation.otherInvalid",
    onAnswer: (other, data) => afterOccupation({ ...data, occupationOther: other }),
  }),
  leadsRtSame: confirm<RegistrationData>({
    prompt: (data) =>
      reply("registration:leadsRt.same", {
        rt: data.address?.rt ?? "",
        rw: data.address?.rw ?? "",
        kelurahan: data.address?.kelurahan ?? "",
      }),
    onYes: (data) => afterOccupation({ ...data, leadsRt: { ...data.address } }),
    onNo: (data) => next("kecamatan", { ...data, areaTarget: "leadsRt", leadsRt: {} }),
  }),
  income: ask<RegistrationData, { income: number; raised: boolean }>({
    prompt: () => reply("registration:income.prompt", { minimum: minimumIncome }),
    parse: parseDeclaredIncome,
    invalid: (reason) => `registration:income.${reason}` as I18nKey,
    onAnswer: ({ income, raised }, data) =>
      toldIfRaised(
        data.editing && data.programmes
          ? nextOrSummary("summary", { ...data, income })
          : fundingStep({ ...data, income }),
        raised,
      ),
  }),
  funding: choose<RegistrationData>({
    prompt: () => reply("registration:funding.prompt"),
    options: (data, ctx) => [
      {
        value: "apbd",
        label: "registration:funding.apbd",
        aliases: ["pemkot", "ditanggung", "rentan", "gratis", "dibayar pemkot", "free"],
      },
      {
        value: "self",
        label: "registration:funding.self",
        params: { amount: participantAmounts({ ...data, fundedBy: "self" }, ctx, false).pays },
        aliases: ["sendiri", "mandiri", "bayar sendiri"],
      },
    ],
    onChoice: (value, data) => next("programmes", { ...data, fundedBy: value === "apbd" ? "apbd" : "self" }),
  }),
  programmes: choose<RegistrationData>({
    prompt: (data, ctx) => {
      const { contribution } = participantAmounts(data, ctx, false);
      return reply(
        contribution.discountReason === "applied"
          ? "registration:programmes.promptDiscount"
          : "registration:programmes.prompt",
      );
    },
    options: programmeOptions,
    onChoice: (value, data) =>
      next("summary", {
        ...data,
        programmes: value === "jht" ? ["JKK", "JKM", "JHT"] : ["JKK", "JKM"],
        editing: false,
      }),
  }),
};
