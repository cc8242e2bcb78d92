/**
 * Sends a session's pending replies (the reply outbox saved with each turn), oldest turn first,
 * rendered in the language of the turn. A failed send is tried again a few times at once, then
 * left pending with a backoff for the drainer; a refusal that will not change (the user blocked
 * the bot) or too many attempts gives it up. Order is kept: a turn's replies never overtake an
 * earlier turn's that are still waiting.
 */
import { isAppError } from "./errors";
import type { OutboundMessage } from "./messages";
import type { Logger, Translator } from "./ports";
import type { ChannelDirectory } from "./channel-contract";
import { renderTurn } from "./render";
import type { PendingReplies, Session } from "./session";
import type { Delivery } from "./session.store";

export type DeliverySettings = {
  /** Waits before the immediate retries of a failed send (network errors included). */
  retryDelaysMs: number[];
  /** Attempts (each with its immediate retries) before the replies are given up. */
  maxAttempts: number;
  /** Backoff before the drainer tries again: doubles per attempt from `backoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
};

export const defaultDeliverySettings: DeliverySettings = {
  retryDelaysMs: [250, 1000],
  maxAttempts: 8,
  backoffMs: 15_000,
  maxBackoffMs: 30 * 60_000,
};

export type SendReplies = (messages: OutboundMessage[], entry: PendingReplies) => Promise<void>;

export type DeliveryDeps = {
  translator: Translator;
  logger: Logger;
  now: () => Date;
  settings: DeliverySettings;
  sleep: (ms: number) => Promise<void>;
  /** The channels' declarations: a turn's replies are joined to fit the channel's messages. */
  channels?: ChannelDirectory;
};

/** A refusal that will not change by trying again: not allowed, or a 4xx other than 429. */
export function isPermanentSendError(error: unknown): boolean {
  if (isAppError(error, "NOT_ALLOWED")) return true;
  if (!isAppError(error, "CHANNEL_SEND_FAILED")) return false;
  const code = error.details.code;
  return typeof code === "number" && code >= 400 && code < 500 && code !== 429;
}

/** The pending turns in the order they were saved (`v9` before `v10`). */
export function toPendingOrder(session: Session): [string, PendingReplies][] {
  return Object.entries(session.pending).sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)));
}

async function sendWithRetries(send: () => Promise<void>, deps: DeliveryDeps): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const delay = deps.settings.retryDelaysMs[attempt];
      if (delay === undefined || isPermanentSendError(error)) throw error;
      await deps.sleep(delay);
    }
  }
}

/** Sends what is pending in `session` through `send`; says what was sent, given up or left for later. */
export async function deliverPending(
  session: Session,
  send: SendReplies,
  deps: DeliveryDeps,
): Promise<Delivery> {
  const delivery: Delivery = { sent: [], dropped: [] };
  const capabilities = deps.channels?.capabilitiesOf(session.channel);
  for (const [id, entry] of toPendingOrder(session)) {
    const messages = renderTurn(entry.replies, entry.language, deps.translator, capabilities);
    try {
      await sendWithRetries(() => send(messages, entry), deps);
      delivery.sent.push(id);
    } catch (error) {
      const attempts = entry.attempts + 1;
      if (isPermanentSendError(error) || attempts >= deps.settings.maxAttempts) {
        deps.logger.error({ err: error, turn: id, attempts }, "replies given up; the user did not get them");
        delivery.dropped.push(id);
        continue;
      }
      const wait = Math.min(deps.settings.maxBackoffMs, deps.settings.backoffMs * 2 ** (attempts - 1));
      delivery.retry = { id, attempts, dueAt: new Date(deps.now().getTime() + wait) };
      deps.logger.warn(
        { err: error, turn: id, attempts },
        "replies not sent; they stay queued and are retried",
      );
      break;
    }
  }
  return delivery;
}
