/**
 * Drains the outbox in the bot process: at start, every `checkMs`, and as soon as a channel
 * registers on the hub. Each due item for a running channel is claimed atomically (so two bot
 * processes never send the same one), rendered in the user's language of the moment and sent
 * through the hub (WhatsApp's pacer still applies). A failure is retried with exponential
 * backoff; after `maxAttempts` the item is given up and stays recorded as "failed". Each run also
 * sends replies that stayed queued in sessions (reply-redelivery.job.ts).
 */
import { randomUUID } from "node:crypto";
import type { ChannelHub } from "../core/channel-hub";
import { isAppError } from "../core/errors";
import { toConversationKey, type Language } from "../core/messages";
import type { Outbox, OutboxItem } from "../core/outbox.port";
import type { Clock, Logger } from "../core/ports";
import type { SessionStore } from "../core/session.store";
import type { ReplyRedeliverer } from "./reply-redelivery.job";

export type OutboxSettings = {
  /** How often due items are looked for (real time). */
  checkMs: number;
  maxAttempts: number;
  /** First retry after this; doubles per attempt up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** An item "sending" for longer than this was left by a dead process and is due again. */
  staleMs: number;
};

export const defaultOutboxSettings: OutboxSettings = {
  checkMs: 15_000,
  maxAttempts: 8,
  backoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  staleMs: 30 * 60_000,
};

export type OutboxDrainer = {
  /** Sends every due item; resolves with how many were sent. Concurrent calls share one run. */
  drain(): Promise<number>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

/** Delay before retry `attempts` (1-based), doubling from `backoffMs`. */
export const toBackoffMs = (attempts: number, settings: OutboxSettings) =>
  Math.min(settings.maxBackoffMs, settings.backoffMs * 2 ** Math.max(0, attempts - 1));

const toReason = (error: unknown) =>
  (isAppError(error)
    ? `${error.code}: ${error.message}`
    : error instanceof Error
      ? error.message
      : "unknown"
  ).slice(0, 200);

export function createOutboxDrainer(deps: {
  outbox: Outbox;
  hub: ChannelHub;
  sessions: SessionStore;
  clock: Clock;
  logger: Logger;
  settings?: Partial<OutboxSettings>;
  /** Also sends replies left in sessions' reply outboxes (jobs/reply-redelivery.job.ts). */
  replies?: ReplyRedeliverer;
}): OutboxDrainer {
  const settings = { ...defaultOutboxSettings, ...deps.settings };
  const { outbox, clock, logger } = deps;
  const owner = randomUUID();
  let running: Promise<number> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let started = false;

  async function languageOf(item: OutboxItem): Promise<Language | undefined> {
    const key = toConversationKey(item.recipient.channel, item.recipient.userId);
    const session = await deps.sessions.load(key).catch(() => null);
    return session?.language ?? item.language;
  }

  async function sendOne(item: OutboxItem): Promise<boolean> {
    try {
      const language = await languageOf(item);
      await deps.hub.notify(item.recipient, item.replies, {
        kind: item.kind,
        outbox: false,
        ...(language ? { language } : {}),
      });
      await outbox.markSent(item, clock.now());
      return true;
    } catch (error) {
      const now = clock.now();
      const final =
        isAppError(error, "NOT_ALLOWED") ||
        (isAppError(error) && error.details.final === true) ||
        item.attempts >= settings.maxAttempts;
      const retryAt = final ? null : new Date(now.getTime() + toBackoffMs(item.attempts, settings));
      await outbox.markFailed(item, toReason(error), now, retryAt);
      logger.warn(
        {
          item: item._id,
          channel: item.recipient.channel,
          attempts: item.attempts,
          gaveUp: final,
          err: error,
        },
        final ? "outbox message given up" : "outbox message not sent; will retry",
      );
      return false;
    }
  }

  async function run(): Promise<number> {
    let sent = 0;
    do {
      again = false;
      const now = clock.now();
      await outbox.recoverStale(new Date(now.getTime() - settings.staleMs));
      for (;;) {
        const item = await outbox.claimDue(deps.hub.channels(), owner, clock.now());
        if (!item) break;
        if (await sendOne(item)) sent++;
      }
      if (deps.replies) sent += await deps.replies.run();
    } while (again);
    return sent;
  }

  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => (running = undefined));
    return running;
  }

  const drainLogged = () =>
    void drain().catch((error: unknown) => logger.error({ err: error }, "outbox drain failed"));

  deps.hub.onRegister(() => started && drainLogged());
  // A keyed message is sent as soon as it is queued, by whoever queued it, if its channel runs here.
  deps.hub.useDelivery(async (id) => {
    const item = await outbox.claim(id, owner, clock.now());
    return item ? sendOne(item) : false;
  });

  return {
    drain,
    async start() {
      if (started) return;
      started = true;
      timer = setInterval(drainLogged, settings.checkMs);
      timer.unref();
      await drain();
    },
    async stop() {
      started = false;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
