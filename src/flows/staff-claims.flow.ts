/**
 * Staff: claims in the chat. List by stage or overdue, open one (history, documents), move it with a
 * note (only allowed moves; the heir is told), ask the heir for a document. Every action is audited.
 */
import { z } from "zod";
import type { ClaimStage } from "../core/claims.port";
import type { FlowContext, StepResult } from "../core/flow";
import { defineFlow, exit, invalid, next } from "../core/flow";
import type { Reply } from "../core/messages";
import { ask, choose } from "../core/steps";
import { claimPrefix, parseReference } from "../domain/reference";
import { documentTypes, type DocumentType } from "../domain/claim-documents";
import { claimStages, nextStages, slaRunningStages } from "../domain/claim-lifecycle";
import { toJakartaDay } from "../domain/jakarta-time";
import { moveClaim, requestDocument } from "./claims/claim-actions";
import { documentKey, stageKey } from "./claims/claim-view";
import { toClaimDetail, toClaimList } from "./claims/claim-staff-view";

const data = z.object({
  reference: z.string().optional(),
  stage: z.enum(claimStages).optional(),
  to: z.enum(claimStages).optional(),
  docType: z.enum(documentTypes).optional(),
  /** The references of the last list, so staff can pick one by its number. */
  listed: z.array(z.string()).default([]),
});
type D = z.infer<typeof data>;

const actor = (ctx: FlowContext) => `${ctx.channel}:${ctx.userId}`;
const view = (ctx: FlowContext) => ({
  translator: ctx.translator,
  language: ctx.language,
  calendar: ctx.services.calendar,
  now: ctx.now,
  vault: ctx.services.vault,
  files: ctx.services.files,
});
const deps = (ctx: FlowContext) => ({ services: ctx.services, translator: ctx.translator });
const noteOf = (text: string) => (text === "-" ? undefined : text.slice(0, 500));

async function audit(ctx: FlowContext, action: string, target: string, details?: Record<string, unknown>) {
  await ctx.services.audit.record(
    { at: ctx.now, actor: actor(ctx), action, target, ...(details ? { details } : {}) },
    ctx.effectKey(`audit:${action}:${target}`),
  );
}

async function listOverdue(ctx: FlowContext): Promise<Reply> {
  const claims = await ctx.services.claims.list({
    stage: [...slaRunningStages],
    slaDueBefore: toJakartaDay(ctx.now),
  });
  await audit(ctx, "claim.list", "claims", { overdue: true, count: claims.length });
  return toClaimList(claims, view(ctx));
}

async function open(reference: string, state: D, ctx: FlowContext): Promise<StepResult<D>> {
  const claim = await ctx.services.claims.findByReference(reference);
  if (!claim) return invalid({ key: "staffClaims:open.notFound" });
  const documents = await ctx.services.claimDocuments.listByClaim(reference);
  await audit(ctx, "claim.view", `claim:${reference}`);
  return next(
    "claimAction",
    { ...state, reference, stage: claim.stage },
    toClaimDetail(claim, documents, view(ctx)),
  );
}

export const staffClaimsFlow = defineFlow<D>({
  id: "staffClaims",
  version: 1,
  start: "action",
  staffOnly: true,
  staffMenuLabel: "staffClaims:menuLabel",
  data,
  initial: () => ({ listed: [] }),
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
        await audit(ctx, "claim.list", "claims", { stage: value, count: claims.length });
        if (claims.length === 0) return next("action", state, [toClaimList(claims, view(ctx))]);
        return next("pickClaim", { ...state, listed: claims.map((c) => c.reference) }, [
          toClaimList(claims, view(ctx)),
        ]);
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
      options: [
        { value: "move", label: "staffClaims:claimAction.move" },
        { value: "request", label: "staffClaims:claimAction.request" },
        { value: "back", label: "staffClaims:claimAction.back" },
      ],
      onChoice: (value, state) => {
        if (value === "move")
          return state.stage && nextStages(state.stage).length > 0
            ? next("pickTarget", state)
            : invalid({ key: "staffClaims:pickTarget.none" }, { reprompt: true });
        return next(value === "request" ? "pickDoc" : "action", state);
      },
    }),
    pickTarget: choose<D>({
      prompt: "staffClaims:pickTarget.prompt",
      options: (state) =>
        (state.stage ? nextStages(state.stage) : []).map((stage) => ({
          value: stage,
          label: stageKey(stage),
        })),
      onChoice: (value, state) => next("note", { ...state, to: value as ClaimStage }),
    }),
    note: ask<D, string>({
      prompt: "staffClaims:note.prompt",
      parse: (text) => (text.length > 0 ? { ok: true, value: text } : { ok: false, reason: "empty" }),
      invalid: "staffClaims:note.prompt",
      onAnswer: async (text, state, ctx) => {
        if (!state.reference || !state.to) return next("action", state);
        const note = noteOf(text);
        const result = await moveClaim(deps(ctx), {
          reference: state.reference,
          to: state.to,
          actor: actor(ctx),
          ...(note ? { note } : {}),
        });
        if (result.status === "refused")
          return next("claimAction", state, [{ key: `staffClaims:moveRefused.${result.reason}` }]);
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
        return next("claimAction", { ...state, stage: result.claim.stage, to: undefined }, replies);
      },
    }),
    pickDoc: choose<D>({
      prompt: "staffClaims:pickDoc.prompt",
      options: documentTypes.map((type) => ({ value: type, label: documentKey(type) })),
      onChoice: (value, state) => next("docNote", { ...state, docType: value as DocumentType }),
    }),
    docNote: ask<D, string>({
      prompt: "staffClaims:docNote.prompt",
      parse: (text) => (text.length > 0 ? { ok: true, value: text } : { ok: false, reason: "empty" }),
      invalid: "staffClaims:docNote.prompt",
      onAnswer: async (text, state, ctx) => {
        if (!state.reference || !state.docType) return next("action", state);
        const note = noteOf(text);
        const result = await requestDocument(deps(ctx), {
          reference: state.reference,
          type: state.docType,
          actor: actor(ctx),
          ...(note ? { note } : {}),
        });
        if (result.status === "notFound")
          return next("action", state, [{ key: "staffClaims:open.notFound" }]);
        const replies: Reply[] = [{ key: "staffClaims:requested", params: { reference: state.reference } }];
        if (!result.notified) replies.push({ key: "staffClaims:notNotified" });
        return next("claimAction", { ...state, docType: undefined }, replies);
      },
    }),
  },
});
