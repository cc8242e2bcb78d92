import { z } from "zod";
import { createApp } from "../../src/app";
import { createEngine, type FlowRegistry } from "../../src/core/engine";
import { defineFlow, stay } from "../../src/core/flow";
import type { InboundMessage } from "../../src/core/messages";
import { createSession } from "../../src/core/session";
import { ask } from "../../src/core/steps";
import { menuFlow } from "../../src/flows/menu.flow";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createTestClock, testVaultKeys } from "../support/test-chat";

/** A test-only flow: one step that counts what it heard in session.context. */
const counterFlow = defineFlow({
  id: "counter",
  version: 1,
  start: "listen",
  data: z.object({}),
  initial: () => ({}),
  steps: {
    listen: ask({
      prompt: "common:help",
      parse: (text) => (text === "ok" ? { ok: true, value: text } : { ok: false, reason: "no" }),
      invalid: "common:notUnderstood",
      onAnswer: (_value, data, ctx) => {
        ctx.setContext({ heard: Number(ctx.session.context.heard ?? 0) + 1, gone: undefined });
        return stay(data, []);
      },
    }),
  },
});

const otherFlow = { ...counterFlow, id: "other" };

function setUp(interject: FlowRegistry["interject"]) {
  const app = createApp({
    store: createMemoryDocumentStore(),
    clock: createTestClock(),
    logger: silentLogger,
    vault: createVault(testVaultKeys),
  });
  const registry: FlowRegistry = {
    home: menuFlow,
    get: (id) => (id === "counter" ? counterFlow : id === "other" ? otherFlow : undefined),
    ...(interject ? { interject } : {}),
  };
  const engine = createEngine({
    registry,
    services: app.services,
    translator: app.translator,
    logger: silentLogger,
    silenceMs: 1e9,
  });
  const now = new Date("2026-03-02T02:00:00Z");
  const message = (text: string): InboundMessage => ({
    channel: "terminal",
    userId: "u",
    messageId: text,
    content: { type: "text", text },
  });
  const inCounter = () => {
    const session = createSession("terminal", "u", now);
    session.flow = { id: "counter", version: 1, step: "listen", data: {}, history: [], startedAt: now };
    session.context = { gone: true };
    return session;
  };
  return { engine, now, message, inCounter };
}

describe("engine additions for the question answerer", () => {
  it("keeps what a step writes with setContext in the session, and removes undefined entries", async () => {
    const { engine, now, message, inCounter } = setUp(undefined);
    const first = await engine.handle(inCounter(), message("ok"), now);
    const second = await engine.handle(first.session, { ...message("ok"), messageId: "ok-2" }, now);
    expect(second.session.context).toEqual({ heard: 2 });
  });

  it("starts the flow an interjection names, parking the active one", async () => {
    const { engine, now, message, inCounter } = setUp(() => ({
      replies: [{ key: "questions:thanks" }],
      start: { flow: "other" },
    }));
    const result = await engine.handle(inCounter(), message("what?"), now);
    expect(result.replies.map((r) => r.key)).toEqual(["questions:thanks", "common:help"]);
    expect(result.session.flow?.id).toBe("other");
    expect(result.session.parked.counter?.step).toBe("listen");
  });

  it("re-asks the step after an interjection's replies", async () => {
    const { engine, now, message, inCounter } = setUp(() => [{ key: "questions:thanks" }]);
    const result = await engine.handle(inCounter(), message("what?"), now);
    expect(result.replies.map((r) => r.key)).toEqual([
      "questions:thanks",
      "common:backToStep",
      "common:help",
    ]);
  });
});
