/**
 * A photo or PDF an heir sends for a claim: checked (size, real file type), stored encrypted
 * outside the chat, then recorded against the claim (labelled from its caption when it names one).
 * A file sent outside the documents step is stored first and attached once the heir confirms.
 */
import { z } from "zod";
import type { FlowContext } from "../../core/flow";
import type { MediaInput, Reply } from "../../core/messages";
import { toDocumentTypeFromCaption } from "../../domain/document-words";
import type { Claim } from "../../core/claims.port";
import { toMissing, type DocumentType } from "../../domain/claim-documents";
import { detectFileType, isAcceptedMimeType, maxDocumentBytes, toSafeFileName } from "../../domain/file-type";
import { recordDocument } from "../claims/claim-actions";
import { documentKey } from "../claims/claim-view";

export const maxMb = Math.round(maxDocumentBytes / 1024 / 1024);

export const uploadSchema = z.object({
  fileKey: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  fileName: z.string().optional(),
  caption: z.string().optional(),
});
export type Upload = z.infer<typeof uploadSchema>;

async function loadChecked(
  media: MediaInput,
): Promise<{ bytes: Uint8Array; extension: string; mimeType: string } | Reply> {
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
  return type
    ? { bytes, extension: type.extension, mimeType: type.mimeType }
    : { key: "deathReport:documents.wrongType" };
}

/** Checks and stores the file; a refusal says why (too large, not a photo or PDF, not loaded). */
export async function storeUpload(media: MediaInput, ctx: FlowContext): Promise<Upload | Reply> {
  const checked = await loadChecked(media);
  if ("key" in checked) return checked;
  // Keyed by the message: a retried or redelivered photo overwrites the same file, adds no copy.
  const stored = await ctx.services.files.put(checked.bytes, {
    extension: checked.extension,
    key: ctx.effectKey("file"),
  });
  const fileName = media.fileName ? toSafeFileName(media.fileName) : undefined;
  return {
    fileKey: stored.key,
    mimeType: checked.mimeType,
    size: stored.size,
    sha256: stored.sha256,
    ...(fileName ? { fileName } : {}),
    ...(media.caption ? { caption: media.caption.slice(0, 200) } : {}),
  };
}

/** Records a stored file against a claim; returns the document id and the type its caption names. */
export async function attachUpload(
  upload: Upload,
  reference: string,
  ctx: FlowContext,
): Promise<{ id: string; type: DocumentType | undefined }> {
  const type = upload.caption ? toDocumentTypeFromCaption(upload.caption) : undefined;
  const id = ctx.effectKey("document"); // a retried message finds its document, adds none
  await ctx.services.claimDocuments.add({
    _id: id,
    claimReference: reference,
    ...(type ? { type } : {}),
    fileKey: upload.fileKey,
    mimeType: upload.mimeType,
    size: upload.size,
    sha256: upload.sha256,
    ...(upload.fileName ? { fileName: upload.fileName } : {}),
    channel: ctx.channel,
    receivedAt: ctx.now,
  });
  if (type) await recordDocument(ctx.services, reference, type);
  return { id, type };
}

/** "✅ Diterima: Akta kematian. Masih 5 dokumen lagi" — never the whole list again. */
export function toReceived(type: DocumentType, claim: Claim | null, ctx: FlowContext): Reply {
  const document = ctx.translator.t(ctx.language, documentKey(type));
  const left = claim ? toMissing(claim).length : 0;
  return left > 0
    ? { key: "deathReport:documents.receivedMore", params: { document, count: left } }
    : { key: "deathReport:documents.receivedAll", params: { document } };
}
