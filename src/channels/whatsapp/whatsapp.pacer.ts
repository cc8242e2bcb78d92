/**
 * Paces unsolicited WhatsApp messages (reminders, status pushes, broadcasts) so the number does
 * not look like a spammer and get banned: one at a time, a random pause before each, at most
 * `maxPerMinute` per minute (bottleneck reservoir) and `maxPerDay` per WIB calendar day.
 * Replies to a user who just wrote never pass through here.
 */
import Bottleneck from "bottleneck";
import { fromJakarta, toJakartaDay, toJakartaParts } from "../../domain/jakarta-time";
import { AppError } from "../../core/errors";
import type { Clock } from "../../core/ports";

export type PacerOptions = {
  maxPerMinute: number;
  maxPerDay: number;
  clock: Clock;
  /** Random pause before each message, in ms. */
  jitterMs?: { min: number; max: number };
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

export type Pacer = {
  /**
   * Runs `send` when pacing allows; rejects at once with CHANNEL_SEND_FAILED (reason "daily_cap",
   * `until`: the next WIB midnight) when today's cap is used up, so callers defer, not fail.
   */
  schedule<T>(send: () => Promise<T>): Promise<T>;
  /** Messages waiting for their turn. */
  waiting(): number;
  /** Messages sent or under way today (WIB). */
  usedToday(): number;
  /** Drops waiting messages (they reject) and stops the refresh timer; calling it again is harmless. */
  stop(): Promise<void>;
};

const defaultJitter = { min: 2000, max: 8000 };

/** Midnight WIB after `at`: when the daily cap starts again. */
function toNextJakartaDay(at: Date): Date {
  const { year, month, day } = toJakartaParts(at);
  return fromJakarta(year, month, day + 1);
}
const realSleep = (ms: number) =>
  ms <= 0 ? Promise.resolve() : new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createWhatsAppPacer(options: PacerOptions): Pacer {
  const jitter = options.jitterMs ?? defaultJitter;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? realSleep;
  const limiter = new Bottleneck({
    maxConcurrent: 1,
    reservoir: options.maxPerMinute,
    reservoirRefreshAmount: options.maxPerMinute,
    reservoirRefreshInterval: 60_000,
  });
  let day = toJakartaDay(options.clock.now());
  let used = 0;
  let stopped: Promise<void> | undefined;

  function reserve(): void {
    const today = toJakartaDay(options.clock.now());
    if (today !== day) {
      day = today;
      used = 0;
    }
    if (used >= options.maxPerDay)
      throw new AppError("CHANNEL_SEND_FAILED", "WhatsApp daily cap for unsolicited messages reached", {
        reason: "daily_cap",
        maxPerDay: options.maxPerDay,
        day,
        until: toNextJakartaDay(options.clock.now()),
      });
    used += 1;
  }

  return {
    async schedule(send) {
      reserve();
      const reservedDay = day;
      try {
        return await limiter.schedule(async () => {
          await sleep(jitter.min + Math.floor(random() * (jitter.max - jitter.min)));
          return send();
        });
      } catch (error) {
        if (reservedDay === day) used = Math.max(0, used - 1);
        throw error;
      }
    },
    waiting: () => limiter.counts().QUEUED + limiter.counts().RECEIVED,
    usedToday: () => (toJakartaDay(options.clock.now()) === day ? used : 0),
    stop: () => (stopped ??= limiter.stop({ dropWaitingJobs: true })),
  };
}
