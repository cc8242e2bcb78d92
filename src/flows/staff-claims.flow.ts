/**
 * Staff: claims in the chat. List by stage or overdue, open one (history, documents, whether the
 * death is verified), then act: move it (DIBAYAR records the amount and day, DITOLAK the reason
 * and next step; the heir is told in one message), verify the death, reject a false report,
 * enter membership, give another heir access, ask for or waive a document. Every action is audited.
 */
import type { ClaimStage } from "../core/claims.port";
import type { FlowContext, StepResult } from "../core/flow";
import { defineFlow, exit, invalid, next } from "../core/flow";
import type { Reply } from "../core/messages";
import { ask, choose } from "../core/steps";
import { claimPrefix, parseReference } from "../domain/reference";
import { claimStages, nextStages, slaRunningStages } from "../domain/claim-lifecycle";
import { toJakartaDay } from "../domain/jakarta-time";
import { stageKey } from "./claims/claim-view";
import { toClaimDetail, toClaimList } from "./claims/claim-staff-view";
import { auditStaff, staffClaimsData, staffViewOf, type StaffClaimsData } from "./claims/staff-claims.data";
import { staffMoveSteps } from "./claims/staff-move.steps";
import { staffReportSteps, verifyDeathNow } from "./claims/staff-report.steps";

type D = StaffClaimsData;

async function listOverdue(ctx: FlowContext): Promise<Reply> {
  const claims = await ctx.services.claims.list(
    { stage: [...slaRunningStages], slaDueBefore: toJakartaDay(ctx.now) },
    { limit: 30 },
  );
  await auditStaff(ctx, "claim.list", "claims", { overdue: true, count: claims.length });
  return toClaimList(claims, staffViewOf(ctx));
}

async function open(reference: string, state: D, ctx: FlowContext): Promise<StepResult<D>> {
  const claim = await ctx.services.claims.findByReference(reference);
  if (!claim) return invalid({ key: "staffClaims:open.notFound" });
  const documents = await ctx.services.claimDocuments.listByClaim(reference);
  await auditStaff(ctx, "claim.view", `claim:${reference}`);
  const settled = Boolean(claim.deceased.verifiedAt || claim.falseReport);
  return next(
    "claimAction",
    { ...state, reference, stage: claim.stage, settled },
    toClaimDetail(claim, documents, staffViewOf(ctx)),
  );
}

const actionOptions = (state: D) => [
  { value: "move", label: "staffClaims:claimAction.move" as const },
  { value: "request", label: "staffClaims:claimAction.request" as const },
  ...(state.settled
    ? []
    : [
        { value: "verifyDeath", label: "staffClaims:claimAction.verifyDeath" as const },
        { value: "falseReport", label: "staffClaims:claimAction.falseReport" as const },
      ]),
  { value: "membership", label: "staffClaims:claimAction.membership" as const },
  { value: "access", label: "staffClaims:claimAction.access" as const },
  { value: "waive", label: "staffClaims:claimAction.waive" as const },
  { value: "back", label: "staffClaims:claimAction.back" as const },
];

const actionSteps: Record<string, string> = {
  request: "pickDoc",
  falseReport: "falseReason",
  membership: "membershipSince",
  access: "accessPhone",
  waive: "waivePick",
  back: "action",
};

export const staffClaimsFlow = defineFlow<D>({
  id: "staffClaims",
  version: 2,
  start: "action",
  staffOnly: true,
  permission: "claims.manage",
  staffMenuLabel: "staffClaims:menuLabel",
  data: staffClaimsData,
  initial: () => ({ listed: [], settled: false }),
  steps: {
    action: choose<D>({
      prompt: "staffClaims:action.prompt",
      options: [
        { value: "byStage", label: "staffClaims:action.byStage" },
        { value: "overdue", label: "staffClaims:action.overdue" },
        { value: "open", label: "staffClaims:action.open" },
        { value: "exit", label: "staffClaims:action.exit" },
      ],
      onChoice: async (value, state, ctx) => {
        if (value === "byStage") return next("pickStage", state);
        if (value === "open") return next("open", state);
        if (value === "overdue") return next("action", state, [await listOverdue(ctx)]);
        return exit([], true);
      },
    }),
    pickStage: choose<D>({
      prompt: "staffClaims:pickStage.prompt",
      options: claimStages.map((stage) => ({ value: stage, label: stageKey(stage) })),
      onChoice: async (value, state, ctx) => {
        const claims = await ctx.services.claims.list({ stage: value as ClaimStage }, { limit: 30 });
        await auditStaff(ctx, "claim.list", "claims", { stage: value, count: claims.length });
        const list = toClaimList(claims, staffViewOf(ctx));
        if (claims.length === 0) return next("action", state, [list]);
        return next("pickClaim", { ...state, listed: claims.map((c) => c.reference) }, [list]);
      },
    }),
    pickClaim: choose<D>({
      prompt: "staffClaims:pickClaim.prompt",
      options: (state) => [
        ...state.listed.map((reference) => ({
          value: reference,
          label: "staffClaims:pickClaim.item" as const,
          params: { reference },
        })),
        { value: "back", label: "staffClaims:claimAction.back" as const },
      ],
      onChoice: (value, state, ctx) =>
        value === "back" ? next("action", state) : open(value, { ...state, listed: [] }, ctx),
    }),
    open: ask<D, string>({
      prompt: "staffClaims:open.prompt",
      parse: (text) => {
        const reference = parseReference(text, claimPrefix);
        return reference ? { ok: true, value: reference } : { ok: false, reason: "invalid" };
      },
      invalid: "staffClaims:open.invalid",
      onAnswer: (reference, state, ctx) => open(reference, state, ctx),
    }),
    claimAction: choose<D>({
      prompt: (state) => ({
        key: "staffClaims:claimAction.prompt",
        params: { reference: state.reference ?? "" },
      }),
      options: (state) => actionOptions(state),
      onChoice: (value, state, ctx) => {
        if (value === "verifyDeath") return verifyDeathNow(state, ctx);
        if (value === "move")
          return state.stage && nextStages(state.stage).length > 0
            ? next("pickTarget", state)
            : invalid({ key: "staffClaims:pickTarget.none" }, { reprompt: true });
        return next(actionSteps[value] ?? "action", state);
      },
    }),
    ...staffMoveSteps,
    ...staffReportSteps,
  },
});
