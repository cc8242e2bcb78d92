/**
 * A world for broadcast tests: the real app (createTestChat) over the memory store, the real people
 * repository (records from `createPerson` written to the store), fake claims, a scheduler that runs only when told (`runJobs()`), and helpers to seed sessions.
 */
import { createChannelCatalog, type ChannelSettings } from "../../src/channels/channel-catalog";
import { defaultTelegramSettings } from "../../src/channels/telegram/telegram.capabilities";
import type { ClaimAwaitingDocuments } from "../../src/core/claims.port";
import type { ChannelName, Language } from "../../src/core/messages";
import type { Person } from "../../src/core/people.port";
import { createSession } from "../../src/core/session";
import { createSessionStore } from "../../src/core/session.store";
import type { DispatcherOptions } from "../../src/jobs/broadcast.dispatcher";
import type { BroadcastingSettings } from "../../src/jobs/broadcasting";
import { createInProcessScheduler } from "../../src/jobs/in-process.scheduler";
import { silentLogger } from "../../src/security/pino.logger";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createPeopleSeeder } from "./seed-people";
import { createTestChat, createTestClock, type TestChatOptions } from "./test-chat";

export async function createBroadcastWorld(
  options: {
    people?: Person[];
    start?: string;
    dispatcher?: Partial<DispatcherOptions>;
    /** Channel settings (e.g. WhatsApp on the Cloud API); Telegram is never paced here. */
    channelSettings?: Partial<ChannelSettings>;
    /** Other broadcasting settings (the size up to which previews list recipients exactly…). */
    settings?: Partial<BroadcastingSettings>;
  } & TestChatOptions = {},
) {
  const store = options.store ?? createMemoryDocumentStore();
  const clock = options.clock ?? createTestClock(options.start ?? "2026-03-02T09:00:00+07:00");
  const seeder = createPeopleSeeder(store);
  // A restarted world over the same store finds its people already there.
  for (const person of options.people ?? []) await seeder.insert(person);
  const people = seeder.repository;
  const claims: ClaimAwaitingDocuments[] = [];
  const scheduler = createInProcessScheduler({ clock, logger: silentLogger, timers: false });
  const chat = createTestChat({
    ...options,
    store,
    clock,
    app: {
      people,
      claims: { listAwaitingDocuments: async (before) => claims.filter((c) => c.since <= before) },
      scheduler,
      channels: createChannelCatalog({
        telegram: { ...defaultTelegramSettings, ratePerSecond: 1_000_000 },
        ...options.channelSettings,
      }),
      broadcasting: {
        ...options.settings,
        dispatcher: {
          controlCheckMs: 0,
          concurrency: { telegram: 2, whatsapp: 1, terminal: 1 },
          ...options.dispatcher,
        },
      },
    },
  });
  const sessions = createSessionStore(store);
  return {
    chat,
    store,
    clock,
    people,
    claims,
    scheduler,
    get broadcasting() {
      return chat.app.broadcasting;
    },
    staff: { actor: "telegram:staff-1", notify: { channel: "telegram" as const, userId: "staff-1" } },
    /** Someone who wrote to the bot on `channel` at `at` (default: now). */
    async wrote(
      channel: ChannelName,
      userId: string,
      extra: { at?: Date; language?: Language; phone?: string } = {},
    ) {
      const session = createSession(channel, userId, extra.at ?? clock.now(), extra.language ?? "id");
      session.version = 1;
      if (extra.phone) session.phone = extra.phone;
      await sessions.save(session);
    },
    runJobs: () => scheduler.runDue(),
    /** User ids that got an unsolicited message, in order. */
    received: () => chat.pushed().map((p) => `${p.channel}:${p.userId}`),
  };
}

export type BroadcastWorld = Awaited<ReturnType<typeof createBroadcastWorld>>;
