import { createApp } from "../../src/app";
import { AppError } from "../../src/core/errors";
import type { ChannelName, OutboundMessage } from "../../src/core/messages";
import { createSession } from "../../src/core/session";
import { createSessionStore } from "../../src/core/session.store";
import type { ChannelSender } from "../../src/core/ports";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createTestClock, testVaultKeys } from "../support/test-chat";

const heir = { channel: "whatsapp" as const, userId: "+6281234567890" };

function createWorld() {
  const store = createMemoryDocumentStore();
  const clock = createTestClock();
  const build = () =>
    createApp({
      store,
      clock,
      logger: silentLogger,
      vault: createVault(testVaultKeys),
      outbox: { checkMs: 60_000, maxAttempts: 3, backoffMs: 1_000 },
    });
  return { store, clock, cli: build(), bot: build(), sessions: createSessionStore(store) };
}

/** A channel that records what it sends and fails while `failing` is set. */
function fakeChannel(channel: ChannelName) {
  const got: { userId: string; messages: OutboundMessage[] }[] = [];
  const state = { failing: false };
  const sender: ChannelSender = {
    channel,
    send: async (userId, messages) => {
      if (state.failing)
        throw new AppError("CHANNEL_SEND_FAILED", "not connected", { channel, unavailable: true });
      got.push({ userId, messages });
    },
  };
  return { sender, got, state };
}

describe("outbox", () => {
  it("queues a status push from an app with no channels, and the bot sends it once", async () => {
    const { cli, bot } = createWorld();
    const outcome = await cli.hub.notify(heir, [{ key: "common:welcome" }], { language: "id" });
    expect(outcome).toBe("queued");
    const whatsapp = fakeChannel("whatsapp");
    bot.hub.register(whatsapp.sender);
    await bot.outbox.drain();
    await bot.outbox.drain();
    expect(whatsapp.got).toHaveLength(1);
    expect(whatsapp.got[0]?.userId).toBe(heir.userId);
    expect(whatsapp.got[0]?.messages[0]?.text).toContain("Jamsos Bot");
    expect(await bot.outboxItems.find({ status: "sent" })).toHaveLength(1);
  });

  it("sends what waited as soon as the channel registers in a started bot", async () => {
    const { cli, bot } = createWorld();
    await cli.hub.notify(heir, [{ key: "common:welcome" }]);
    await bot.outbox.start();
    const whatsapp = fakeChannel("whatsapp");
    bot.hub.register(whatsapp.sender);
    await bot.outbox.drain();
    await bot.outbox.stop();
    expect(whatsapp.got).toHaveLength(1);
  });

  it("leaves messages for a channel the bot does not run where they are", async () => {
    const { cli, bot } = createWorld();
    await cli.hub.notify(heir, [{ key: "common:welcome" }]);
    bot.hub.register(fakeChannel("telegram").sender);
    expect(await bot.outbox.drain()).toBe(0);
    expect(await bot.outboxItems.find({ status: "pending" })).toHaveLength(1);
  });

  it("renders in the language the user chose after the message was queued", async () => {
    const { cli, bot, sessions, clock } = createWorld();
    await cli.hub.notify(heir, [{ key: "common:welcome" }], { language: "id" });
    const session = createSession(heir.channel, heir.userId, clock.now(), "en");
    session.version = 1;
    expect(await sessions.save(session)).toBe("saved");
    const whatsapp = fakeChannel("whatsapp");
    bot.hub.register(whatsapp.sender);
    await bot.outbox.drain();
    const english = bot.translator.t("en", "common:welcome");
    expect(english).not.toBe(bot.translator.t("id", "common:welcome"));
    expect(whatsapp.got[0]?.messages[0]?.text).toBe(english.replace(/\*/g, ""));
  });

  it("retries a failed send with growing waits and gives up after the last attempt, recorded", async () => {
    const { cli, bot, clock } = createWorld();
    await cli.hub.notify(heir, [{ key: "common:welcome" }]);
    const whatsapp = fakeChannel("whatsapp");
    whatsapp.state.failing = true;
    bot.hub.register(whatsapp.sender);
    await bot.outbox.drain();
    const [first] = await bot.outboxItems.find({ status: "pending" });
    expect(first).toMatchObject({ attempts: 1, lastError: expect.stringContaining("not connected") });
    expect(first!.dueAt.getTime() - clock.now().getTime()).toBe(1_000);
    await bot.outbox.drain();
    expect(await bot.outboxItems.find({ status: "pending" })).toMatchObject([{ attempts: 1 }]);
    clock.advance(1_000);
    await bot.outbox.drain();
    const [second] = await bot.outboxItems.find({ status: "pending" });
    expect(second!.dueAt.getTime() - clock.now().getTime()).toBe(2_000);
    clock.advance(2_000);
    await bot.outbox.drain();
    expect(await bot.outboxItems.find({ status: "failed" })).toMatchObject([{ attempts: 3 }]);
    expect(whatsapp.got).toHaveLength(0);
  });

  it("delivers on a later attempt once the channel can send again", async () => {
    const { cli, bot, clock } = createWorld();
    await cli.hub.notify(heir, [{ key: "common:welcome" }]);
    const whatsapp = fakeChannel("whatsapp");
    whatsapp.state.failing = true;
    bot.hub.register(whatsapp.sender);
    await bot.outbox.drain();
    whatsapp.state.failing = false;
    clock.advance(1_000);
    await bot.outbox.drain();
    expect(whatsapp.got).toHaveLength(1);
    expect(await bot.outboxItems.find({ status: "sent" })).toMatchObject([{ attempts: 2 }]);
  });

  it("never hands one item to two bot processes draining at the same time", async () => {
    const { cli, bot, store, clock } = createWorld();
    for (let i = 0; i < 5; i++) await cli.hub.notify(heir, [{ key: "common:welcome" }]);
    const second = createApp({ store, clock, logger: silentLogger, vault: createVault(testVaultKeys) });
    const a = fakeChannel("whatsapp");
    const b = fakeChannel("whatsapp");
    bot.hub.register(a.sender);
    second.hub.register(b.sender);
    await Promise.all([bot.outbox.drain(), second.outbox.drain()]);
    expect(a.got.length + b.got.length).toBe(5);
  });

  it("sends an answer-kind message that fails straight back to the caller instead of queueing", async () => {
    const { bot } = createWorld();
    await expect(bot.hub.notify(heir, [{ key: "common:welcome" }], { kind: "reply" })).rejects.toThrow(
      "not running",
    );
    expect(await bot.outboxItems.find({})).toEqual([]);
  });
});
