/** Replies the staff broadcast flows show: a preview with counts and renders, and progress lines. */
import type { BroadcastPreview, BroadcastProgress } from "../core/broadcast.port";
import type { FlowContext } from "../core/flow";
import type { Reply } from "../core/messages";
import type { BroadcastStatus } from "../domain/broadcast-lifecycle";

export function toStatusLabel(status: BroadcastStatus, ctx: FlowContext): string {
  return ctx.translator.t(ctx.language, `broadcast:status.${status}`);
}

export function toPreviewReplies(preview: BroadcastPreview): Reply[] {
  const { byChannel, excluded } = preview;
  const summary: Reply = {
    key: "broadcast:create.preview.summary",
    params: {
      recipients: preview.recipients,
      telegram: byChannel.telegram ?? 0,
      whatsapp: byChannel.whatsapp ?? 0,
      other: byChannel.terminal ?? 0,
      ...excluded,
    },
  };
  const renders: Reply[] = preview.renders.map((render) => ({
    key: "broadcast:create.preview.render",
    params: {
      language: render.language.toUpperCase(),
      length: render.text.length,
      text: render.text,
      warning: render.tooLongFor.length > 0 ? `, ⚠️ > ${render.tooLongFor.join("/")}` : "",
    },
  }));
  const lines = preview.sample.map((s) => `• ${s.channel} ${s.user} (${s.language})`).join("\n");
  const sample: Reply[] = lines ? [{ key: "broadcast:create.preview.sample", params: { lines } }] : [];
  return [summary, ...renders, ...sample];
}

export function toProgressReply(progress: BroadcastProgress, ctx: FlowContext): Reply {
  return { key: "broadcast:progress", params: { ...progress, status: toStatusLabel(progress.status, ctx) } };
}
