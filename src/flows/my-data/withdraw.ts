/**
 * Withdrawing consent / asking for deletion: recorded for staff (consent record + audit), then
 * the record is kept when a claim needs it, deleted when it never reached BPJS (pending,
 * rejected), or anonymised otherwise. Traces beside the record (deliveries, queued messages,
 * opt-outs, other chats' sessions) are erased and this conversation forgets the user, parked
 * flows included. The user is told which, and what is kept by law.
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
  if (outcome === "keptForClaim") {
    await people.update(person._id, { deletionRequestedAt: ctx.now }, ctx.now);
    await people.addFlag(person._id, "deletion_requested", ctx.now);
  } else if (outcome === "deleted") await people.remove(person._id);
  else await people.anonymise(person._id, ctx.now);
  const here = { channel: ctx.channel, userId: ctx.userId };
  const erased = await ctx.services.erasure.eraseTraces(
    { personId: person._id, contacts: [...person.contacts, here], except: here },
    ctx.now,
  );
  ctx.forgetConversation();
  await audit.record(
    {
      at: ctx.now,
      actor,
      action: "person.deletion_requested",
      target: `person:${person.reference}`,
      details: { outcome, erased },
    },
    ctx.effectKey("audit:person.deletion_requested"),
  );
  return outcome;
}

/** What was done, then what is kept and why (UU PDP: the user is told what remains). */
export const withdrawalReplies: Record<Withdrawal, Reply[]> = {
  keptForClaim: [{ key: "myData:withdraw.keptForClaim" }, { key: "myData:withdraw.whatRemains" }],
  deleted: [{ key: "myData:withdraw.deleted" }, { key: "myData:withdraw.whatRemains" }],
  anonymised: [{ key: "myData:withdraw.anonymised" }, { key: "myData:withdraw.whatRemains" }],
};
