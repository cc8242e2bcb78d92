/**
 * Paces unsolicited sends per channel: Telegram at most 30 messages/s overall (slots spaced
 * evenly, so a burst never exceeds the limit); WhatsApp is paced by its own channel, so no rate
 * here. A 429 (retry_after) stops a channel for the time Telegram asks.
 */
import type { ChannelName } from "../core/messages";

export type ChannelPacer = {
  /** Resolves when the channel may send one more message. */
  acquire(channel: ChannelName): Promise<void>;
  /** Nothing more on `channel` for `ms` (a 429's retry_after). */
  holdOff(channel: ChannelName, ms: number): void;
};

export type PacerTimer = { now(): number; sleep(ms: number): Promise<void> };

export const realTimer: PacerTimer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** `rates`: messages per second per channel; a channel without a rate is not paced here. */
export function createChannelPacer(
  rates: Partial<Record<ChannelName, number>>,
  timer: PacerTimer = realTimer,
): ChannelPacer {
  const nextSlot = new Map<ChannelName, number>();
  const heldUntil = new Map<ChannelName, number>();
  return {
    async acquire(channel) {
      const rate = rates[channel];
      const now = timer.now();
      const hold = heldUntil.get(channel) ?? 0;
      if (!rate) {
        if (hold > now) await timer.sleep(hold - now);
        return;
      }
      const slot = Math.max(now, hold, nextSlot.get(channel) ?? 0);
      nextSlot.set(channel, slot + 1000 / rate);
      if (slot > now) await timer.sleep(slot - now);
    },
    holdOff(channel, ms) {
      heldUntil.set(channel, Math.max(heldUntil.get(channel) ?? 0, timer.now() + ms));
    },
  };
}
