/**
 * Taking over a record an RT head registered: the resident proves it is them (phone match, or
 * NIK + the registration reference the RT head received and passed on; a birth date would prove
 * nothing, the NIK contains it), then their chat account is added and they confirm consent.
 * Until the reference matches, the answers are the same whether the NIK is registered or not.
 */
import type { AttemptRule } from "../../core/attempts.port";
import type { FlowContext, Step, StepResult } from "../../core/flow";
import { exit, stay } from "../../core/flow";
import { reply } from "../../core/messages";
import type { Person } from "../../core/people.port";
import { ask } from "../../core/steps";
import { parseReference, registrationPrefix } from "../../domain/reference";
import { dayMs, guardAttempts, nikSubject, toWaitReply } from "../attempt-guard";
import { privacyNoticeVersion } from "./consent.steps";
import { flagForStaff, toActor, type TakeoverData } from "./registration.data";

/**
 * Only a record an RT head made that nobody has claimed yet can be taken over with NIK +
 * reference; a record someone already uses needs their registered phone, or the kelurahan office.
 */
export const canTakeOverByNik = (person: Person): boolean =>
  person.status !== "deleted" && person.consent.givenBy === "proxy" && person.contacts.length === 0;

/** Adds the caller as a contact of `person` and records their own consent. */
export async function takeOver(
  person: Person,
  ctx: FlowContext,
  how: "phone" | "nikReference",
): Promise<void> {
  const { people, consents, audit } = ctx.services;
  await people.addContact(person._id, { channel: ctx.channel, userId: ctx.userId }, ctx.now);
  if (ctx.phone && !person.phone) await people.update(person._id, { phone: ctx.phone }, ctx.now);
  if (how === "nikReference" && person.consent.givenBy === "self")
    await people.addFlag(person._id, "contact_added_by_nik_check", ctx.now);
  await consents.record(
    {
      personId: person._id,
      at: ctx.now,
      channel: ctx.channel,
      noticeVersion: privacyNoticeVersion,
      action: "confirmed",
      givenBy: "self",
      actor: toActor(ctx),
    },
    ctx.effectKey("consent"),
  );
  await audit.record(
    {
      at: ctx.now,
      actor: toActor(ctx),
      action: "person.taken_over",
      target: `person:${person.reference}`,
      details: { how },
    },
    ctx.effectKey("audit:person.taken_over"),
  );
}

/** Reference tries: per chat account, and per NIK whoever tries (the three-try lock). */
export const takeoverByUser: AttemptRule = { name: "takeover.reference.user", limit: 5, windowMs: dayMs };
export const takeoverOfNik: AttemptRule = { name: "takeover.reference.nik", limit: 3, windowMs: dayMs };

/** The limits a reference try counts against. */
export const takeoverChecks = (ctx: FlowContext, nik: string) =>
  [
    [takeoverByUser, toActor(ctx)],
    [takeoverOfNik, nikSubject(ctx, nik)],
  ] as const;

/** A reference that fits the NIK: the record is handed over, or refused when someone already uses it. */
async function onMatch<D>(person: Person, nik: string, ctx: FlowContext): Promise<StepResult<D>> {
  if (person.contacts.some((c) => c.channel === ctx.channel && c.userId === ctx.userId))
    return exit([reply("registration:nik.alreadyYours", { reference: person.reference })], true);
  if (!canTakeOverByNik(person)) {
    await flagForStaff(person, "takeover_blocked", "person.takeover_blocked", ctx);
    return exit([{ key: "registration:takeover.inUse" }], true);
  }
  await takeOver(person, ctx, "nikReference");
  await ctx.services.attempts.clear(takeoverOfNik, nikSubject(ctx, nik));
  return exit([reply("registration:takeover.done", { reference: person.reference })], true);
}

/**
 * "Type the registration number your RT head received": proves a record found by NIK is yours.
 * The NIK (sealed in `takeoverNik`) was not looked up before: whether it is registered is told
 * only to whoever gives the matching reference. Tries are counted in the store (three per NIK a
 * day, five per account), so reopening "data saya" does not give new ones.
 */
export function takeoverReferenceStep<D extends TakeoverData>(): Step<D> {
  return ask<D, string>({
    prompt: "registration:takeover.askReference",
    parse: (text) => {
      const reference = parseReference(text, registrationPrefix);
      return reference ? { ok: true, value: reference } : { ok: false, reason: "notReference" };
    },
    invalid: "registration:takeover.notReference",
    onAnswer: async (reference, data, ctx): Promise<StepResult<D>> => {
      if (!data.takeoverNik) return exit([{ key: "registration:takeover.failed" }], true);
      const nik = ctx.services.vault.open(data.takeoverNik);
      const guard = await guardAttempts(ctx, takeoverChecks(ctx, nik));
      if (!guard.allowed) return exit([toWaitReply(guard.until)], true);
      const found = await ctx.services.people.findByNikHash(ctx.services.vault.hashes(nik));
      const person = found && found.status !== "deleted" ? found : null;
      if (person && person.reference === reference) return onMatch(person, nik, ctx);
      // A wrong reference is an answer ("stay"), not text for the question answerer to read.
      if (guard.remaining > 0) return stay(data, [{ key: "registration:takeover.mismatch" }]);
      if (person) await flagForStaff(person, "takeover_failed", "person.takeover_failed", ctx);
      return exit([{ key: "registration:takeover.failed" }], true);
    },
  });
}
