/**
 * Documents for a claim, one photo or file at a time, each labelled (from the caption or by asking).
 * Started at the end of a death report and from the status check; the heir can stop and come back
 * over several days, and is told each time what is still missing.
 */
import { z } from "zod";
import type { FlowContext, Step, StepResult } from "../../core/flow";
import { defineFlow, exit, invalid, next } from "../../core/flow";
import type { MediaInput, Reply } from "../../core/messages";
import { choose } from "../../core/steps";
import { toComparable } from "../../core/text";
import {
  documentAliases,
  documentTypes,
  toDocumentTypeFromCaption,
  toMissing,
  type DocumentType,
} from "../../domain/claim-documents";
import { detectFileType, isAcceptedMimeType, maxDocumentBytes, toSafeFileName } from "../../domain/file-type";
import { recordDocument } from "../claims/claim-actions";
import { documentKey, toDocumentList } from "../claims/claim-view";

const data = z.object({
  reference: z.string(),
  pending: z.string().optional(),
  labelOptions: z.array(z.enum(documentTypes)).default([]),
});
type D = z.infer<typeof data>;

const finishWords = new Set([
  "selesai",
  "nanti",
  "nanti saja",
  "sudah",
  "cukup",
  "done",
  "later",
  "finish",
  "stop kirim",
]);
const maxMb = Math.round(maxDocumentBytes / 1024 / 1024);

async function missingFor(reference: string, ctx: FlowContext): Promise<DocumentType[] | null> {
  const claim = await ctx.services.claims.findByReference(reference);
  return claim ? toMissing(claim) : null;
}

function received(type: DocumentType, ctx: FlowContext): Reply {
  return {
    key: "deathReport:documents.received",
    params: { document: ctx.translator.t(ctx.language, documentKey(type)) },
  };
}

async function loadChecked(media: MediaInput): Promise<{ bytes: Uint8Array; extension: string } | Reply> {
  if (media.size > maxDocumentBytes) return { key: "deathReport:documents.tooLarge", params: { max: maxMb } };
  if (!isAcceptedMimeType(media.mimeType)) return { key: "deathReport:documents.wrongType" };
  let bytes: Uint8Array;
  try {
    bytes = await media.load();
  } catch {
    return { key: "deathReport:documents.loadFailed" };
  }
  if (bytes.length > maxDocumentBytes)
    return { key: "deathReport:documents.tooLarge", params: { max: maxMb } };
  const type = detectFileType(bytes);
  return type ? { bytes, extension: type.extension } : { key: "deathReport:documents.wrongType" };
}

async function handleMedia(media: MediaInput, state: D, ctx: FlowContext): Promise<StepResult<D>> {
  const checked = await loadChecked(media);
  if ("key" in checked) return invalid(checked);
  const { files, claimDocuments } = ctx.services;
  // Keyed by the message: a retried or redelivered photo overwrites the same file and record.
  const stored = await files.put(checked.bytes, { extension: checked.extension, key: ctx.effectKey("file") });
  const type = media.caption ? toDocumentTypeFromCaption(media.caption) : undefined;
  const id = ctx.effectKey("document");
  const fileName = media.fileName ? toSafeFileName(media.fileName) : undefined;
  await claimDocuments.add({
    _id: id,
    claimReference: state.reference,
    ...(type ? { type } : {}),
    fileKey: stored.key,
    mimeType: detectFileType(checked.bytes)?.mimeType ?? media.mimeType,
    size: stored.size,
    sha256: stored.sha256,
    ...(fileName ? { fileName } : {}),
    channel: ctx.channel,
    receivedAt: ctx.now,
  });
  if (type) {
    await recordDocument(ctx.services, state.reference, type);
    return next("collect", { ...state, pending: undefined }, [received(type, ctx)]);
  }
  const labelOptions = (await missingFor(state.reference, ctx)) ?? [];
  return next("label", { ...state, pending: id, labelOptions });
}

const collect: Step<D> = {
  prompt: async (state, ctx) => {
    const missing = await missingFor(state.reference, ctx);
    if (missing === null) return [{ key: "claimStatus:lookup.notFound" }];
    if (missing.length === 0)
      return [{ key: "deathReport:documents.promptComplete", params: { reference: state.reference } }];
    const list = toDocumentList(missing, { translator: ctx.translator, language: ctx.language });
    return [
      { key: "deathReport:documents.prompt", params: { reference: state.reference, list, max: maxMb } },
    ];
  },
  handle: async (input, state, ctx) => {
    if (input.content.type === "media") return handleMedia(input.content, state, ctx);
    if (finishWords.has(toComparable(input.text))) {
      const missing = (await missingFor(state.reference, ctx)) ?? [];
      const list = toDocumentList(missing, { translator: ctx.translator, language: ctx.language });
      return exit([
        missing.length > 0
          ? { key: "deathReport:documents.later", params: { reference: state.reference, list } }
          : { key: "deathReport:documents.allReceived", params: { reference: state.reference } },
      ]);
    }
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
    return next("collect", { ...state, pending: undefined, labelOptions: [] }, [received(type, ctx)]);
  },
  onOther: (input, state) =>
    input.content.type === "media"
      ? invalid({ key: "deathReport:documents.labelFirst" }, { reprompt: true })
      : invalid(
          { key: "common:choice.invalid", params: { count: state.labelOptions.length + 1 } },
          { reprompt: true },
        ),
});

export const claimDocumentsFlow = defineFlow<D>({
  id: "claimDocuments",
  version: 1,
  start: "collect",
  data,
  initial: (_ctx, input) => {
    const parsed = z.object({ reference: z.string() }).safeParse(input);
    return { reference: parsed.success ? parsed.data.reference : "", labelOptions: [] };
  },
  steps: { collect, label },
});
