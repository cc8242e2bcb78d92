import { createApp } from "../../src/app";
import type { FlowContext } from "../../src/core/flow";
import { createSession } from "../../src/core/session";
import { toGuardedDecision } from "../../src/flows/answers/figure-guard";
import type { Decision } from "../../src/flows/question-replies";
import { toFaqParams } from "../../src/nlu/faq-params";
import { thresholds } from "../../src/nlu/nlu-thresholds";
import type { Reading } from "../../src/nlu/read-message";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createTestClock, testVaultKeys } from "../support/test-chat";

const app = createApp({
  store: createMemoryDocumentStore(),
  clock: createTestClock(),
  logger: silentLogger,
  vault: createVault(testVaultKeys),
});
const now = app.services.clock.now();
const ctx: FlowContext = {
  now,
  channel: "terminal",
  userId: "guard",
  language: "id",
  phone: undefined,
  isStaff: false,
  staff: null,
  session: createSession("terminal", "guard", now),
  services: app.services,
  capabilities: app.services.channels.capabilitiesOf("terminal"),
  translator: app.translator,
  logger: silentLogger,
  setLanguage: () => undefined,
  setContext: () => undefined,
  forgetConversation: () => undefined,
  effectKey: (purpose) => `guard:${purpose}`,
};

/** A confident reading of `intent` for a message with this share of content words known to the domain. */
const reading = (intent: string, domain: number): Reading => ({
  verdict: "answer",
  whole: { ranked: [{ intent, p: 0.95 }], known: 1, domain },
  asks: [{ intent, p: 0.95 }],
  framing: [],
  candidates: [],
  askingParts: [],
});
const answer = (topic: string): Decision => ({
  type: "replies",
  replies: [{ key: `faq:${topic}.answer` as "faq:contribution.answer", params: toFaqParams("id") }],
});
const unfamiliar = thresholds.domain / 2;

describe("the figure guard: no programme figure for a message mostly unknown to the domain", () => {
  it("declines instead of stating the contribution", async () => {
    const decision = await toGuardedDecision(
      answer("contribution"),
      reading("contribution", unfamiliar),
      "x",
      ctx,
    );
    expect(decision).toMatchObject({ type: "replies", replies: [{ key: "questions:outOfScope" }] });
  });

  it("lets an answer without a figure through (the office's contacts)", async () => {
    const decision = await toGuardedDecision(answer("contacts"), reading("contacts", unfamiliar), "x", ctx);
    expect(decision).toEqual(answer("contacts"));
  });

  it("lets the figure through for a message in the programme's words", async () => {
    const decision = await toGuardedDecision(answer("contribution"), reading("contribution", 1), "x", ctx);
    expect(decision).toEqual(answer("contribution"));
  });
});
