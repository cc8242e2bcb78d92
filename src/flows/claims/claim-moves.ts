/**
 * Which moves a claim may make now (the lifecycle's rules, then this claim's own state: a held
 * report, an unverified death, a payment or a reason still missing) and the claim after one.
 */
import type { Claim, ClaimNotification, ClaimStage } from "../../core/claims.port";
import { decideMove } from "../../domain/claim-lifecycle";

export type MoveRefusal =
  | "notFound"
  | "sameStage"
  | "notAllowed"
  | "final"
  /** The reported person said they are alive: only a rejection (or verifying the death) goes on. */
  | "suspended"
  /** From BERKAS_LENGKAP on, staff must first have seen the akta or surat keterangan kematian. */
  | "deathNotVerified"
  | "needsPayment"
  | "needsReason";

export type MoveResult =
  /** `notified`: sent or queued (the heir will be told); `notification` says which. */
  | { status: "moved"; claim: Claim; notified: boolean; notification: ClaimNotification["status"] }
  | { status: "refused"; reason: MoveRefusal };

export type MoveInput = {
  reference: string;
  to: ClaimStage;
  actor: string;
  note?: string;
  /** Required for DIBAYAR: the amount paid and the day (YYYY-MM-DD). */
  payment?: { amount: number; paidOn: string };
  /** Required for DITOLAK_PERLU_TINDAK_LANJUT: why, and what the heir can do next. */
  rejection?: { reason: string; nextStep: string };
  /**
   * Idempotency key (a chat turn's `ctx.effectKey`, a console form's token): the same action run
   * again (a redelivered message, a form sent twice) finds its move done and only completes what
   * of it had not happened (the audit entry, the heir's message), each once.
   */
  key?: string;
};

const afterVerification: readonly ClaimStage[] = [
  "BERKAS_LENGKAP",
  "DIAJUKAN_KE_BPJS",
  "DIPROSES_BPJS",
  "DIBAYAR",
];

/** Whether this claim may make this move now; the lifecycle first, then this claim's own state. */
export function decideClaimMove(
  claim: Claim,
  input: MoveInput,
): { ok: true } | { ok: false; reason: MoveRefusal } {
  if (claim.falseReport) return { ok: false, reason: "final" };
  const decision = decideMove(claim.stage, input.to);
  if (!decision.ok) return decision;
  const rejecting = input.to === "DITOLAK_PERLU_TINDAK_LANJUT";
  if (claim.suspended && !rejecting) return { ok: false, reason: "suspended" };
  if (afterVerification.includes(input.to) && !claim.deceased.verifiedAt)
    return { ok: false, reason: "deathNotVerified" };
  if (input.to === "DIBAYAR" && !input.payment) return { ok: false, reason: "needsPayment" };
  if (rejecting && !input.rejection) return { ok: false, reason: "needsReason" };
  return { ok: true };
}

export function toMoved(claim: Claim, input: MoveInput, now: Date, slaDue: () => string): Claim {
  return {
    ...claim,
    stage: input.to,
    stageAt: now,
    lastActivityAt: now,
    updatedAt: now,
    history: [
      ...claim.history,
      {
        stage: input.to,
        at: now,
        by: input.actor,
        ...(input.note ? { note: input.note } : {}),
        ...(input.key ? { key: input.key } : {}),
      },
    ],
    ...(input.to === "DIAJUKAN_KE_BPJS" ? { slaDue: slaDue() } : {}),
    ...(input.to === "DIBAYAR" && input.payment ? { payment: input.payment } : {}),
    ...(input.to === "DITOLAK_PERLU_TINDAK_LANJUT" && input.rejection ? { rejection: input.rejection } : {}),
  };
}
