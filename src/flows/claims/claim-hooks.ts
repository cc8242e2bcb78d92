/**
 * The claims feature's hooks into the engine (registry): a photo or PDF sent outside the documents
 * step goes to the chat's claim that still misses documents (after one confirmation), and the first
 * message of a conversation belonging to someone reported dead asks whether they are well.
 */
import type { Interjection } from "../../core/engine";
import type { FlowContext } from "../../core/flow";
import type { MediaInput } from "../../core/messages";
import { toMissing } from "../../domain/claim-documents";
import { storeUpload } from "../death-report/document-upload";
import { findReportAbout } from "./alive-check";
import { findOwnClaims } from "./claim-access";
import { takesDocuments } from "./claim-view";

export async function offerStrayMedia(media: MediaInput, ctx: FlowContext): Promise<Interjection | null> {
  if (ctx.session.flow?.id === "claimDocuments") return null;
  const waiting = (await findOwnClaims(ctx)).filter((c) => takesDocuments(c) && toMissing(c).length > 0);
  const first = waiting[0];
  if (!first) return null;
  const upload = await storeUpload(media, ctx);
  if ("key" in upload) return [upload];
  return {
    replies: [],
    start: {
      flow: "claimDocuments",
      data: { reference: first.reference, upload, choices: waiting.map((c) => c.reference) },
    },
  };
}

export async function askIfReported(ctx: FlowContext): Promise<{ flow: string; data: unknown } | null> {
  const reference = await findReportAbout(ctx);
  return reference ? { flow: "aliveCheck", data: { reference } } : null;
}
