/**
 * Withdrawing consent / asking for deletion: recorded for staff (consent record + audit), then
 * the record is kept when a claim needs it, deleted when it never reached BPJS (pending,
 * rejected), or anonymised otherwise. The user is told which.
 */
import type { FlowContext } from "../../core/flow";
import type { Reply } from "../../core/messages";
import type { Person } from "../../core/people.port";
import { privacyNoticeVersion } from "../registration/consent.steps";
import { toActor } from "../registration/registration.data";

export type Withdrawal = "keptForClaim" | "deleted" | "anonymised";

export async function withdrawConsent(person: Person, ctx: FlowContext): Promise<Withdrawal> {
  const { people, consents, audit, claimsCheck } = ctx.services;
  const actor = toActor(ctx);
  await consents.record(
    {
      personId: person._id,
      at: ctx.now,
      channel: ctx.channel,
      noticeVersion: privacyNoticeVersion,
      action: "withdrawn",
      givenBy: "self",
      actor,
    },
    ctx.effectKey("consent"),
  );
  const needed = (await claimsCheck?.hasClaimFor(person._id)) ?? false;
  const outcome: Withdrawal = needed
    ? "keptForClaim"
    : person.status === "pending" || person.status === "rejected"
      ? "deleted"
      : "anonymised";
  await audit.record(
    {
      at: ctx.now,
      actor,
      action: "person.deletion_requested",
      target: `person:${person.reference}`,
      details: { outcome },
    },
    ctx.effectKey("audit:person.deletion_requested"),
  );
  if (outcome === "keptForClaim") {
    await people.update(person._id, { deletionRequestedAt: ctx.now }, ctx.now);
    await people.addFlag(person._id, "deletion_requested", ctx.now);
  } else if (outcome === "deleted") await people.remove(person._id);
  else await people.anonymise(person._id, ctx.now);
  return outcome;
}

export const withdrawalReplies: Record<Withdrawal, Reply[]> = {
  keptForClaim: [{ key: "myData:withdraw.keptForClaim" }],
  deleted: [{ key: "myData:withdraw.deleted" }],
  anonymised: [{ key: "myData:withdraw.anonymised" }],
};
