/**
 * Staff move a claim: the target stage (only allowed ones), then what that stage needs: the amount
 * and day paid for DIBAYAR, the reason and the heir's next step for DITOLAK, a note otherwise.
 * The heir gets one message with all of it.
 */
import type { ClaimStage } from "../../core/claims.port";
import type { FlowContext, Step, StepResult } from "../../core/flow";
import { next } from "../../core/flow";
import type { Reply } from "../../core/messages";
import { ask, choose } from "../../core/steps";
import { nextStages } from "../../domain/claim-lifecycle";
import { parseDateInput } from "../../domain/date-input";
import { parseRupiah } from "../../domain/rupiah-input";
import { moveClaim, type MoveInput } from "./claim-actions";
import { decideClaimMove } from "./claim-moves";
import { stageKey } from "./claim-view";
import { actorOf, depsOf, noteOf, parseStaffText, type StaffClaimsData } from "./staff-claims.data";

type D = StaffClaimsData;

/** The payment a DIBAYAR move carries, once staff entered it. */
const paymentOf = (state: D) =>
  state.to === "DIBAYAR" && state.amount !== undefined && state.paidOn
    ? { amount: state.amount, paidOn: state.paidOn }
    : undefined;

async function move(state: D, ctx: FlowContext, extra: Partial<MoveInput>): Promise<StepResult<D>> {
  if (!state.reference || !state.to) return next("action", state);
  const payment = paymentOf(state);
  const result = await moveClaim(depsOf(ctx), {
    reference: state.reference,
    to: state.to,
    actor: actorOf(ctx),
    ...(payment ? { payment } : {}),
    ...extra,
    key: ctx.effectKey("claim.move"),
  });
  const after: D = { ...state };
  for (const field of ["to", "amount", "paidOn", "reason"] as const) delete after[field];
  if (result.status === "refused")
    return next("claimAction", after, [{ key: `staffClaims:moveRefused.${result.reason}` }]);
  const replies: Reply[] = [
    {
      key: "staffClaims:moved",
      params: {
        reference: state.reference,
        stage: ctx.translator.t(ctx.language, stageKey(result.claim.stage)),
      },
    },
  ];
  if (!result.notified) replies.push({ key: "staffClaims:notNotified" });
  return next("claimAction", { ...after, stage: result.claim.stage }, replies);
}

/** What the target needs next; a move this claim may not make is refused before anything is asked. */
async function toTarget(to: ClaimStage, state: D, ctx: FlowContext): Promise<StepResult<D>> {
  const claim = state.reference ? await ctx.services.claims.findByReference(state.reference) : null;
  if (!claim) return next("action", state, [{ key: "staffClaims:open.notFound" }]);
  const check = decideClaimMove(claim, {
    reference: claim.reference,
    to,
    actor: actorOf(ctx),
    payment: { amount: 1, paidOn: "2000-01-01" },
    rejection: { reason: "-", nextStep: "-" },
  });
  if (!check.ok) return next("claimAction", state, [{ key: `staffClaims:moveRefused.${check.reason}` }]);
  const step = to === "DIBAYAR" ? "amount" : to === "DITOLAK_PERLU_TINDAK_LANJUT" ? "reason" : "note";
  return next(step, { ...state, to });
}

const parseDay = (text: string, ctx: FlowContext) => {
  const day = parseDateInput(text, ctx.now, { relativeWords: true, yearOptional: true });
  return day.ok ? { ok: true as const, value: day.value } : { ok: false as const, reason: day.reason };
};

export const staffMoveSteps: Record<string, Step<D>> = {
  pickTarget: choose<D>({
    prompt: "staffClaims:pickTarget.prompt",
    options: (state) =>
      (state.stage ? nextStages(state.stage) : []).map((stage) => ({ value: stage, label: stageKey(stage) })),
    onChoice: (value, state, ctx) => toTarget(value as ClaimStage, state, ctx),
  }),
  note: ask<D, string>({
    prompt: "staffClaims:note.prompt",
    parse: parseStaffText,
    invalid: "staffClaims:note.prompt",
    onAnswer: (text, state, ctx) => {
      const note = noteOf(text);
      return move(state, ctx, note ? { note } : {});
    },
  }),
  amount: ask<D, number>({
    prompt: "staffClaims:amount.prompt",
    parse: (text) => {
      const amount = parseRupiah(text, { min: 1 });
      return amount.ok ? amount : { ok: false, reason: amount.reason };
    },
    invalid: "staffClaims:amount.invalid",
    onAnswer: (amount, state) => next("paidOn", { ...state, amount }),
  }),
  paidOn: ask<D, string>({
    prompt: "staffClaims:paidOn.prompt",
    parse: parseDay,
    invalid: "staffClaims:paidOn.invalid",
    onAnswer: (paidOn, state) => next("note", { ...state, paidOn, to: "DIBAYAR" }),
  }),
  reason: ask<D, string>({
    prompt: "staffClaims:reason.prompt",
    parse: parseStaffText,
    invalid: "staffClaims:reason.prompt",
    onAnswer: (reason, state) => next("nextStep", { ...state, reason }),
  }),
  nextStep: ask<D, string>({
    prompt: "staffClaims:nextStep.prompt",
    parse: parseStaffText,
    invalid: "staffClaims:nextStep.prompt",
    onAnswer: (nextStep, state, ctx) =>
      move(state, ctx, { rejection: { reason: state.reason ?? "-", nextStep } }),
  }),
};
