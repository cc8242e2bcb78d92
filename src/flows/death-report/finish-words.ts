/**
 * Words that end the documents step, wherever in it the heir is ("selesai", "terima kasih",
 * "alhamdulillah", "nanti saja"), and what "he was never registered" said after the report does.
 */
import type { Claim } from "../../core/claims.port";
import type { FlowContext } from "../../core/flow";
import type { Reply } from "../../core/messages";
import { toComparable } from "../../core/text";
import { requiredDocuments } from "../../domain/claim-documents";
import { updateClaim } from "../claims/claim-actions";

const finishWords = new Set(
  [
    "selesai", "sudah selesai", "udah", "sudah", "cukup", "nanti", "nanti saja", "nanti aja", "besok",
    "stop kirim", "terima kasih", "terimakasih", "makasih", "makasi", "trims", "tq", "thanks",
    "thank you", "alhamdulillah", "alhamdulilah", "amin", "aamiin", "ok terima kasih", "oke makasih",
    "done", "later", "finish",
  ].map(toComparable),
); // prettier-ignore

export function isFinishWord(text: string): boolean {
  const words = toComparable(text);
  return finishWords.has(words) || /^(terima ?kasih|makasih|alhamdulill?ah|selesai)\b/.test(words);
}

/** The family says the deceased was never registered: the claim becomes a request to check membership. */
export async function noteNeverRegistered(claim: Claim, ctx: FlowContext): Promise<Reply> {
  if (claim.membership?.answer !== "never" && !claim.membership?.confirmed)
    await updateClaim(ctx.services, claim.reference, (c) => ({
      ...c,
      kind: "membershipCheck",
      membership: { ...c.membership, answer: "never" },
      required: requiredDocuments({
        cause: c.cause,
        relationship: c.heir.relationship,
        membership: "never",
        scholarship: false,
      }),
      flags: c.flags.includes("heir_says_not_a_participant")
        ? c.flags
        : [...c.flags, "heir_says_not_a_participant"],
      updatedAt: ctx.now,
    }));
  return { key: "deathReport:documents.neverNoted" };
}
