/**
 * The whole bot on Telegram, end to end over HTTP: the real app (memory store, fixed clock) and
 * the Telegram channel long-polling telegram-test-api through the runner. Users talk turn by turn;
 * each action resolves once the bot has finished handling it, with the messages it sent back:
 *
 *   const tg = await startTelegramHarness();
 *   const budi = tg.user({ id: 1001, firstName: "Budi" });
 *   await budi.says("halo");
 *   await budi.presses("Daftar");                  // the inline button whose label contains it
 *   expect(budi.lastText()).toContain("…");
 *   await tg.stop();                               // in afterAll
 */
import { createApp, type App } from "../../src/app";
import { createTelegramChannel, type TelegramChannel } from "../../src/channels/telegram/telegram.channel";
import type { InboundHandler } from "../../src/core/handle-inbound";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createTestClock, testVaultKeys, type TestClock } from "./test-chat";
import { createTelegramUser, type TelegramTestUser, type UserOptions } from "./telegram-user";
import { createBotApiFetch, startEmulator, type BotApiFetch } from "./telegram-emulator";
import type TelegramServer from "telegram-test-api";
import { createStaffAccount } from "./staff-accounts";

export type HarnessOptions = {
  token?: string;
  /** Telegram ids that get an admin staff account. */
  staffIds?: string[];
  maxFileBytes?: number;
  /** Replaces the engine pipeline (to test the adapter alone). */
  inbound?: Pick<InboundHandler, "handle">;
  clock?: TestClock;
};

/** Resolves when `count()` exceeds `before`, or rejects after `timeoutMs`. */
function waitFor(count: () => number, before: number, events: EventTarget, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (count() > before) return resolve();
    const timer = setTimeout(() => {
      events.removeEventListener("handled", check);
      reject(new Error(`The bot did not handle the update within ${timeoutMs} ms`));
    }, timeoutMs);
    function check() {
      if (count() <= before) return;
      clearTimeout(timer);
      events.removeEventListener("handled", check);
      resolve();
    }
    events.addEventListener("handled", check);
  });
}

export async function startTelegramHarness(options: HarnessOptions = {}) {
  const token = options.token ?? "123456:TEST-token";
  const server: TelegramServer = await startEmulator();
  const api: BotApiFetch = createBotApiFetch(server.config.apiURL);
  const clock = options.clock ?? createTestClock();
  const store = createMemoryDocumentStore();
  const app: App = createApp({
    store,
    clock,
    logger: silentLogger,
    vault: createVault(testVaultKeys),
  });
  const channel: TelegramChannel = createTelegramChannel({
    token,
    apiRoot: server.config.apiURL,
    maxFileBytes: options.maxFileBytes ?? 10 * 1024 * 1024,
    inbound: options.inbound ?? app.inbound,
    translator: app.translator,
    sessions: app.services.sessions,
    logger: silentLogger,
    clock,
    fetch: api.fetch,
    throttle: { perSecond: 1000, perChatMs: 0 },
    pollTimeoutSeconds: 0,
  });
  // Count finished updates per chat, so a user's action can wait for the bot to be done with it.
  const handled = new Map<number, number>();
  const events = new EventTarget();
  const handleUpdate = channel.bot.handleUpdate.bind(channel.bot);
  channel.bot.handleUpdate = async (update, webhook) => {
    try {
      await handleUpdate(update, webhook);
    } finally {
      const chatId = update.message?.chat.id ?? update.callback_query?.message?.chat.id ?? 0;
      handled.set(chatId, (handled.get(chatId) ?? 0) + 1);
      events.dispatchEvent(new Event("handled"));
    }
  };
  for (const id of options.staffIds ?? [])
    await createStaffAccount(app.services, { username: `tg-${id}`, telegramId: id });
  await channel.start();
  app.hub.register(channel.sender);

  const context: HarnessContext = {
    token,
    server,
    api,
    handledCount: (chatId: number) => handled.get(chatId) ?? 0,
    waitHandled: (chatId: number, before: number, timeoutMs = 5000) =>
      waitFor(() => handled.get(chatId) ?? 0, before, events, timeoutMs),
  };
  return {
    ...context,
    app,
    /** The bot's memory store, e.g. to seed registered people (test/support/seed-people.ts). */
    store,
    channel,
    clock,
    /** A Telegram user (private chat id = user id unless a group chat is given). */
    user: (user: UserOptions): TelegramTestUser => createTelegramUser(context, user),
    async stop() {
      await channel.stop();
      await server.stop();
    },
  };
}

export type TelegramHarness = Awaited<ReturnType<typeof startTelegramHarness>>;

/** What a simulated user needs of the harness. */
export type HarnessContext = {
  token: string;
  server: TelegramServer;
  api: BotApiFetch;
  handledCount(chatId: number): number;
  waitHandled(chatId: number, before: number, timeoutMs?: number): Promise<void>;
};
