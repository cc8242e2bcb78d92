/**
 * "Cek status klaim" (also the word "status"): the claims of this chat at once (the chat that
 * reported, heirs staff added, the reporter's own phone as the channel confirms it); any other
 * claim only with both its reference and the reporter's NIK. Every answer before both are given is
 * the same whether a claim exists or not, wrong pairs are rate-limited per chat and per reference,
 * and a refusal never says which half was wrong.
 */
import { z } from "zod";
import type { Claim } from "../core/claims.port";
import type { FlowContext, Step, StepResult } from "../core/flow";
import { defineFlow, done, exit, invalid, next, startFlow } from "../core/flow";
import type { Reply } from "../core/messages";
import { matchChoice } from "../core/choice-match";
import { ask, choose } from "../core/steps";
import { claimPrefix, parseReference } from "../domain/reference";
import { toMissing } from "../domain/claim-documents";
import { parseNik } from "../domain/nik";
import { findOwnClaims } from "./claims/claim-access";
import { takesDocuments, toStatusCard } from "./claims/claim-view";
import { countLookup, isLookupBlocked } from "./claims/lookup-limits";
import { storeUpload } from "./death-report/document-upload";
import { isFinishWord } from "./death-report/finish-words";

const data = z.object({
  /** A reference typed (not necessarily existing); never shown back until both factors match. */
  reference: z.string().optional(),
  /** Keyed hash of the reporter's NIK as typed. */
  nikHash: z.string().optional(),
  /** The claim shown, when the chat may send documents for it; `verified` when shown on both factors. */
  shown: z.string().optional(),
  verified: z.boolean().default(false),
});
type D = z.infer<typeof data>;

const sendOption = {
  value: "send",
  label: "claimStatus:lookup.sendDocuments" as const,
  aliases: ["kirim", "kirim dokumen", "send"],
};
const maxShown = 3;

const awaitsDocuments = (claim: Claim) => takesDocuments(claim) && toMissing(claim).length > 0;

const viewOf = (ctx: FlowContext) => ({
  translator: ctx.translator,
  language: ctx.language,
  calendar: ctx.services.calendar,
  now: ctx.now,
});

function show(claim: Claim, state: D, ctx: FlowContext, verified: boolean): StepResult<D> {
  const card = toStatusCard(claim, viewOf(ctx));
  if (awaitsDocuments(claim))
    return next("afterShow", { ...state, shown: claim.reference, verified }, [card]);
  return done(state, [card, { key: "claimStatus:footer" }]);
}

/** Both factors given: the claim, or one refusal that is the same for every wrong pair. */
async function verify(state: D, ctx: FlowContext): Promise<StepResult<D>> {
  const reference = state.reference ?? "";
  if (await isLookupBlocked(ctx, "claimLookup", reference))
    return exit([{ key: "claimStatus:verify.limited" }]);
  const claim = await ctx.services.claims.findByReference(reference);
  const matches = claim !== null && !claim.falseReport && claim.heir.nik.hash === state.nikHash;
  const action = matches ? "claim.status.verified" : "claim.status.refused";
  await ctx.services.audit.record(
    { at: ctx.now, actor: `${ctx.channel}:${ctx.userId}`, action, target: `claim:${reference}` },
    ctx.effectKey(`audit:${action}`),
  );
  if (!matches || !claim) {
    const allowed = await countLookup(ctx, "claimLookup", reference);
    return exit([{ key: allowed ? "claimStatus:verify.refused" : "claimStatus:verify.limited" }]);
  }
  const shown: D = { ...state, reference };
  delete shown.nikHash;
  return show(claim, shown, ctx, true);
}

/** A reference or a NIK typed at the first question: the other half is asked, whatever exists. */
async function lookUp(text: string, state: D, ctx: FlowContext): Promise<StepResult<D>> {
  const reference = parseReference(text, claimPrefix);
  if (reference) {
    const own = (await findOwnClaims(ctx)).find((c) => c.reference === reference);
    if (own) return show(own, state, ctx, false);
    const updated = { ...state, reference };
    return updated.nikHash ? verify(updated, ctx) : next("verifyNik", updated);
  }
  const nik = parseNik(text, ctx.now);
  if (nik.ok) {
    const updated = { ...state, nikHash: ctx.services.vault.hash(nik.value.nik) };
    return updated.reference ? verify(updated, ctx) : next("verifyReference", updated);
  }
  return invalid({ key: "claimStatus:lookup.invalid" });
}

const lookup: Step<D> = {
  prompt: async (_state, ctx) => {
    const own = await findOwnClaims(ctx);
    if (own.length === 0) return [{ key: "claimStatus:lookup.prompt" }];
    const choices = own.some(awaitsDocuments) ? [{ value: sendOption.value, label: sendOption.label }] : [];
    const cards: Reply[] = own.slice(0, maxShown).map((c) => toStatusCard(c, viewOf(ctx)));
    return [...cards, { key: "claimStatus:lookup.ownPrompt", choices }];
  },
  handle: async (input, state, ctx) => {
    if (matchChoice(input.content, [sendOption], ctx.translator) === "send") {
      const waiting = (await findOwnClaims(ctx)).find(awaitsDocuments);
      if (waiting) return startFlow("claimDocuments", { reference: waiting.reference });
    }
    if (isFinishWord(input.text)) return exit([], true);
    return lookUp(input.text, state, ctx);
  },
};

export const claimStatusFlow = defineFlow<D>({
  id: "claimStatus",
  version: 2,
  start: "lookup",
  data,
  initial: () => ({ verified: false }),
  steps: {
    lookup,
    verifyNik: ask<D, string>({
      prompt: "claimStatus:verify.nik",
      parse: (text, ctx) => {
        const nik = parseNik(text, ctx.now);
        return nik.ok ? { ok: true, value: nik.value.nik } : { ok: false, reason: "nik" };
      },
      invalid: "claimStatus:verify.invalidNik",
      onAnswer: (nik, state, ctx) => verify({ ...state, nikHash: ctx.services.vault.hash(nik) }, ctx),
    }),
    verifyReference: ask<D, string>({
      prompt: "claimStatus:verify.reference",
      parse: (text) => {
        const reference = parseReference(text, claimPrefix);
        return reference ? { ok: true, value: reference } : { ok: false, reason: "reference" };
      },
      invalid: "claimStatus:lookup.invalid",
      onAnswer: (reference, state, ctx) => verify({ ...state, reference }, ctx),
    }),
    afterShow: choose<D>({
      prompt: "claimStatus:afterShow.prompt",
      options: [sendOption, { value: "menu", label: "claimStatus:afterShow.menu", aliases: ["menu"] }],
      onChoice: (value, state) =>
        value === "send" && state.shown
          ? startFlow("claimDocuments", { reference: state.shown, verified: state.verified })
          : exit([], true),
      onOther: async (input, state, ctx) => {
        if (isFinishWord(input.text)) return exit([], true);
        if (input.content.type !== "media" || !state.shown)
          return invalid({ key: "common:choice.invalid", params: { count: 2 } }, { reprompt: true });
        const upload = await storeUpload(input.content, ctx);
        if ("key" in upload) return invalid(upload);
        return startFlow("claimDocuments", {
          reference: state.shown,
          verified: state.verified,
          upload,
          choices: [state.shown],
        });
      },
    }),
  },
});
