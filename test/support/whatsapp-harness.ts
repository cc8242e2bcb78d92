/**
 * The real bot (engine, flows, memory store) behind the real WhatsApp channel glue, talking to a
 * fake client. A WhatsApp conversation in a test is a few lines:
 *
 *   const wa = await startFakeWhatsApp();
 *   await wa.says("daftar");
 *   expect(wa.lastText()).toContain("…");
 *   await wa.sendsPhoto({ bytes, mimeType: "image/jpeg" });
 */
import { createApp } from "../../src/app";
import type { WhatsAppIncoming } from "../../src/channels/whatsapp/whatsapp-client.port";
import {
  createWhatsAppChannel,
  type Timers,
  type WhatsAppChannelDeps,
} from "../../src/channels/whatsapp/whatsapp.channel";
import { createWhatsAppPacer } from "../../src/channels/whatsapp/whatsapp.pacer";
import { createStaffAccount } from "./staff-accounts";
import type { LogFields, Logger } from "../../src/core/ports";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createVault } from "../../src/security/vault";
import {
  createFakeWhatsAppClient,
  fakeIncoming,
  fakeVCard,
  type FakeWhatsAppClient,
} from "./fake-whatsapp-client";
import { createTestClock, testVaultKeys, type TestClock } from "./test-chat";

export type LogEntry = { level: "debug" | "info" | "warn" | "error"; fields: LogFields; message: string };

export function createRecordingLogger(
  entries: LogEntry[] = [],
  bound: LogFields = {},
): Logger & { entries: LogEntry[] } {
  const at = (level: LogEntry["level"]) => (fields: LogFields, message: string) =>
    void entries.push({ level, fields: { ...bound, ...fields }, message });
  return {
    entries,
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (fields) => createRecordingLogger(entries, { ...bound, ...fields }),
  };
}

/** Timers the test runs by hand: nothing waits on the wall clock. */
export function createManualTimers(): Timers & { pending: () => number[]; runNext: () => void } {
  let next = 0;
  const scheduled = new Map<number, { run: () => void; ms: number }>();
  return {
    setTimeout: (run, ms) => {
      next += 1;
      scheduled.set(next, { run, ms });
      return next;
    },
    clearTimeout: (handle) => void scheduled.delete(handle as number),
    pending: () => [...scheduled.values()].map((t) => t.ms),
    runNext: () => {
      const [id, timer] = [...scheduled.entries()].sort((a, b) => a[1].ms - b[1].ms)[0] ?? [];
      if (id === undefined || !timer) throw new Error("no timer pending");
      scheduled.delete(id);
      timer.run();
    },
  };
}

export type FakeWhatsAppOptions = {
  /** WhatsApp numbers that get an admin staff account. */
  staffNumbers?: string[];
  clock?: TestClock;
  maxPerMinute?: number;
  maxPerDay?: number;
  /** Per client built: how its initialize behaves (default: resolves). */
  initialize?: (attempt: number) => Promise<void>;
  /** Skip the "ready" event after start (to test login and start failures). */
  ready?: boolean;
  extra?: Partial<WhatsAppChannelDeps>;
};

export const defaultChat = "6281234567890@c.us";

export async function startFakeWhatsApp(options: FakeWhatsAppOptions = {}) {
  const clock = options.clock ?? createTestClock();
  const logger = createRecordingLogger();
  const store = createMemoryDocumentStore();
  const app = createApp({
    store,
    clock,
    logger,
    vault: createVault(testVaultKeys),
  });
  const clients: FakeWhatsAppClient[] = [];
  const timers = createManualTimers();
  const pacer = createWhatsAppPacer({
    maxPerMinute: options.maxPerMinute ?? 8,
    maxPerDay: options.maxPerDay ?? 300,
    clock,
    jitterMs: { min: 0, max: 0 },
  });
  const channel = createWhatsAppChannel({
    createClient: () => {
      const attempt = clients.length + 1;
      const client = createFakeWhatsAppClient(
        options.initialize ? { initialize: () => options.initialize!(attempt) } : {},
      );
      clients.push(client);
      return client;
    },
    inbound: app.inbound,
    sessions: app.services.sessions,
    translator: app.translator,
    logger,
    clock,
    pacer,
    authLocation: "data/whatsapp/session-jamsos",
    timers,
    ...options.extra,
  });
  for (const [index, number] of (options.staffNumbers ?? []).entries())
    await createStaffAccount(app.services, { username: `wa-staff-${index}`, whatsappNumber: number });
  app.hub.register(channel.sender);
  const outcome = await channel.start();
  const client = () => clients.at(-1)!;
  if (options.ready !== false && outcome.status === "started") client().emit("ready");
  clock.advance(1000);

  async function receive(
    overrides: Parameters<typeof fakeIncoming>[0] = {},
  ): Promise<WhatsAppIncoming & { downloads: number }> {
    const message = fakeIncoming({ timestamp: Math.floor(clock.now().getTime() / 1000), ...overrides });
    client().emit("message", message);
    await channel.idle();
    clock.advance(1000);
    return message;
  }
  const textsTo = (chatId: string) =>
    clients.flatMap((c) => c.sent.filter((s) => s.chatId === chatId).map((s) => s.text));

  return {
    app,
    /** The bot's memory store, e.g. to seed registered people (test/support/seed-people.ts). */
    store,
    channel,
    clock,
    logger,
    timers,
    clients,
    outcome,
    get client() {
      return client();
    },
    receive,
    says: (text: string, from = defaultChat) => receive({ type: "chat", body: text, from }),
    sendsPhoto: (file: { bytes: Uint8Array; mimeType?: string; caption?: string; from?: string }) =>
      receive({
        type: "image",
        from: file.from ?? defaultChat,
        body: file.caption ?? "",
        media: { mimeType: file.mimeType ?? "image/jpeg", size: file.bytes.length },
        bytes: file.bytes,
      }),
    /** Shares a contact card (the phone-number step of a registration). */
    sharesContact: (name: string, phone: string, from = defaultChat) =>
      receive({
        type: "vcard",
        body: "",
        from,
        vCards: [fakeVCard(name, phone, phone.startsWith("+") ? phone.replace(/\D/g, "") : undefined)],
      }),
    /** Everything the bot sent to a chat, in order. */
    textsTo,
    lastText: (chatId = defaultChat) => textsTo(chatId).at(-1) ?? "",
    errors: () => logger.entries.filter((e) => e.level === "error"),
  };
}

export type FakeWhatsApp = Awaited<ReturnType<typeof startFakeWhatsApp>>;
