/**
 * How fast each channel sends a broadcast (as its capabilities declare: Telegram's rate, WhatsApp's
 * per-minute and daily caps) and quiet hours: what the finish estimates in previews and progress use.
 */
import type { Broadcast, BroadcastProgress } from "../core/broadcast.port";
import type { ChannelDirectory } from "../core/channel-contract";
import type { ChannelName } from "../core/messages";
import { toFinishTimes, type ChannelPace } from "../domain/broadcast-duration";
import type { QuietHours } from "../domain/quiet-hours";
import type { DeliveryCounts } from "../storage/repositories/broadcast.repository";

export type BroadcastPacing = { quietHours: QuietHours; paces: Partial<Record<ChannelName, ChannelPace>> };

/**
 * Each channel's pace from its declaration: its rate, or (a channel pacing itself, WhatsApp Web)
 * its per-minute cap; and its daily cap.
 */
export function toChannelPaces(channels: ChannelDirectory): Partial<Record<ChannelName, ChannelPace>> {
  const paces: Partial<Record<ChannelName, ChannelPace>> = {};
  for (const { channel, unsolicited } of channels.list()) {
    const perSecond = unsolicited.ratePerSecond ?? (unsolicited.perMinute ?? 60) / 60;
    paces[channel] = { perSecond, ...(unsolicited.perDay ? { perDay: unsolicited.perDay } : {}) };
  }
  return paces;
}

/** A broadcast's progress with the finish time of what is left, sending from `from`. */
export function toProgress(
  broadcast: Pick<Broadcast, "_id" | "status" | "deferred">,
  counts: DeliveryCounts,
  pacing: BroadcastPacing,
  from: Date,
): BroadcastProgress {
  const { remainingByChannel, ...totals } = counts;
  const finishBy: BroadcastProgress["finishBy"] = {};
  if (broadcast.status === "scheduled" || broadcast.status === "sending")
    for (const [channel, count] of Object.entries(remainingByChannel) as [ChannelName, number][]) {
      const resumes = broadcast.deferred?.[channel];
      const start = resumes && resumes > from ? resumes : from;
      Object.assign(finishBy, toFinishTimes({ [channel]: count }, pacing.paces, start, pacing.quietHours));
    }
  return { id: broadcast._id, status: broadcast.status, ...totals, finishBy };
}
