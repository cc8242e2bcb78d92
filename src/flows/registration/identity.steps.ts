/**
 * Name and NIK, in one message or one by one ("Budi Santoso 1571…", a phone may follow); the
 * birth date and sex come from the NIK and are shown in the summary (changed there when the NIK
 * does not match the person). Duplicates: only a record this chat knows is named (DESIGN §4).
 */
import type { FlowContext, Step, StepInput } from "../../core/flow";
import { exit, invalid, next } from "../../core/flow";
import { reply, type Reply } from "../../core/messages";
import type { Person } from "../../core/people.port";
import { ask, choose } from "../../core/steps";
import { checkRegistrationAge, parseBirthDate } from "../../domain/birth-date";
import { maskNik, type NikResult, type ParsedNik } from "../../domain/nik";
import type { I18nKey } from "../../i18n/keys";
import { readIdentity, type IdentityInput } from "./identity-input";
import { toPersonWords } from "./person-words";
import { toAfterIdentity } from "./contact.steps";
import { nextOrSummary, toToday, type RegistrationData, type RegistrationResult } from "./registration.data";
import { toKnownResident } from "./resident-results";

const nikRefusal = (nik: Extract<NikResult, { ok: false }>): Reply => ({
  key: `registration:nik.${nik.reason}` as I18nKey,
  ...(nik.digits ? { params: { digits: nik.digits } } : {}),
});

const isMine = (p: Person, ctx: FlowContext) =>
  p.contacts.some((c) => c.channel === ctx.channel && c.userId === ctx.userId);
const isRegisteredByMe = (p: Person, ctx: FlowContext) =>
  p.registeredBy.channel === ctx.channel && p.registeredBy.userId === ctx.userId;

/**
 * The NIK is registered and this chat account knows it already: its own record, or a resident
 * it registered. Anyone else is not told (the registration goes on; staff get the duplicate).
 */
export function toKnownToCaller(
  existing: Person,
  data: RegistrationData,
  ctx: FlowContext,
): RegistrationResult | undefined {
  if (existing.status === "deleted") return undefined;
  const resident = data.subject === "resident";
  if (isMine(existing, ctx))
    return resident
      ? next("nik", data, [{ key: "registration:nik.ownNikAsResident" }])
      : exit([reply("registration:nik.alreadyYours", { reference: existing.reference })], true);
  if (!isRegisteredByMe(existing, ctx)) return undefined;
  if (resident) return toKnownResident(existing, data, ctx);
  return exit([reply("registration:nik.registeredByYou", { reference: existing.reference })], true);
}

function withNotes(result: RegistrationResult, notes: Reply[]): RegistrationResult {
  if (notes.length === 0 || (result.type !== "next" && result.type !== "start")) return result;
  return { ...result, replies: [...notes, ...(result.replies ?? [])] };
}

/** After the birth date is known: the age rule (refused, or flagged for staff at the limit). */
export function afterBirthDate(data: RegistrationData, ctx: FlowContext): RegistrationResult {
  const limit = ctx.services.settings.registrationMaxAge;
  const age = checkRegistrationAge(data.birthDate ?? "", toToday(ctx), limit);
  if (!age.ok && age.reason !== "tooOld")
    return exit([reply(`registration:age.${age.reason}`, { age: age.age, limit: age.limit })], true);
  const tooOld = !age.ok && age.reason === "tooOld";
  const checked = { ...data, ageToConfirm: tooOld ? true : undefined };
  const notes = tooOld ? [reply("registration:age.toConfirm", { age: age.age, limit: age.limit })] : [];
  return withNotes(data.editing ? nextOrSummary("summary", checked) : toAfterIdentity(checked, ctx), notes);
}

async function acceptNik(parsed: ParsedNik, data: RegistrationData, ctx: FlowContext) {
  const existing = await ctx.services.people.findByNikHash(ctx.services.vault.hashes(parsed.nik));
  const known = existing ? toKnownToCaller(existing, data, ctx) : undefined;
  if (known) return known;
  const nik = {
    ...ctx.services.vault.seal(parsed.nik),
    masked: maskNik(parsed.nik),
    inKotaJambi: parsed.inKotaJambi,
    birthDate: parsed.birthDate,
    sex: parsed.sex,
  };
  const withNik = { ...data, nik, birthDate: parsed.birthDate, sex: parsed.sex };
  const { whose } = toPersonWords(withNik, ctx);
  const notes = parsed.inKotaJambi ? [] : [reply("registration:nik.outsideKotaJambi", { whose })];
  return withNotes(withNik.name ? afterBirthDate(withNik, ctx) : next("name", withNik), notes);
}

/** Takes what the message gives; re-asks only what is missing or wrong, keeping the rest. */
async function acceptIdentity(
  read: IdentityInput,
  data: RegistrationData,
  ctx: FlowContext,
): Promise<RegistrationResult> {
  const name = read.name?.ok ? read.name.value : undefined;
  const nameRefusal = read.name && !read.name.ok ? `registration:name.${read.name.reason}` : undefined;
  const withName: RegistrationData = name ? { ...data, name } : data;
  const phone = read.phone ? { phone: read.phone, noPhone: false, phoneFromChannel: false } : {};
  if (read.nik?.ok) {
    const result = await acceptNik(read.nik.value, { ...withName, ...phone }, ctx);
    return nameRefusal ? withNotes(result, [{ key: nameRefusal as I18nKey }]) : result;
  }
  if (read.nik) return name ? next("nik", withName, [nikRefusal(read.nik)]) : invalid(nikRefusal(read.nik));
  if (!name) return invalid({ key: (nameRefusal ?? "registration:identity.invalid") as I18nKey });
  return withName.nik ? afterBirthDate(withName, ctx) : next("nik", withName);
}

function identityStep(prompt: (data: RegistrationData, ctx: FlowContext) => Reply): Step<RegistrationData> {
  return {
    prompt: (data, ctx) => [prompt(data, ctx)],
    handle: (input: StepInput, data, ctx) =>
      acceptIdentity(readIdentity(input.text, toToday(ctx)), data, ctx),
  };
}

export const identitySteps = {
  identity: identityStep((data, ctx) =>
    reply(
      data.subject === "resident" ? "registration:identity.promptResident" : "registration:identity.prompt",
      { ...toPersonWords(data, ctx) },
    ),
  ),
  name: identityStep((data, ctx) => reply("registration:name.prompt", { ...toPersonWords(data, ctx) })),
  nik: identityStep((data, ctx) =>
    reply(data.subject === "resident" ? "registration:nik.promptResident" : "registration:nik.prompt", {
      ...toPersonWords(data, ctx),
    }),
  ),
  birthDate: ask<RegistrationData, string>({
    prompt: (data, ctx) => reply("registration:birthDate.prompt", { ...toPersonWords(data, ctx) }),
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
