/**
 * What staff see before sending: how many get the message (by channel and language), who is left
 * out and why, each language's text, a few sample recipients, and when each channel will be done.
 * A small segment is listed exactly; a big one (over `exactUpTo`) is counted in the database, with
 * a handful of recipients read for the sample, so a whole-city preview reads a few dozen documents.
 */
import type { BroadcastDraft, BroadcastPreview } from "../core/broadcast.port";
import { isOutsideServiceWindow, toTooLongFor, type ChannelDirectory } from "../core/channel-contract";
import { languages, type ChannelName, type Language } from "../core/messages";
import type { Clock, Translator } from "../core/ports";
import { slowBroadcastMs, toFinishTimes } from "../domain/broadcast-duration";
import { sampleParams, toBroadcastText } from "./broadcast-message";
import type { RecipientEstimator } from "./broadcast-estimate";
import type { BroadcastPacing } from "./broadcast-pacing";
import type { RecipientResolver, ResolvedRecipient } from "./broadcast-recipients";

export function maskUserId(userId: string): string {
  return userId.length <= 4
    ? "****"
    : `${userId.slice(0, 2)}${"*".repeat(userId.length - 4)}${userId.slice(-2)}`;
}

export type PreviewDeps = {
  channels: ChannelDirectory;
  resolver: RecipientResolver;
  estimator: RecipientEstimator;
  translator: Translator;
  clock: Clock;
  pacing: BroadcastPacing;
  /** Segments up to this size are listed exactly; bigger ones are counted. */
  exactPreviewUpTo: number;
};

type Figures = Pick<
  BroadcastPreview,
  "recipients" | "excluded" | "byChannel" | "byLanguage" | "needTemplate" | "estimated"
>;

function toExactFigures(
  recipients: ResolvedRecipient[],
  excluded: BroadcastPreview["excluded"],
  channels: ChannelDirectory,
  now: Date,
): Figures {
  const byChannel: BroadcastPreview["byChannel"] = {};
  const byLanguage: BroadcastPreview["byLanguage"] = {};
  const needTemplate: BroadcastPreview["needTemplate"] = {};
  for (const r of recipients) {
    byChannel[r.channel] = (byChannel[r.channel] ?? 0) + 1;
    byLanguage[r.language] = (byLanguage[r.language] ?? 0) + 1;
    if (isOutsideServiceWindow(channels.capabilitiesOf(r.channel), r.lastWroteAt, now))
      needTemplate[r.channel] = (needTemplate[r.channel] ?? 0) + 1;
  }
  return { recipients: recipients.length, excluded, byChannel, byLanguage, needTemplate, estimated: false };
}

export function createPreviewer(deps: PreviewDeps) {
  const text = (draft: BroadcastDraft, r: Pick<ResolvedRecipient, "params">, language: Language) =>
    toBroadcastText(draft.message, { ...sampleParams, ...r.params }, language, deps.translator);

  /** Exact figures and every recipient for a small segment; counted figures and a sample for a big one. */
  async function toFigures(draft: BroadcastDraft, sampleSize: number) {
    const now = deps.clock.now();
    const estimate = await deps.estimator.estimate(draft.segment, now);
    if (estimate && estimate.recipients > deps.exactPreviewUpTo) {
      const sample = sampleSize > 0 ? await deps.resolver.sample(draft.segment, sampleSize) : [];
      return { figures: { ...estimate, estimated: true }, seen: sample };
    }
    const { recipients, excluded } = await deps.resolver.resolve(draft.segment);
    return { figures: toExactFigures(recipients, excluded, deps.channels, now), seen: recipients };
  }

  return async function preview(draft: BroadcastDraft, sampleSize = 5): Promise<BroadcastPreview> {
    const { figures, seen } = await toFigures(draft, sampleSize);
    const channels = deps.channels
      .list()
      .map((c) => c.channel)
      .filter((c) => !draft.segment.channel || c === draft.segment.channel);
    const renders = languages.map((language) => {
      const rendered = text(draft, seen.find((r) => r.language === language) ?? { params: {} }, language);
      return { language, text: rendered, tooLongFor: toTooLongFor(deps.channels, rendered, channels) };
    });
    const sample = seen.slice(0, sampleSize).map((r) => ({
      channel: r.channel,
      user: maskUserId(r.userId),
      language: r.language,
      text: text(draft, r, r.language),
    }));
    const now = deps.clock.now();
    const finishBy = toFinishTimes(figures.byChannel, deps.pacing.paces, now, deps.pacing.quietHours);
    const slow = (Object.entries(finishBy) as [ChannelName, Date][])
      .filter(([, at]) => at.getTime() - now.getTime() > slowBroadcastMs)
      .map(([channel]) => channel);
    return { ...figures, renders, sample, finishBy, slow };
  };
}
