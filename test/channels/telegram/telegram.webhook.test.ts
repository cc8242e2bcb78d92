/**
 * Webhook mode and start-up, against telegram-test-api with grammY's own HTTP client (so the
 * emulator's missing setMyCommands is met as on an old Bot API server).
 */
import type TelegramServer from "telegram-test-api";
import { createTelegramChannel, type TelegramChannel } from "../../../src/channels/telegram/telegram.channel";
import type { InboundMessage } from "../../../src/core/messages";
import type { Respond } from "../../../src/core/handle-inbound";
import type { Logger } from "../../../src/core/ports";
import { silentLogger } from "../../../src/security/pino.logger";
import { createTranslator } from "../../../src/i18n/translator";
import { freePort, startEmulator } from "../../support/telegram-emulator";

const token = "654321:WEBHOOK-test";
const secret = "rahasia-webhook";
const warnings: string[] = [];
const logger: Logger = {
  ...silentLogger,
  warn: (_fields, message) => void warnings.push(message),
  child: () => logger,
};
const echo = {
  handle: async (m: InboundMessage, respond: Respond) =>
    respond([{ text: `ok ${m.messageId}`, spans: [], choices: [], requestContact: false }]),
};

function options(apiRoot: string, extra: Partial<Parameters<typeof createTelegramChannel>[0]> = {}) {
  return {
    token,
    apiRoot,
    maxFileBytes: 1024,
    inbound: echo,
    translator: createTranslator(),
    sessions: { load: async () => null },
    logger,
    clock: { now: () => new Date() },
    throttle: { perSecond: 1000, perChatMs: 0 },
    startAttempts: 1,
    ...extra,
  };
}

const update = (id: number) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 0,
    chat: { id: 6001, type: "private", first_name: "Lina" },
    from: { id: 6001, is_bot: false, first_name: "Lina" },
    text: "halo",
  },
});

describe("Telegram webhook mode", () => {
  let server: TelegramServer;
  let channel: TelegramChannel;
  let url: string;
  beforeAll(async () => {
    server = await startEmulator();
    const port = await freePort();
    url = `http://127.0.0.1:${port}/telegram/hook`;
    channel = createTelegramChannel(
      options(server.config.apiURL, { webhook: { url, port, secret, host: "127.0.0.1" } }),
    );
    await channel.start();
  });
  afterAll(async () => {
    await channel?.stop();
    await server?.stop();
  });

  const post = (body: object, headers: Record<string, string>) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const sentTexts = () => server.storage.botMessages.map((m) => (m.message as { text: string }).text);

  it("starts even though the server lacks setMyCommands, with a warning", () => {
    expect(warnings).toContain("the Bot API server refused a profile call; carrying on");
  });

  it("handles an update that carries the secret token", async () => {
    const response = await post(update(1), { "x-telegram-bot-api-secret-token": secret });
    expect(response.status).toBe(200);
    expect(sentTexts()).toContain("ok 1");
  });

  it("refuses an update without the right secret token and sends nothing", async () => {
    const before = sentTexts().length;
    expect((await post(update(2), {})).status).toBe(401);
    expect((await post(update(3), { "x-telegram-bot-api-secret-token": "salah" })).status).toBe(401);
    expect(sentTexts().length).toBe(before);
  });

  it("answers health checks and nothing else off the webhook path", async () => {
    const base = new URL(url).origin;
    expect(await (await fetch(`${base}/health`)).text()).toBe("ok");
    expect((await fetch(`${base}/other`, { method: "POST" })).status).toBe(404);
  });
});

describe("Telegram start-up", () => {
  it("fails with one clear error when the Bot API cannot be reached", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const channel = createTelegramChannel(options(closed));
    await expect(channel.start()).rejects.toMatchObject({
      code: "CHANNEL_START_FAILED",
      message: expect.stringContaining("Check TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT and the network"),
    });
    await channel.stop();
  });
});
