/**
 * Staff decisions on a registration, shared by the staff chat flow and scripts/registrations.ts:
 * verify (status active; a new RT head replaces the previous one and the residents he registered
 * as drafts go to verification) or reject (with a note; his drafts stay drafts for staff to see).
 * Every decision is audited and the person is told on their channels.
 */
import type { Services } from "../../core/services";
import type { Person } from "../../core/people.port";
import type { Reply } from "../../core/messages";
import { reply } from "../../core/messages";

export type ReviewOutcome =
  /** `drafts`: residents the RT head registered while unverified, now waiting for verification. */
  | { type: "done"; person: Person; replaced: Person[]; drafts: number }
  | { type: "notPending"; person: Person }
  | { type: "notFound" };

type ReviewServices = Pick<Services, "people" | "audit" | "notifier" | "logger">;

/** Tells the person on every contact; a channel that is not running is logged, not fatal. */
async function tell(services: ReviewServices, person: Person, replies: Reply[]): Promise<void> {
  for (const contact of person.contacts) {
    await services.notifier
      .notify(contact, replies, { language: person.language, kind: "unsolicited" })
      .catch((error: unknown) =>
        services.logger.warn(
          { err: error, channel: contact.channel },
          "could not tell the person about the review",
        ),
      );
  }
}

async function replacePreviousHeads(
  services: ReviewServices,
  head: Person,
  actor: string,
  now: Date,
): Promise<Person[]> {
  if (!head.leadsRt) return [];
  const previous = (await services.people.findRtHeads(head.leadsRt)).filter((p) => p._id !== head._id);
  for (const old of previous) {
    await services.people.update(old._id, { status: "inactive" }, now);
    await services.people.addFlag(old._id, "rt_head_replaced", now);
    await services.audit.record({
      at: now,
      actor,
      action: "person.rt_head_replaced",
      target: `person:${old.reference}`,
      details: { by: head.reference },
    });
  }
  await services.people.removeFlag(head._id, "rt_head_replacement_pending", now);
  return previous;
}

/** The residents a newly verified RT head registered as drafts now wait for verification themselves. */
async function releaseDrafts(
  services: ReviewServices,
  head: Person,
  actor: string,
  now: Date,
): Promise<number> {
  const drafts = await services.people.search({ registeredByPersonId: head._id, status: "draft" });
  for (const draft of drafts) {
    await services.people.update(draft._id, { status: "pending" }, now);
    await services.audit.record({
      at: now,
      actor,
      action: "registration.draft_released",
      target: `person:${draft.reference}`,
      details: { head: head.reference },
    });
  }
  return drafts.length;
}

export async function verifyRegistration(
  services: ReviewServices,
  personId: string,
  actor: string,
  now: Date,
  note?: string,
): Promise<ReviewOutcome> {
  const person = await services.people.findById(personId);
  if (!person) return { type: "notFound" };
  if (person.status !== "pending") return { type: "notPending", person };
  const updated = await services.people.update(
    person._id,
    { status: "active", verifiedAt: now, verifiedBy: actor, ...(note ? { reviewNote: note } : {}) },
    now,
  );
  const replaced = person.role === "rt_head" ? await replacePreviousHeads(services, person, actor, now) : [];
  const drafts = person.role === "rt_head" ? await releaseDrafts(services, person, actor, now) : 0;
  await services.audit.record({
    at: now,
    actor,
    action: "registration.verified",
    target: `person:${person.reference}`,
    details: { replaced: replaced.map((p) => p.reference), drafts },
  });
  await tell(services, person, [reply("registration:notify.verified", { reference: person.reference })]);
  return { type: "done", person: updated ?? person, replaced, drafts };
}

export async function rejectRegistration(
  services: ReviewServices,
  personId: string,
  actor: string,
  now: Date,
  note: string,
): Promise<ReviewOutcome> {
  const person = await services.people.findById(personId);
  if (!person) return { type: "notFound" };
  if (person.status !== "pending") return { type: "notPending", person };
  const updated = await services.people.update(
    person._id,
    { status: "rejected", reviewNote: note, verifiedAt: now, verifiedBy: actor },
    now,
  );
  await services.audit.record({
    at: now,
    actor,
    action: "registration.rejected",
    target: `person:${person.reference}`,
  });
  await tell(services, person, [
    reply("registration:notify.rejected", { reference: person.reference, note }),
  ]);
  return { type: "done", person: updated ?? person, replaced: [], drafts: 0 };
}
