/**
 * Occupation (an RT head leads the RT he lives in unless he changes it in the summary) and
 * declared income; then the plan (plan.steps.ts).
 */
import type { ChoiceOption } from "../../core/choice-match";
import { invalid, next } from "../../core/flow";
import { reply } from "../../core/messages";
import { ask, choose, yesAliases, type Parsed } from "../../core/steps";
import { toComparable } from "../../core/text";
import { occupations } from "../../domain/occupations";
import { programmeFacts } from "../../domain/programme-facts";
import { isReferenceText } from "../../domain/reference";
import { parseRupiah } from "../../domain/rupiah-input";
import type { I18nKey } from "../../i18n/keys";
import { isQuestionPart } from "../../nlu/message-parts";
import { occupationKey } from "./labels";
import { toPersonWords } from "./person-words";
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

/** Changing the occupation from the summary may change who pays: the plan is asked again. */
export function afterOccupation(data: RegistrationData): RegistrationResult {
  return data.editing ? next("plan", data) : next("income", data);
}

/** After the address: the occupation, unless the person already said they are an RT head. */
export function afterAddress(data: RegistrationData): RegistrationResult {
  if (data.editing) return nextOrSummary("summary", data);
  if (data.occupation === "ketua_rt") return next("income", { ...data, leadsRt: { ...data.address } });
  return next("occupation", data);
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

/** A question, an address ("rt 05 rw 02"), a number or a reference is no occupation: re-asked. */
const isNoOccupation = (text: string) =>
  !/\p{L}{3}/u.test(text) ||
  text.length > 60 ||
  /\d/.test(text) ||
  isQuestionPart(text) ||
  isReferenceText(text);

export const workSteps = {
  occupation: choose<RegistrationData>({
    prompt: (data, ctx) => reply("registration:occupation.prompt", { ...toPersonWords(data, ctx) }),
    options: (data) => occupationOptions(data.subject !== "resident"),
    onChoice: (code, data) => {
      const changed: RegistrationData = { ...data, occupation: code, occupationOther: undefined };
      if (code === "lainnya") return next("occupationOther", { ...changed, leadsRt: undefined });
      if (code === "ketua_rt")
        return afterOccupation({ ...changed, leadsRt: data.leadsRt ?? { ...data.address } });
      return afterOccupation({ ...changed, leadsRt: undefined });
    },
    // An occupation not listed ("tukang jahit", "courier online") is "Lainnya", keeping what was typed.
    onOther: (input, data) => {
      const text = input.text.trim();
      if (isNoOccupation(text))
        return invalid(
          { key: "common:choice.invalid", params: { count: occupations.length } },
          { reprompt: true },
        );
      return afterOccupation({ ...data, occupation: "lainnya", occupationOther: text, leadsRt: undefined });
    },
  }),
  occupationOther: ask<RegistrationData, string>({
    prompt: "registration:occupation.otherPrompt",
    parse: (text) =>
      text.length >= 3 && text.length <= 60 && /\p{L}/u.test(text) && !isReferenceText(text)
        ? { ok: true, value: text }
        : { ok: false, reason: "invalid" },
    invalid: "registration:occupation.otherInvalid",
    onAnswer: (other, data) => afterOccupation({ ...data, occupationOther: other }),
  }),
  income: ask<RegistrationData, { income: number; raised: boolean }>({
    prompt: (data, ctx) =>
      reply("registration:income.prompt", { minimum: minimumIncome, ...toPersonWords(data, ctx) }),
    parse: parseDeclaredIncome,
    invalid: (reason) => `registration:income.${reason}` as I18nKey,
    onAnswer: ({ income, raised }, data) =>
      toldIfRaised(
        data.editing && data.programmes
          ? nextOrSummary("summary", { ...data, income })
          : next("plan", { ...data, income }),
        raised,
      ),
  }),
};
