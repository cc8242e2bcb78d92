/**
 * The Telegram channel: maps updates to the engine's inbound pipeline, renders its replies
 * (inline keyboards, entities, split texts), and offers a `ChannelSender` for proactive messages.
 * Long polling by default (telegram.poller.ts: an update is confirmed to Telegram only once handled,
 * so none is lost when the process dies; sequential per chat with @grammyjs/runner's
 * `sequentialize`); webhook mode when a webhook URL is given, answering Telegram only after the
 * turn is saved. `stop()` stops fetching and lets updates in flight finish.
 */
import { sequentialize } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { InboundHandler } from "../../core/handle-inbound";
import { toConversationKey, type Language } from "../../core/messages";
import type { ChannelSender, Clock, Logger, Translator } from "../../core/ports";
import { renderReplies } from "../../core/render";
import type { SessionStore } from "../../core/session.store";
import { createBot, createBulkApi, initBot, type ThrottleOptions } from "./telegram.bot";
import { createCallbackCodec } from "./telegram.callback-data";
import { createFileLoader, type FetchFn } from "./telegram.files";
import { toMappedUpdate, type MappedUpdate, type MappingOptions } from "./telegram.mapping";
import { registerBotProfile } from "./telegram.profile";
import { startDurablePolling, type Poller } from "./telegram.poller";
import { createTelegramSend } from "./telegram.sender";
import { startWebhookServer, toWebhookSecret, type WebhookServer } from "./telegram.webhook";

export type TelegramChannelOptions = {
  token: string;
  /** Another Bot API server (self-hosted, or an emulator in tests). */
  apiRoot?: string;
  /** Webhook mode: the public URL (its path is served locally) and the local port. */
  webhook?: { url: string; port: number; secret?: string; host?: string };
  maxFileBytes: number;
  inbound: Pick<InboundHandler, "handle">;
  translator: Translator;
  /** Sessions, read for the user's language in notices the engine does not render. */
  sessions: Pick<SessionStore, "load">;
  logger: Logger;
  clock: Clock;
  /** grammY's `client.fetch`, also used for file downloads (tests answer methods an emulator lacks). */
  fetch?: FetchFn;
  /** Pace of unsolicited messages (replies are not throttled; they retry on 429). */
  throttle?: ThrottleOptions;
  /** Long-polling timeout in seconds (30 by default). */
  pollTimeoutSeconds?: number;
  /** Tries of getMe at start, 2 s apart (3 by default). */
  startAttempts?: number;
};

/** "failed": the start failed, or polling stopped by itself (revoked token, another instance polling). */
export type TelegramState = "idle" | "starting" | "running" | "failed" | "stopped";

export type TelegramChannel = {
  readonly bot: Bot;
  readonly sender: ChannelSender;
  /** What main.ts's supervisor and /ready see. */
  readonly state: TelegramState;
  start(): Promise<void>;
  stop(): Promise<void>;
};

const allowedUpdates = ["message", "callback_query"] as const;
const groupNoticeEveryMs = 10 * 60_000;
const rememberedUpdates = 2_000;
const stopTimeoutMs = 15_000;

/** True when the id was seen among the last `limit` ids. */
function createDuplicateCheck(limit: number): (id: number) => boolean {
  const seen = new Set<number>();
  return (id) => {
    if (seen.has(id)) return true;
    seen.add(id);
    if (seen.size > limit) seen.delete(seen.values().next().value as number);
    return false;
  };
}

export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { translator } = options;
  const logger = options.logger.child({ channel: "telegram" });
  const bot = createBot(options);
  const codec = createCallbackCodec(options.token);
  const groupNotices = new Map<number, number>();
  const isDuplicate = createDuplicateCheck(rememberedUpdates);
  const mapping: MappingOptions = {
    maxFileBytes: options.maxFileBytes,
    decodeCallback: (chatId, data) => codec.decode(chatId, data),
    loadFile: createFileLoader({
      api: bot.api,
      token: options.token,
      apiRoot: options.apiRoot ?? "https://api.telegram.org",
      maxBytes: options.maxFileBytes,
      fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    }),
  };
  const languageOf = async (userId: string): Promise<Language> =>
    (await options.sessions.load(toConversationKey("telegram", userId)))?.language ?? "id";
  const { sendTo, reply, sender } = createTelegramSend({
    api: bot.api,
    bulkApi: createBulkApi(options),
    codec,
    translator,
    languageOf,
  });
  const inFlight = new Set<Promise<void>>();
  let poller: Poller | undefined;
  let server: WebhookServer | undefined;
  let state: TelegramState = "idle";

  async function refuse(refusal: Extract<MappedUpdate, { type: "refuse" }>): Promise<void> {
    if (refusal.reason === "groupChat") {
      const now = options.clock.now().getTime();
      if (now - (groupNotices.get(refusal.chatId) ?? -Infinity) < groupNoticeEveryMs) return;
      if (groupNotices.size > 1000) groupNotices.clear();
      groupNotices.set(refusal.chatId, now);
    }
    const language = await languageOf(refusal.userId);
    const reply = {
      key: `telegram:${refusal.reason}` as const,
      ...(refusal.params ? { params: refusal.params } : {}),
    };
    await sendTo(refusal.chatId, refusal.userId, renderReplies([reply], language, translator));
  }

  async function handleUpdate(update: Update): Promise<void> {
    const mapped = toMappedUpdate(update, mapping);
    if (mapped.type === "ignore") {
      logger.debug({ updateId: update.update_id, reason: mapped.reason }, "telegram update ignored");
      return;
    }
    if (mapped.type === "refuse") return refuse(mapped);
    const { chatId, message } = mapped;
    if (message.content.type === "media")
      void bot.api.sendChatAction(chatId, "typing").catch(() => undefined);
    await options.inbound.handle(message, (messages) => reply(chatId, message.userId, messages));
  }

  // Track every update from the moment it enters, so stop() can wait for them (the runner's own
  // stop only waits for the fetch loop, not for updates being handled).
  bot.use(async (_ctx, next) => {
    const handling = next();
    inFlight.add(handling);
    try {
      await handling;
    } finally {
      inFlight.delete(handling);
    }
  });
  bot.on("callback_query", async (ctx, next) => {
    // Always answered, even for stale or foreign buttons, so the user's spinner stops at once,
    // before waiting behind earlier updates of the chat.
    await ctx.answerCallbackQuery().catch((error: unknown) => {
      logger.warn({ err: error }, "answerCallbackQuery failed");
    });
    await next();
  });
  bot.use(sequentialize((ctx) => String(ctx.chat?.id ?? ctx.from?.id ?? "")));
  bot.use(async (ctx, next) => {
    if (isDuplicate(ctx.update.update_id))
      return logger.debug({ updateId: ctx.update.update_id }, "duplicate telegram update dropped");
    await next();
  });
  bot.use((ctx) => handleUpdate(ctx.update));
  bot.catch((error) => {
    logger.error({ err: error.error, updateId: error.ctx.update.update_id }, "telegram update failed");
  });

  async function start(): Promise<void> {
    state = "starting";
    try {
      await startReceiving();
      if (state === "starting") state = "running";
    } catch (error) {
      if (state === "starting") state = "failed";
      throw error;
    }
  }

  async function startReceiving(): Promise<void> {
    await initBot(bot, options.startAttempts ?? 3);
    await registerBotProfile(bot.api, translator, logger);
    if (options.webhook) {
      const { url, port, host } = options.webhook;
      const secret = options.webhook.secret ?? toWebhookSecret(options.token);
      server = await startWebhookServer({
        bot,
        path: new URL(url).pathname,
        port,
        secret,
        logger,
        ...(host ? { host } : {}),
      });
      await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...allowedUpdates] });
    } else {
      await bot.api.deleteWebhook();
      poller = startDurablePolling({
        api: bot.api,
        handle: (update) => bot.handleUpdate(update),
        logger,
        timeoutSeconds: options.pollTimeoutSeconds ?? 30,
        allowedUpdates,
      });
      void poller.task.catch((error: unknown) => {
        if (state !== "stopped") state = "failed";
        logger.error(
          { err: error },
          "telegram polling stopped (another instance polling, or a revoked token?)",
        );
      });
    }
    logger.info({ mode: options.webhook ? "webhook" : "polling" }, "telegram channel started");
  }

  /** Stops fetching updates, then waits (at most `stopTimeoutMs`) for the ones being handled. */
  async function stop(): Promise<void> {
    state = "stopped";
    await poller?.stop();
    await server?.close();
    if (inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, stopTimeoutMs)));
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    }
    await poller?.confirm();
  }

  return {
    bot,
    sender,
    start,
    stop,
    get state() {
      return state;
    },
  };
}
