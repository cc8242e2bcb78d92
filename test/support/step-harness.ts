/**
 * Puts a fresh user at any step of any flow (with the flow's initial data) and sends one message
 * through the real inbound handler and engine over the memory store. Records what was logged.
 */
import { toLocalOperator } from "../../src/core/staff-directory";
import { createApp, type App } from "../../src/app";
import type { AnyFlow, FlowContext } from "../../src/core/flow";
import type { InboundContent, OutboundMessage, Reply } from "../../src/core/messages";
import type { Logger, LogFields } from "../../src/core/ports";
import { createSession, type Session } from "../../src/core/session";
import { createFlowRegistry } from "../../src/flows/registry";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createTestClock, testVaultKeys } from "./test-chat";

export type StepTarget = { flow: AnyFlow; step: string; isHome: boolean };
export type LoggedLine = { level: "debug" | "info" | "warn" | "error"; fields: LogFields; message: string };

/** Every step of every registered flow. */
export function listStepTargets(): StepTarget[] {
  const registry = createFlowRegistry();
  return registry.all.flatMap((flow) =>
    Object.keys(flow.steps).map((step) => ({ flow, step, isHome: flow === registry.home })),
  );
}

export function createRecordingLogger(lines: LoggedLine[], bound: LogFields = {}): Logger {
  const at =
    (level: LoggedLine["level"]) =>
    (fields: LogFields, message: string): void =>
      void lines.push({ level, fields: { ...bound, ...fields }, message });
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (fields) => createRecordingLogger(lines, { ...bound, ...fields }),
  };
}

export function createStepHarness() {
  const logged: LoggedLine[] = [];
  const logger = createRecordingLogger(logged);
  const app: App = createApp({
    store: createMemoryDocumentStore(),
    clock: createTestClock(),
    logger,
    vault: createVault(testVaultKeys),
  });
  for (const channel of ["terminal", "telegram", "whatsapp"] as const)
    app.hub.register({ channel, send: async () => undefined });
  let counter = 0;

  /** A fresh session (saved with version 1) of a user standing at `target`. */
  function sessionAt(target: StepTarget, userId: string): { session: Session; isStaff: boolean } {
    const isStaff = Boolean(target.flow.staffOnly) || target.flow.id === "staff";
    const now = app.services.clock.now();
    const session = createSession("terminal", userId, now);
    const ctx = {
      now,
      channel: "terminal",
      userId,
      language: "id",
      phone: undefined,
      isStaff,
      staff: isStaff ? toLocalOperator("terminal", userId) : null,
      session,
      services: app.services,
      capabilities: app.services.channels.capabilitiesOf("terminal"),
      translator: app.translator,
      logger,
      setLanguage: () => undefined,
      setContext: () => undefined,
      forgetConversation: () => undefined,
      effectKey: (purpose) => `${userId}:${purpose}`,
    } satisfies FlowContext;
    if (!target.isHome)
      session.flow = {
        id: target.flow.id,
        version: target.flow.version,
        step: target.step,
        data: target.flow.initial(ctx) as unknown,
        history: [],
        startedAt: now,
      };
    session.version = 1;
    return { session, isStaff };
  }

  /** Sends `content` through the inbound handler (store, error boundary, rendering); returns what the user sees. */
  async function sendAt(target: StepTarget, content: InboundContent): Promise<OutboundMessage[]> {
    const userId = `step-${++counter}`;
    const { session, isStaff } = sessionAt(target, userId);
    if ((await app.services.sessions.save(session)) !== "saved") throw new Error("session not saved");
    let replies: OutboundMessage[] = [];
    await app.inbound.handle(
      { channel: "terminal", userId, messageId: `s${counter}`, content, ...(isStaff ? { isStaff } : {}) },
      async (messages) => {
        replies = messages;
      },
    );
    return replies;
  }

  /**
   * Hands `content` straight to the engine (five times faster than `sendAt`, for tests that send
   * thousands of messages): what would reach the error boundary is returned as `error`.
   */
  async function handleAt(
    target: StepTarget,
    content: InboundContent,
  ): Promise<{ replies: Reply[]; error?: unknown }> {
    const userId = `step-${++counter}`;
    const { session, isStaff } = sessionAt(target, userId);
    const message = { channel: "terminal" as const, userId, messageId: `s${counter}`, content };
    try {
      const result = await app.engine.handle(
        session,
        isStaff ? { ...message, isStaff } : message,
        session.createdAt,
      );
      return { replies: result.replies };
    } catch (error) {
      return { replies: [], error };
    }
  }

  return { app, logged, sendAt, handleAt };
}
