/**
 * "Cek status klaim" (also the word "status"): the heir's own claims at once; any claim by its
 * reference, or by the heir's NIK or phone. A claim that is not the asker's own is shown only after
 * a second identifier of its heir matches, so nobody learns about other people's claims.
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
import { parsePhone } from "../domain/phone";
import { toStatusCard } from "./claims/claim-view";

const data = z.object({
  pending: z.array(z.string()).default([]),
  verifyWith: z.enum(["nikOrPhone", "nik", "phone"]).default("nikOrPhone"),
  reference: z.string().optional(),
});
type D = z.infer<typeof data>;

const sendOption = {
  value: "send",
  label: "claimStatus:lookup.sendDocuments" as const,
  aliases: ["kirim", "kirim dokumen", "send"],
};
const maxShown = 3;

const isOwn = (claim: Claim, ctx: FlowContext) =>
  (claim.heir.contact.channel === ctx.channel && claim.heir.contact.userId === ctx.userId) ||
  (ctx.phone !== undefined && claim.heir.phone === ctx.phone);

const awaitsDocuments = (claim: Claim) =>
  ["LAPORAN_DITERIMA", "VERIFIKASI_RT_KELURAHAN", "MENUNGGU_DOKUMEN", "DITOLAK_PERLU_TINDAK_LANJUT"].includes(
    claim.stage,
  ) && toMissing(claim).length > 0;

async function ownClaims(ctx: FlowContext): Promise<Claim[]> {
  const { claims } = ctx.services;
  const byContact = await claims.findByHeirContact({ channel: ctx.channel, userId: ctx.userId });
  const byPhone = ctx.phone ? await claims.findByHeirPhone(ctx.phone) : [];
  const seen = new Set<string>();
  return [...byContact, ...byPhone].filter((c) => !seen.has(c.reference) && seen.add(c.reference));
}

function cards(claims: Claim[], ctx: FlowContext): Reply[] {
  const view = {
    translator: ctx.translator,
    language: ctx.language,
    calendar: ctx.services.calendar,
    now: ctx.now,
  };
  return claims.slice(0, maxShown).flatMap((c) => toStatusCard(c, view));
}

function show(claims: Claim[], state: D, ctx: FlowContext): StepResult<D> {
  const only = claims.length === 1 ? claims[0] : undefined;
  if (only && awaitsDocuments(only))
    return next("afterShow", { ...state, reference: only.reference }, cards(claims, ctx));
  return done(state, [...cards(claims, ctx), { key: "claimStatus:footer" }]);
}

/** Shows the asker's own claims at once; the others wait for a second identifier. */
function showOrVerify(
  found: Claim[],
  state: D,
  ctx: FlowContext,
  verifyWith: D["verifyWith"],
): StepResult<D> {
  if (found.length === 0) return invalid({ key: "claimStatus:lookup.notFound" });
  const own = found.filter((c) => isOwn(c, ctx));
  if (own.length === found.length) return show(own, state, ctx);
  return next("verify", { ...state, pending: found.map((c) => c.reference), verifyWith });
}

async function lookUp(text: string, state: D, ctx: FlowContext): Promise<StepResult<D>> {
  const { claims, vault } = ctx.services;
  const reference = parseReference(text, claimPrefix);
  if (reference) {
    const claim = await claims.findByReference(reference);
    return showOrVerify(claim ? [claim] : [], state, ctx, "nikOrPhone");
  }
  const nik = parseNik(text, ctx.now);
  if (nik.ok)
    return showOrVerify(await claims.findByHeirNikHash(vault.hash(nik.value.nik)), state, ctx, "phone");
  const phone = parsePhone(text);
  if (phone.ok) {
    const found = await claims.findByHeirPhone(phone.value);
    if (phone.value === ctx.phone && found.length > 0) return show(found, state, ctx);
    return showOrVerify(found, state, ctx, "nik");
  }
  return invalid({ key: "claimStatus:lookup.invalid" });
}

const lookup: Step<D> = {
  prompt: async (_state, ctx) => {
    const own = await ownClaims(ctx);
    if (own.length === 0) return [{ key: "claimStatus:lookup.prompt", requestContact: true }];
    const choices = own.some(awaitsDocuments) ? [{ value: sendOption.value, label: sendOption.label }] : [];
    return [...cards(own, ctx), { key: "claimStatus:lookup.ownPrompt", choices }];
  },
  handle: async (input, state, ctx) => {
    if (matchChoice(input.content, [sendOption], ctx.translator) === "send") {
      const waiting = (await ownClaims(ctx)).find(awaitsDocuments);
      if (waiting) return startFlow("claimDocuments", { reference: waiting.reference });
    }
    if (input.content.type === "contact") {
      // Only the asker's own number (Telegram's button, the WhatsApp sender) shows claims at once:
      // a WhatsApp contact card can carry anyone's number, so that needs the heir's NIK too.
      const phone = parsePhone(input.content.phone);
      const found = phone.ok ? await ctx.services.claims.findByHeirPhone(phone.value) : [];
      if (found.length === 0) return invalid({ key: "claimStatus:lookup.notFound" });
      return phone.ok && phone.value === ctx.phone
        ? show(found, state, ctx)
        : showOrVerify(found, state, ctx, "nik");
    }
    return lookUp(input.text, state, ctx);
  },
};

function heirMatches(claim: Claim, text: string, verifyWith: D["verifyWith"], ctx: FlowContext): boolean {
  const nik = parseNik(text, ctx.now);
  if (verifyWith !== "phone" && nik.ok && ctx.services.vault.hash(nik.value.nik) === claim.heir.nik.hash)
    return true;
  const phone = parsePhone(text);
  return verifyWith !== "nik" && phone.ok && claim.heir.phone === phone.value;
}

export const claimStatusFlow = defineFlow<D>({
  id: "claimStatus",
  version: 1,
  start: "lookup",
  data,
  initial: () => ({ pending: [], verifyWith: "nikOrPhone" }),
  steps: {
    lookup,
    verify: ask<D, string>({
      prompt: (state) => ({ key: `claimStatus:verify.${state.verifyWith}` }),
      parse: (text) => ({ ok: true, value: text }),
      invalid: "claimStatus:lookup.invalid",
      onAnswer: async (text, state, ctx) => {
        const found = await Promise.all(state.pending.map((r) => ctx.services.claims.findByReference(r)));
        const verified = found.filter(
          (c): c is Claim => c !== null && heirMatches(c, text, state.verifyWith, ctx),
        );
        const action = verified.length > 0 ? "claim.status.verified" : "claim.status.refused";
        await ctx.services.audit.record(
          {
            at: ctx.now,
            actor: `${ctx.channel}:${ctx.userId}`,
            action,
            target: state.pending.map((r) => `claim:${r}`).join(","),
          },
          ctx.effectKey(`audit:${action}`),
        );
        if (verified.length === 0) return exit([{ key: "claimStatus:verify.refused" }]);
        return show(verified, { ...state, pending: [] }, ctx);
      },
    }),
    afterShow: choose<D>({
      prompt: "claimStatus:afterShow.prompt",
      options: [sendOption, { value: "menu", label: "claimStatus:afterShow.menu", aliases: ["menu"] }],
      onChoice: (value, state) =>
        value === "send" && state.reference
          ? startFlow("claimDocuments", { reference: state.reference })
          : exit([], true),
    }),
  },
});
