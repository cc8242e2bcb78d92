/** Replies the staff broadcast flows show: a preview with counts and renders, and progress lines. */
import type { BroadcastPreview, BroadcastProgress } from "../core/broadcast.port";
import type { ChannelDirectory } from "../core/channel-contract";
import type { FlowContext } from "../core/flow";
import type { ChannelName, Reply } from "../core/messages";
import type { BroadcastStatus } from "../domain/broadcast-lifecycle";

export function toStatusLabel(status: BroadcastStatus, ctx: FlowContext): string {
  return ctx.translator.t(ctx.language, `broadcast:status.${status}`);
}

/** "Telegram 3, WhatsApp 5": counts per channel, with the channels' own labels. */
function toChannelCounts(counts: Partial<Record<ChannelName, number>>, channels: ChannelDirectory): string {
  const parts = channels
    .list()
    .filter((c) => (counts[c.channel] ?? 0) > 0)
    .map((c) => `${c.label} ${counts[c.channel]}`);
  return parts.length > 0 ? parts.join(", ") : "-";
}

export function toPreviewReplies(preview: BroadcastPreview, ctx: FlowContext): Reply[] {
  const channels = ctx.services.channels;
  const { byChannel, excluded } = preview;
  const summary: Reply = {
    key: "broadcast:create.preview.summary",
    params: { recipients: preview.recipients, channels: toChannelCounts(byChannel, channels), ...excluded },
  };
  const needTemplate = Object.values(preview.needTemplate).reduce((a, b) => a + (b ?? 0), 0);
  const windowHours = channels
    .list()
    .find((c) => (preview.needTemplate[c.channel] ?? 0) > 0)?.serviceWindowHours;
  const templates: Reply[] =
    needTemplate > 0
      ? [
          {
            key: "broadcast:create.preview.templates",
            params: {
              count: needTemplate,
              channels: toChannelCounts(preview.needTemplate, channels),
              hours: windowHours ?? 24,
            },
          },
        ]
      : [];
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
  const estimated: Reply[] = preview.estimated ? [{ key: "broadcast:create.preview.estimated" }] : [];
  return [
    summary,
    ...estimated,
    ...templates,
    ...renders,
    ...sample,
    ...toFinishReplies(preview.finishBy, preview.slow, ctx),
  ];
}

/** One line per channel: when it should be done; and a warning when a channel takes over a week. */
function toFinishReplies(
  finishBy: Partial<Record<ChannelName, Date>>,
  slow: readonly ChannelName[],
  ctx: FlowContext,
): Reply[] {
  const name = (channel: ChannelName) => ctx.services.channels.capabilitiesOf(channel).label;
  const lines: Reply[] = (Object.entries(finishBy) as [ChannelName, Date][]).map(([channel, at]) => ({
    key: "broadcast:finishBy",
    params: { channel: name(channel), at },
  }));
  const latest = slow.map((c) => finishBy[c]).filter((at): at is Date => at !== undefined);
  if (latest.length === 0) return lines;
  const at = new Date(Math.max(...latest.map((d) => d.getTime())));
  return [
    ...lines,
    { key: "broadcast:create.preview.slow", params: { channels: slow.map(name).join(", "), at } },
  ];
}

export function toProgressReplies(progress: BroadcastProgress, ctx: FlowContext): Reply[] {
  const { finishBy, ...counts } = progress;
  return [
    { key: "broadcast:progress", params: { ...counts, status: toStatusLabel(progress.status, ctx) } },
    ...toFinishReplies(finishBy, [], ctx),
  ];
}
