/**
 * The real engine and inbound pipeline with a small test-only flow registry: a home menu and a
 * three-step "survey" (name → colour → confirm). Used where the real flows are not enough to
 * reach a behaviour of the engine (parking, back, versions, a throwing step).
 */
import { z } from "zod";
import { createChannelHub } from "../../src/core/channel-hub";
import type { DocumentStore } from "../../src/core/document-store.port";
import { createEngine, type FlowRegistry } from "../../src/core/engine";
import { defineFlow, done, next, startFlow, type AnyFlow } from "../../src/core/flow";
import { createInboundHandler } from "../../src/core/handle-inbound";
import type { InboundContent, InboundMessage, OutboundMessage, Reply } from "../../src/core/messages";
import type { LogFields, Logger } from "../../src/core/ports";
import { createSessionStore, type SessionStore } from "../../src/core/session.store";
import type { Session } from "../../src/core/session";
import { ask, choose, confirm } from "../../src/core/steps";
import type { I18nKey } from "../../src/i18n/keys";
import { createTranslator, loadResources } from "../../src/i18n/translator";
import { createServices } from "../../src/app";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createVault } from "../../src/security/vault";
import { createTestClock, testVaultKeys, type TestClock } from "../support/test-chat";

const k = (key: string) => key as I18nKey;

const surveyText = {
  id: {
    title: "Survei",
    home: "Menu uji. Pilih:",
    askName: {
      prompt: "Siapa nama Anda?",
      help: "Tulis nama lengkap Anda.",
      invalid: "Nama terlalu pendek.",
    },
    pickColour: { prompt: "Warna kesukaan?", red: "Merah", blue: "Biru" },
    chooseColour: { prompt: "Warna apa yang Anda suka?" },
    confirmAll: { prompt: "{{name}} suka {{colour}}, benar?" },
    done: "Terima kasih, {{name}}.",
  },
  en: {
    title: "Survey",
    home: "Test menu. Pick:",
    askName: { prompt: "What is your name?", help: "Type your full name.", invalid: "Name too short." },
    pickColour: { prompt: "Favourite colour?", red: "Red", blue: "Blue" },
    chooseColour: { prompt: "Which colour do you like?" },
    confirmAll: { prompt: "{{name}} likes {{colour}}, right?" },
    done: "Thank you, {{name}}.",
  },
};

const surveyData = z.object({ name: z.string().optional(), colour: z.string().optional() });
type SurveyData = z.infer<typeof surveyData>;
const colours = [
  { value: "red", label: k("survey:pickColour.red") },
  { value: "blue", label: k("survey:pickColour.blue") },
];

/** The survey; version 2 renamed the colour step (so stored v1 states must restart). */
export function createSurveyFlow(version: 1 | 2 = 1): AnyFlow {
  const colourStep = version === 1 ? "pickColour" : "chooseColour";
  return defineFlow<SurveyData>({
    id: "survey",
    version,
    start: "askName",
    data: surveyData,
    initial: () => ({}),
    steps: {
      askName: ask<SurveyData, string>({
        prompt: k("survey:askName.prompt"),
        parse: (text) => {
          if (text === "meledak") throw new Error("the name step exploded");
          return text.length >= 2 ? { ok: true, value: text } : { ok: false, reason: "short" };
        },
        invalid: k("survey:askName.invalid"),
        onAnswer: (name, data) => next(colourStep, { ...data, name }),
      }),
      [colourStep]: choose<SurveyData>({
        prompt: k(`survey:${colourStep}.prompt`),
        options: colours,
        onChoice: (colour, data) => next("confirmAll", { ...data, colour }),
      }),
      confirmAll: confirm<SurveyData>({
        prompt: (data) => ({
          key: k("survey:confirmAll.prompt"),
          params: { name: data.name, colour: data.colour },
        }),
        onYes: (data) => done(data),
        onNo: (data) => next("askName", data),
      }),
    },
    complete: (data) => [{ key: k("survey:done"), params: { name: data.name } }],
  });
}

const homeFlow = defineFlow<Record<string, never>>({
  id: "menu",
  version: 1,
  start: "main",
  data: z.object({}),
  initial: () => ({}),
  steps: {
    main: choose({
      prompt: k("survey:home"),
      options: [{ value: "survey", label: k("survey:title"), aliases: ["survei"] }],
      onChoice: (value) => startFlow(value),
    }),
  },
});

export function createTestRegistry(surveyVersion: 1 | 2 = 1): FlowRegistry {
  const flows = new Map<string, AnyFlow>([
    ["menu", homeFlow],
    ["survey", createSurveyFlow(surveyVersion)],
  ]);
  return { home: homeFlow, get: (id) => flows.get(id) };
}

export const testTranslator = (() => {
  const resources = loadResources();
  for (const lng of ["id", "en"] as const)
    (resources[lng] as Record<string, unknown>).survey = surveyText[lng];
  return createTranslator(resources);
})();

export type LogEntry = { level: string; fields: LogFields; message: string };

/** A logger that records what it is told. */
export function createRecordingLogger(entries: LogEntry[] = []): Logger & { entries: LogEntry[] } {
  const at = (level: string) => (fields: LogFields, message: string) =>
    void entries.push({ level, fields, message });
  return {
    entries,
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: () => createRecordingLogger(entries),
  };
}

export type HarnessOptions = {
  store?: DocumentStore;
  clock?: TestClock;
  surveyVersion?: 1 | 2;
  silenceMs?: number;
  /** Wraps the session store (fakes that conflict, slow down or count). */
  wrapSessions?: (sessions: SessionStore) => SessionStore;
};

export function createEngineHarness(options: HarnessOptions = {}) {
  const store = options.store ?? createMemoryDocumentStore();
  const clock = options.clock ?? createTestClock();
  const logger = createRecordingLogger();
  const base = createSessionStore(store);
  const sessions = options.wrapSessions ? options.wrapSessions(base) : base;
  const hub = createChannelHub({ sessions, translator: testTranslator, logger });
  const { services } = createServices({
    translator: testTranslator,
    store,
    clock,
    logger,
    vault: createVault(testVaultKeys),
    sessions,
    notifier: hub,
  });
  const engine = createEngine({
    registry: createTestRegistry(options.surveyVersion),
    services,
    translator: testTranslator,
    logger,
    silenceMs: options.silenceMs ?? 24 * 3600_000,
  });
  const inbound = createInboundHandler({
    engine,
    sessions,
    translator: testTranslator,
    logger,
    clock,
    delivery: { retryDelaysMs: [0, 0] },
  });
  const handle = engine.handle;
  let keys: string[] = [];
  engine.handle = async (...args) => {
    const result = await handle(...args);
    keys = result.replies.map((r: Reply) => r.key);
    return result;
  };
  let counter = 0;
  const prefix = Math.random().toString(36).slice(2, 8);

  /** Sends one message; resolves with what the user saw (null when nothing was sent). */
  async function send(
    input: string | InboundContent,
    extra: { messageId?: string; respond?: (m: OutboundMessage[]) => Promise<void> } = {},
  ): Promise<OutboundMessage[] | null> {
    keys = [];
    const message: InboundMessage = {
      channel: "terminal",
      userId: "warga-1",
      messageId: extra.messageId ?? `${prefix}-${++counter}`,
      content: typeof input === "string" ? { type: "text", text: input } : input,
    };
    let seen: OutboundMessage[] | null = null;
    await inbound.handle(message, async (messages) => {
      seen = messages;
      await extra.respond?.(messages);
    });
    return seen;
  }

  return {
    store,
    clock,
    logger,
    /** The session store the pipeline uses (wrapped when `wrapSessions` was given). */
    sessions,
    send,
    keys: () => keys,
    text: (messages: OutboundMessage[] | null) => (messages ?? []).map((m) => m.text).join("\n"),
    session: (): Promise<Session | null> => base.load("terminal:warga-1"),
  };
}
