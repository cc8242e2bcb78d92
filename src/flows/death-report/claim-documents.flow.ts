/**
 * Documents for a claim, one photo or file at a time, each labelled (from the caption or by
 * asking). Started at the end of a death report (the checklist is shown once, then only how many
 * are left), from the status check, or by a file sent anywhere else (one confirmation first). Only
 * the claim's own chats, or someone who gave the reporter's NIK with the reference, may send.
 */
import { z } from "zod";
import type { Claim } from "../../core/claims.port";
import type { FlowContext, Step, StepResult } from "../../core/flow";
import { defineFlow, exit, invalid, next, stay } from "../../core/flow";
import type { MediaInput } from "../../core/messages";
import { choose } from "../../core/steps";
import { documentTypes, toMissing, type DocumentType } from "../../domain/claim-documents";
import { documentAliases } from "../../domain/document-words";
import { saysNeverRegistered } from "../../domain/membership";
import { recordDocument } from "../claims/claim-actions";
import { isOwnClaim } from "../claims/claim-access";
import { documentKey, takesDocuments, toDocumentList } from "../claims/claim-view";
import { attachUpload, storeUpload, toReceived, uploadSchema } from "./document-upload";
import { isFinishWord, noteNeverRegistered } from "./finish-words";
import { confirmUploadStep } from "./upload-confirm.step";

const data = z.object({
  reference: z.string(),
  /** The reference and reporter's NIK were given (status check): this chat may send for this claim. */
  verified: z.boolean().default(false),
  /** Show the checklist once, at the first prompt after the report. */
  intro: z.boolean().default(false),
  pending: z.string().optional(),
  /** The document just received: the next prompt says so and how many are left (one message). */
  lastReceived: z.enum(documentTypes).optional(),
  labelOptions: z.array(z.enum(documentTypes)).default([]),
  /** A file sent outside this flow, stored and waiting for the heir to say which claim it is for. */
  upload: uploadSchema.optional(),
  choices: z.array(z.string()).default([]),
});
export type DocumentsData = z.infer<typeof data>;
type D = DocumentsData;

/** The claim, when this chat may send documents for it now. */
export async function claimFor(state: D, ctx: FlowContext): Promise<Claim | null> {
  const claim = await ctx.services.claims.findByReference(state.reference);
  return claim && (state.verified || isOwnClaim(claim, ctx)) ? claim : null;
}

const view = (ctx: FlowContext) => ({ translator: ctx.translator, language: ctx.language });

async function handleMedia(media: MediaInput, state: D, ctx: FlowContext): Promise<StepResult<D>> {
  const upload = await storeUpload(media, ctx);
  if ("key" in upload) return invalid(upload);
  const { id, type } = await attachUpload(upload, state.reference, ctx);
  const base = { ...state, intro: false };
  if (type) return next("collect", { ...base, lastReceived: type });
  const claim = await ctx.services.claims.findByReference(state.reference);
  return next("label", { ...base, pending: id, labelOptions: claim ? toMissing(claim) : [] });
}

async function finish(state: D, ctx: FlowContext): Promise<StepResult<D>> {
  const claim = await ctx.services.claims.findByReference(state.reference);
  const missing = claim ? toMissing(claim) : [];
  return exit([
    missing.length > 0
      ? {
          key: "deathReport:documents.later",
          params: { reference: state.reference, list: toDocumentList(missing, view(ctx)) },
        }
      : { key: "deathReport:documents.allReceived", params: { reference: state.reference } },
  ]);
}

const collect: Step<D> = {
  help: "deathReport:documents.help",
  prompt: async (state, ctx) => {
    if (state.upload) return confirmUploadStep.prompt(state, ctx);
    const claim = await claimFor(state, ctx);
    if (!claim) return [{ key: "deathReport:documents.notOwn" }];
    if (state.lastReceived) return [toReceived(state.lastReceived, claim, ctx)];
    const missing = toMissing(claim);
    if (missing.length === 0)
      return [{ key: "deathReport:documents.promptComplete", params: { reference: state.reference } }];
    if (state.intro)
      return [
        {
          key: "deathReport:documents.intro",
          params: { list: toDocumentList(missing, view(ctx)) },
        },
      ];
    return [{ key: "deathReport:documents.prompt", params: { reference: state.reference } }];
  },
  handle: async (input, given, ctx) => {
    if (given.upload) return confirmUploadStep.handle(input, given, ctx);
    const state = { ...given };
    delete state.lastReceived;
    const claim = await claimFor(state, ctx);
    if (!claim || !takesDocuments(claim)) return exit([{ key: "deathReport:documents.notOwn" }], true);
    if (input.content.type === "media") return handleMedia(input.content, state, ctx);
    if (isFinishWord(input.text)) return finish(state, ctx);
    if (saysNeverRegistered(input.text)) return stay(state, [await noteNeverRegistered(claim, ctx)]);
    return invalid({ key: "deathReport:documents.notAFile" });
  },
};

const label = choose<D>({
  prompt: "deathReport:label.prompt",
  options: (state) =>
    [...state.labelOptions, "other" as const].map((type) => ({
      value: type,
      label: documentKey(type),
      aliases: documentAliases[type],
    })),
  onChoice: async (value, state, ctx) => {
    const type = value as DocumentType;
    if (state.pending) await ctx.services.claimDocuments.label(state.pending, type);
    if (type !== "other") await recordDocument(ctx.services, state.reference, type);
    const after = { ...state, labelOptions: [] };
    delete after.pending;
    return next("collect", { ...after, lastReceived: type });
  },
  onOther: (input, state, ctx) => {
    if (input.content.type === "media")
      return invalid({ key: "deathReport:documents.labelFirst" }, { reprompt: true });
    if (isFinishWord(input.text)) return finish(state, ctx);
    return invalid(
      { key: "common:choice.invalid", params: { count: state.labelOptions.length + 1 } },
      { reprompt: true },
    );
  },
});

export const claimDocumentsFlow = defineFlow<D>({
  id: "claimDocuments",
  version: 2,
  start: "collect",
  data,
  initial: (_ctx, input) => {
    const parsed = data.partial().safeParse(input);
    const given = parsed.success ? parsed.data : {};
    return {
      reference: given.reference ?? "",
      verified: given.verified ?? false,
      intro: given.intro ?? false,
      labelOptions: [],
      choices: given.choices ?? [],
      ...(given.upload ? { upload: given.upload } : {}),
    };
  },
  steps: { collect, label, confirmUpload: confirmUploadStep },
});
