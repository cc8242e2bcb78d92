/**
 * How fast each channel sends a broadcast (Telegram's rate; WhatsApp's per-minute pace, pauses and
 * daily cap) and quiet hours: what the finish estimates in previews and progress are made of.
 */
import type { Broadcast, BroadcastProgress } from "../core/broadcast.port";
import type { ChannelName } from "../core/messages";
import { toFinishTimes, type ChannelPace } from "../domain/broadcast-duration";
import type { QuietHours } from "../domain/quiet-hours";
import type { DeliveryCounts } from "../storage/repositories/broadcast.repository";

export type BroadcastPacing = { quietHours: QuietHours; paces: Partial<Record<ChannelName, ChannelPace>> };

export type WhatsAppPacing = { perMinute: number; perDay: number; averagePauseMs: number };

/** Channel paces from the settings: a WhatsApp message waits its pause and its per-minute slot. */
export function toChannelPaces(telegramPerSecond: number, whatsapp: WhatsAppPacing) {
  const whatsappPerSecond = Math.min(whatsapp.perMinute / 60, 1000 / Math.max(1, whatsapp.averagePauseMs));
  return {
    telegram: { perSecond: telegramPerSecond },
    whatsapp: { perSecond: whatsappPerSecond, perDay: whatsapp.perDay },
  } satisfies Partial<Record<ChannelName, ChannelPace>>;
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
