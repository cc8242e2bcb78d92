/**
 * Taking over a record an RT head registered: the resident proves it is them (phone match, or
 * NIK + the registration reference the RT head received and passed on; a birth date would prove
 * nothing, the NIK contains it), then their chat account is added and they confirm consent.
 */
import type { FlowContext, Step, StepResult } from "../../core/flow";
import { exit, invalid } from "../../core/flow";
import { reply } from "../../core/messages";
import type { Person } from "../../core/people.port";
import { ask } from "../../core/steps";
import { parseReference, registrationPrefix } from "../../domain/reference";
import { privacyNoticeVersion } from "./consent.steps";
import { flagForStaff, toActor, type TakeoverData } from "./registration.data";

const maxTries = 3;

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

/** "Type the registration number your RT head received" to prove a record found by NIK is yours; three tries. */
export function takeoverReferenceStep<D extends TakeoverData>(): Step<D> {
  return ask<D, string>({
    prompt: "registration:takeover.askReference",
    parse: (text) => {
      const reference = parseReference(text, registrationPrefix);
      return reference ? { ok: true, value: reference } : { ok: false, reason: "notReference" };
    },
    invalid: "registration:takeover.notReference",
    onAnswer: async (reference, data, ctx): Promise<StepResult<D>> => {
      const person = data.takeoverPersonId ? await ctx.services.people.findById(data.takeoverPersonId) : null;
      if (!person) return exit([{ key: "registration:takeover.failed" }], true);
      if (person.reference === reference) {
        await takeOver(person, ctx, "nikReference");
        return exit([reply("registration:takeover.done", { reference: person.reference })], true);
      }
      const tries = (data.takeoverTries ?? 0) + 1;
      if (tries < maxTries)
        return invalid(
          { key: "registration:takeover.mismatch" },
          { data: { ...data, takeoverTries: tries } },
        );
      await flagForStaff(person, "takeover_failed", "person.takeover_failed", ctx);
      return exit([{ key: "registration:takeover.failed" }], true);
    },
  });
}
