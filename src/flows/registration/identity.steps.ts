/** Steps 3–5: name as on the KTP, NIK (refusal reasons, duplicates), birth date and sex. */
import type { FlowContext } from "../../core/flow";
import { exit, next } from "../../core/flow";
import { reply, type Reply } from "../../core/messages";
import type { Person } from "../../core/people.port";
import { ask, choose, confirm, type Parsed } from "../../core/steps";
import { checkRegistrationAge, parseBirthDate } from "../../domain/birth-date";
import { maskNik, parseNik, type ParsedNik } from "../../domain/nik";
import { parsePersonName } from "../../domain/person-name";
import type { I18nKey } from "../../i18n/keys";
import { sexKey } from "./labels";
import { nextOrSummary, toToday, type RegistrationData, type RegistrationResult } from "./registration.data";

function toNik(text: string, ctx: FlowContext): Parsed<ParsedNik> {
  const result = parseNik(text, toToday(ctx));
  if (result.ok) return result;
  return {
    ok: false,
    reason: result.reason,
    ...(result.digits ? { params: { digits: result.digits } } : {}),
  };
}

/**
 * The NIK is registered and this chat account knows it already: its own record, or a resident
 * it registered. Anyone else is not told (the registration goes on; staff get the duplicate).
 */
export function toKnownToCaller(existing: Person, ctx: FlowContext): RegistrationResult | undefined {
  if (existing.status === "deleted") return undefined;
  if (existing.contacts.some((c) => c.channel === ctx.channel && c.userId === ctx.userId))
    return exit([reply("registration:nik.alreadyYours", { reference: existing.reference })], true);
  const { registeredBy } = existing;
  if (registeredBy.channel === ctx.channel && registeredBy.userId === ctx.userId)
    return exit([reply("registration:nik.registeredByYou", { reference: existing.reference })], true);
  return undefined;
}

async function acceptNik(
  parsed: ParsedNik,
  data: RegistrationData,
  ctx: FlowContext,
): Promise<RegistrationResult> {
  const sealed = ctx.services.vault.seal(parsed.nik);
  const existing = await ctx.services.people.findByNikHash(ctx.services.vault.hashes(parsed.nik));
  const known = existing ? toKnownToCaller(existing, ctx) : undefined;
  if (known) return known;
  const nik = {
    ...sealed,
    masked: maskNik(parsed.nik),
    inKotaJambi: parsed.inKotaJambi,
    birthDate: parsed.birthDate,
    sex: parsed.sex,
  };
  const notes: Reply[] = parsed.inKotaJambi ? [] : [{ key: "registration:nik.outsideKotaJambi" }];
  return next("nikConfirm", { ...data, nik }, notes);
}

/** After the birth date is known: the age rule, then on to the phone. */
export function afterBirthDate(data: RegistrationData, ctx: FlowContext): RegistrationResult {
  const age = checkRegistrationAge(
    data.birthDate ?? "",
    toToday(ctx),
    ctx.services.settings.registrationMaxAge,
  );
  const nextStep = data.subject === "self" && ctx.phone ? "phoneConfirm" : "phone";
  if (!age.ok && age.reason === "tooOld") {
    const note = reply("registration:age.toConfirm", { age: age.age, limit: age.limit });
    const result = nextOrSummary(nextStep, { ...data, ageToConfirm: true });
    return result.type === "next" ? { ...result, replies: [note, ...(result.replies ?? [])] } : result;
  }
  if (!age.ok)
    return exit([reply(`registration:age.${age.reason}`, { age: age.age, limit: age.limit })], true);
  return nextOrSummary(nextStep, { ...data, ageToConfirm: undefined });
}

export const identitySteps = {
  name: ask<RegistrationData, string>({
    prompt: (data) => ({
      key: data.subject === "resident" ? "registration:name.promptResident" : "registration:name.prompt",
    }),
    parse: parsePersonName,
    invalid: (reason) => `registration:name.${reason}` as I18nKey,
    onAnswer: (name, data) => nextOrSummary("nik", { ...data, name }),
  }),
  nik: ask<RegistrationData, ParsedNik>({
    prompt: (data) => ({
      key: data.subject === "resident" ? "registration:nik.promptResident" : "registration:nik.prompt",
    }),
    parse: toNik,
    invalid: (reason) => `registration:nik.${reason}` as I18nKey,
    onAnswer: acceptNik,
  }),
  nikConfirm: confirm<RegistrationData>({
    prompt: (data, ctx) =>
      reply("registration:nikConfirm.prompt", {
        date: new Date(`${data.nik?.birthDate ?? ""}T00:00:00+07:00`),
        sex: ctx.translator.t(ctx.language, sexKey(data.nik?.sex ?? "L")),
      }),
    onYes: (data, ctx) =>
      afterBirthDate({ ...data, birthDate: data.nik?.birthDate, sex: data.nik?.sex }, ctx),
    onNo: (data) => next("birthDate", data),
  }),
  birthDate: ask<RegistrationData, string>({
    prompt: "registration:birthDate.prompt",
    parse: (text, ctx) => parseBirthDate(text, toToday(ctx)),
    invalid: (reason) => `registration:birthDate.${reason}` as I18nKey,
    onAnswer: (birthDate, data) => next("sex", { ...data, birthDate }),
  }),
  sex: choose<RegistrationData>({
    prompt: "registration:sex.prompt",
    options: [
      { value: "L", label: "registration:sex.L", aliases: ["l", "laki", "pria", "lk", "male", "man"] },
      { value: "P", label: "registration:sex.P", aliases: ["p", "pr", "wanita", "cewek", "female", "woman"] },
    ],
    onChoice: (value, data, ctx) => afterBirthDate({ ...data, sex: value === "P" ? "P" : "L" }, ctx),
  }),
};
