import { createApp } from "../../src/app";
import type { InboundMessage, OutboundMessage } from "../../src/core/messages";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createTestClock, testVaultKeys } from "../support/test-chat";

function setUp() {
  const clock = createTestClock();
  const app = createApp({
    store: createMemoryDocumentStore(),
    clock,
    logger: silentLogger,
    vault: createVault(testVaultKeys),
    delivery: { retryDelaysMs: [0] },
  });
  const got: OutboundMessage[][] = [];
  app.hub.register({ channel: "telegram", send: async (_userId, messages) => void got.push(messages) });
  let counter = 0;
  const message = (text: string): InboundMessage => ({
    channel: "telegram",
    userId: "555",
    messageId: `u${++counter}`,
    content: { type: "text", text },
  });
  const down = async () => Promise.reject(new TypeError("fetch failed"));
  return { app, clock, got, message, down };
}

describe("replies left in the reply outbox", () => {
  it("go out through the drainer once the network is back, once, and the session is clean again", async () => {
    const { app, clock, got, message, down } = setUp();
    await app.inbound.handle(message("halo"), down);
    expect(await app.outbox.drain()).toBe(0); // still within the turn's own retry window

    clock.advance(60_000);
    expect(await app.outbox.drain()).toBe(1);
    await app.outbox.drain();
    expect(got).toHaveLength(1);
    expect(got[0]?.[0]?.text).toContain("Jamsos Bot");
    expect((await app.services.sessions.load("telegram:555"))?.pending).toEqual({});
  });

  it("are left alone while a turn of that conversation holds its lease", async () => {
    const { app, clock, got, message, down } = setUp();
    await app.inbound.handle(message("halo"), down);
    clock.advance(60_000);
    const held = await app.services.sessions.acquire("telegram:555", "live-turn", new Date(), 60_000);
    expect(held?.type).toBe("acquired");
    expect(await app.outbox.drain()).toBe(0);
    expect(got).toHaveLength(0);
  });
});
