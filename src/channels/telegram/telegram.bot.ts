/**
 * The grammY Bot and its two ways out. Replies to a user who just wrote go through auto-retry
 * only (429 with retry_after, and 5xx), so a three-message answer is not held a second per
 * message and the city's replies are not squeezed into 30/s; this is grammY's guidance (retry
 * replies, throttle bulk). Unsolicited sends (broadcasts, reminders, status pushes) go through a
 * second Api with the throttle as well (≤ 30 messages/s overall, ≤ 1/s per chat). getUpdates
 * failures are logged once each; the poller (telegram.poller.ts) retries them.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Api, Bot, HttpError, type ApiClientOptions, type Transformer } from "grammy";
import { AppError } from "../../core/errors";
import type { Logger } from "../../core/ports";
import type { FetchFn } from "./telegram.files";

export type ThrottleOptions = {
  /** Messages per second over all chats (Telegram: about 30). */
  perSecond: number;
  /** Minimum time between two messages to one chat (Telegram: about 1 s). */
  perChatMs: number;
};

export const telegramThrottle: ThrottleOptions = { perSecond: 30, perChatMs: 1000 };

export type BotOptions = {
  token: string;
  apiRoot?: string;
  fetch?: FetchFn;
  throttle?: ThrottleOptions;
  logger: Logger;
};

/** Chat actions are hints, not messages: they skip the queue so they never delay a reply. */
const unthrottled = new Set(["sendChatAction", "answerCallbackQuery", "getFile"]);

function createThrottle(options: ThrottleOptions): Transformer {
  const throttle = apiThrottler({
    global: {
      reservoir: options.perSecond,
      reservoirRefreshAmount: options.perSecond,
      reservoirRefreshInterval: 1000,
    },
    out: { maxConcurrent: 1, minTime: options.perChatMs },
  });
  return (prev, method, payload, signal) =>
    unthrottled.has(method) ? prev(method, payload, signal) : throttle(prev, method, payload, signal);
}

function logPollingFailures(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (error) {
      if (method === "getUpdates" && !signal?.aborted)
        logger.warn(
          { err: error, reason: error instanceof HttpError ? String(error.error) : undefined },
          "telegram getUpdates failed; polling retries",
        );
      throw error;
    }
  };
}

function toClientOptions(options: BotOptions): ApiClientOptions {
  return {
    timeoutSeconds: 60, // above the 30 s long poll; the default (500 s) would hide an outage
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
    // grammY calls it like node-fetch (its default); a WHATWG fetch works the same for JSON calls.
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}

// Network errors are not retried here: the runner retries getUpdates itself, and a reply that
// cannot go out fails fast (the session is already saved) instead of waiting up to an hour.
const createAutoRetry = () =>
  autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: true });

/** The bot (updates, replies, chat actions): auto-retry, no throttle. */
export function createBot(options: BotOptions): Bot {
  const bot = new Bot(options.token, { client: toClientOptions(options) });
  bot.api.config.use(logPollingFailures(options.logger));
  // Network errors are not retried here: a reply that cannot go out stays queued in the session
  // and is retried by the inbound pipeline and the drainer; the poller retries getUpdates.
  bot.api.config.use(createAutoRetry());
  return bot;
}

/** The Api for unsolicited sends: auto-retry and the throttle (≤ 30/s overall, ≤ 1/s per chat). */
export function createBulkApi(options: BotOptions): Api {
  const api = new Api(options.token, toClientOptions(options));
  api.config.use(createAutoRetry());
  api.config.use(createThrottle(options.throttle ?? telegramThrottle));
  return api;
}

/**
 * Fetches the bot's identity (getMe), trying `attempts` times 2 s apart. Not `bot.init()`: that
 * retries network errors for ever, and start-up should say what is wrong.
 */
export async function initBot(bot: Bot, attempts: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      bot.botInfo = await bot.api.getMe();
      return;
    } catch (error) {
      if (attempt < attempts) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        continue;
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(
        "CHANNEL_START_FAILED",
        `Telegram could not start: getMe failed (${reason}). Check TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT and the network.`,
        {},
        { cause: error },
      );
    }
  }
}
