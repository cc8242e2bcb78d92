/**
 * Hostile and random input at every step of every flow (flows added later are covered too):
 * nothing rejects out of the inbound handler, every message gets a reply, the stored session
 * still parses, and no prototype is polluted. Rerun a random failure with ROBUSTNESS_SEED=<seed>.
 */
import { toLocalOperator } from "../../src/core/staff-directory";
import { createApp, type App } from "../../src/app";
import type { AnyFlow, FlowContext } from "../../src/core/flow";
import type { InboundContent, OutboundMessage } from "../../src/core/messages";
import { renderReply } from "../../src/core/render";
import { createSession, sessionSchema } from "../../src/core/session";
import { sessionsCollection } from "../../src/core/session.store";
import { createFlowRegistry } from "../../src/flows/registry";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createTestClock, testVaultKeys } from "../support/test-chat";

const hostileTexts: Record<string, string> = {
  empty: "",
  whitespace: " \t \n  ",
  "10,000 characters": "a".repeat(9_990) + " 1 daftar",
  emoji: "😀🙏🏽👨‍👩‍👧 🇮🇩",
  "right-to-left": "مرحبا بالعالم \u202Eevil\u202C",
  "zero-width": "\u200B\u200C\u200D\uFEFF1\u200B",
  "control characters": "\u0000\u0001\u0007\u001B[31mred\u007F",
  "lone surrogate": "\uD800 ok \uDFFF",
  "mongo operator": '{"$gt":""}',
  __proto__: "__proto__",
  constructor: "constructor",
  "prototype path": "__proto__.polluted=1",
  "NIK-looking": "1571 0212 0390 0001",
  "huge number": "99999999999999999999999999999",
  "negative number": "-1",
  "format string": "%s%s%n {{count}} ${7*7}",
  markup: "<script>alert(1)</script> *bold* _it_",
};

const failingMedia: InboundContent = {
  type: "media",
  kind: "photo",
  mimeType: "image/jpeg",
  size: 123_456,
  fileName: "../../ktp.jpg",
  load: async () => {
    throw new Error("download failed");
  },
};

const hostileContents: Record<string, InboundContent> = {
  ...Object.fromEntries(Object.entries(hostileTexts).map(([name, text]) => [name, { type: "text", text }])),
  "unknown choice": { type: "choice", value: "no-such-option" },
  "__proto__ choice": { type: "choice", value: "__proto__" },
  contact: { type: "contact", phone: "+6281234567890" },
  "odd contact": { type: "contact", phone: "+62 abc" },
  "media whose download fails": failingMedia,
};

/** Mulberry32: a small seeded generator, so a random failure can be replayed. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const alphabets = [
  "abcdefghijklmnopqrstuvwxyz ",
  "0123456789 .-/",
  "!@#$%^&*()_+{}[]|\\:;\"'<>,.?/~`",
  "\u200B\u200C\u200D\uFEFF\u202E\u2066\u0000\u0007\u001B\n\t",
  "😀🙏🏽👨‍👩‍👧مرحباשלום ñéü",
];

function randomText(random: () => number): string {
  const words = ["ya", "tidak", "1", "2", "menu", "daftar", "batal", "kembali", "$gt", "__proto__"];
  const length = Math.floor(random() ** 3 * 300);
  let text = "";
  while ([...text].length < length) {
    if (random() < 0.1) text += words[Math.floor(random() * words.length)]!;
    const alphabet = [...alphabets[Math.floor(random() * alphabets.length)]!];
    text += alphabet[Math.floor(random() * alphabet.length)]!;
  }
  return text;
}

type Target = { flow: AnyFlow; step: string; isHome: boolean };

const registry = createFlowRegistry();
const targets: Target[] = registry.all.flatMap((flow) =>
  Object.keys(flow.steps).map((step) => ({ flow, step, isHome: flow === registry.home })),
);

function createRobustApp(): App {
  const app = createApp({
    store: createMemoryDocumentStore(),
    clock: createTestClock(),
    logger: silentLogger,
    vault: createVault(testVaultKeys),
  });
  for (const channel of ["terminal", "telegram", "whatsapp"] as const)
    app.hub.register({ channel, send: async () => undefined });
  return app;
}

let counter = 0;

/** Puts a fresh user at `target` (with the flow's initial data), sends `content`, returns what came back. */
async function sendAt(app: App, target: Target, content: InboundContent) {
  const userId = `robust-${++counter}`;
  const isStaff = Boolean(target.flow.staffOnly) || target.flow.id === "staff";
  const now = app.services.clock.now();
  const session = createSession("terminal", userId, now);
  const ctx: FlowContext = {
    now,
    channel: "terminal",
    capabilities: app.services.channels.capabilitiesOf("terminal"),
    userId,
    language: "id",
    phone: undefined,
    isStaff,
    staff: isStaff ? toLocalOperator("terminal", userId) : null,
    session,
    services: app.services,
    translator: app.translator,
    logger: silentLogger,
    effectKey: (purpose) => `${userId}:${purpose}`,
    setLanguage: () => undefined,
    setContext: () => undefined,
    forgetConversation: () => undefined,
  };
  if (!target.isHome) {
    const data: unknown = target.flow.initial(ctx);
    session.flow = {
      id: target.flow.id,
      version: target.flow.version,
      step: target.step,
      data,
      history: [],
      startedAt: now,
    };
  }
  session.version = 1;
  expect(await app.services.sessions.save(session)).toBe("saved");
  let replies: OutboundMessage[] = [];
  const message = {
    channel: "terminal" as const,
    userId,
    messageId: `r${counter}`,
    content,
    ...(isStaff ? { isStaff } : {}),
  };
  await app.inbound.handle(message, async (messages) => {
    replies = messages;
  });
  const stored = await app.store.collection(sessionsCollection).findById(`terminal:${userId}`);
  return { replies, stored };
}

/** What is wrong after one message, or undefined. */
async function check(app: App, target: Target, name: string, content: InboundContent) {
  const { replies, stored } = await sendAt(app, target, content);
  const where = `${target.flow.id}.${target.step} <- ${name}`;
  if (replies.length === 0) return `${where}: no reply`;
  const parsed = sessionSchema.safeParse(stored);
  if (!parsed.success)
    return `${where}: stored session no longer parses (${parsed.error.issues[0]?.message})`;
  const state = parsed.data.flow;
  const flow = state ? registry.get(state.id) : undefined;
  if (state && flow && state.version === flow.version && !flow.data.safeParse(state.data).success)
    return `${where}: stored flow data no longer fits the flow's schema`;
  return undefined;
}

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const snapshot = () => prototypes.map((p) => Object.getOwnPropertyNames(p).sort().join(","));

describe("robustness against hostile input", () => {
  const before = snapshot();
  afterAll(() => {
    expect(snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(targets.map((t) => [`${t.flow.id}.${t.step}`, t] as const))(
    "%s answers every hostile message and keeps a valid session",
    async (_name, target) => {
      const app = createRobustApp();
      const failures: string[] = [];
      for (const [name, content] of Object.entries(hostileContents)) {
        const failure = await check(app, target, name, content);
        if (failure) failures.push(failure);
      }
      expect(failures).toEqual([]);
    },
  );

  it.each(targets.filter((t) => t.step === t.flow.start).map((t) => [t.flow.id, t] as const))(
    "%s, at its first step, answers hostile input without apologising for an error",
    async (_name, target) => {
      const app = createRobustApp();
      const apology = renderReply({ key: "common:error" }, "id", app.translator).text;
      const apologised: string[] = [];
      for (const [name, content] of Object.entries(hostileContents)) {
        const { replies } = await sendAt(app, target, content);
        if (replies.some((r) => r.text === apology)) apologised.push(name);
      }
      expect(apologised).toEqual([]);
    },
  );

  const seed = Number(process.env.ROBUSTNESS_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const rounds = 300;
  it(`answers ${rounds} random messages at random steps (seed ${seed}; rerun with ROBUSTNESS_SEED=${seed})`, async () => {
    const random = createRandom(seed);
    const app = createRobustApp();
    const failures: string[] = [];
    for (let i = 0; i < rounds; i++) {
      const target = targets[Math.floor(random() * targets.length)]!;
      const text = randomText(random);
      const failure = await check(app, target, JSON.stringify(text), { type: "text", text });
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  });
});
