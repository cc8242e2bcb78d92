/**
 * A test chat: the real engine and flows over the memory store, a fake channel that records
 * what the bot sends, and a clock the test moves. Drive it turn by turn:
 *
 *   const chat = createTestChat();
 *   await chat.says("daftar");
 *   expect(chat.lastReply()).toHaveKey("registration:consent.prompt");
 */
import { createApp, type App, type AppOptions } from "../../src/app";
import type { DocumentStore } from "../../src/core/document-store.port";
import type {
  ChannelName,
  InboundContent,
  InboundMessage,
  OutboundMessage,
  Reply,
} from "../../src/core/messages";
import { toConversationKey } from "../../src/core/messages";
import type { ChannelSender, Logger } from "../../src/core/ports";
import type { Session } from "../../src/core/session";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault, type VaultKeys } from "../../src/security/vault";

export const testVaultKeys = {
  current: "k1",
  keys: { k1: Buffer.alloc(32, 7) },
  hashKey: Buffer.alloc(32, 9),
};

export type TestClock = { now(): Date; set(date: Date | string): void; advance(ms: number): void };

export function createTestClock(start: Date | string = "2026-03-02T09:00:00+07:00"): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (date) => void (current = new Date(date)),
    advance: (ms) => void (current = new Date(current.getTime() + ms)),
  };
}

/** Records every reply as data (keys) and as rendered text, per user. */
export type Recorded = {
  userId: string;
  channel: ChannelName;
  replies: Reply[];
  messages: OutboundMessage[];
  kind: "reply" | "unsolicited";
};

export type TestChatOptions = {
  store?: DocumentStore;
  clock?: TestClock;
  userId?: string;
  channel?: ChannelName;
  isStaff?: boolean;
  phone?: string;
  logger?: Logger;
  /** Vault keys (default testVaultKeys): a key change is a second chat on the same store. */
  vaultKeys?: VaultKeys;
  /** Prefix of message ids (default "m"): a second chat on the same store needs its own. */
  messageIdPrefix?: string;
  /** Extra app options (people, claims, scheduler, broadcasting settings). */
  app?: Partial<
    Pick<
      AppOptions,
      "people" | "claims" | "scheduler" | "broadcasting" | "files" | "staffRecipients" | "channels"
    >
  >;
};

export function createTestChat(options: TestChatOptions = {}) {
  const store = options.store ?? createMemoryDocumentStore();
  const clock = options.clock ?? createTestClock();
  const logger = options.logger ?? silentLogger;
  const sent: Recorded[] = [];
  let counter = 0;
  let app: App = build();
  let user = {
    userId: options.userId ?? "warga-1",
    channel: options.channel ?? "terminal",
    isStaff: options.isStaff ?? false,
    phone: options.phone,
  };

  function build(): App {
    const vault = createVault(options.vaultKeys ?? testVaultKeys);
    const built = createApp({ store, clock, logger, vault, ...options.app });
    for (const channel of ["terminal", "telegram", "whatsapp"] as const) {
      const sender: ChannelSender = {
        channel,
        send: async (userId, messages, kind) => {
          sent.push({ userId, channel, replies: [], messages, kind });
        },
      };
      built.hub.register(sender);
    }
    // Capture replies as data too: wrap the engine.
    const handle = built.engine.handle;
    built.engine.handle = async (...args) => {
      const result = await handle(...args);
      lastReplies = result.replies;
      return result;
    };
    return built;
  }
  let lastReplies: Reply[] = [];

  async function send(content: InboundContent): Promise<Reply[]> {
    counter += 1;
    lastReplies = [];
    const message: InboundMessage = {
      channel: user.channel,
      userId: user.userId,
      messageId: `${options.messageIdPrefix ?? "m"}${counter}`,
      content,
      ...(user.isStaff ? { isStaff: true } : {}),
      ...(user.phone ? { phone: user.phone } : {}),
    };
    let rendered: OutboundMessage[] = [];
    await app.inbound.handle(message, async (messages) => {
      rendered = messages;
    });
    sent.push({
      userId: user.userId,
      channel: user.channel,
      replies: lastReplies,
      messages: rendered,
      kind: "reply",
    });
    return lastReplies;
  }

  return {
    get app() {
      return app;
    },
    store,
    clock,
    sent,
    says: (text: string) => send({ type: "text", text }),
    presses: (value: string) => send({ type: "choice", value }),
    sharesContact: (phone: string) => send({ type: "contact", phone }),
    sendsFile: (file: {
      kind?: "photo" | "document";
      mimeType: string;
      bytes: Uint8Array;
      fileName?: string;
      caption?: string;
    }) =>
      send({
        type: "media",
        kind: file.kind ?? "photo",
        mimeType: file.mimeType,
        size: file.bytes.length,
        load: async () => file.bytes,
        ...(file.fileName ? { fileName: file.fileName } : {}),
        ...(file.caption ? { caption: file.caption } : {}),
      }),
    /** Switch the user talking (same store and clock). */
    as(next: { userId: string; channel?: ChannelName; isStaff?: boolean; phone?: string }) {
      user = {
        userId: next.userId,
        channel: next.channel ?? user.channel,
        isStaff: next.isStaff ?? false,
        phone: next.phone,
      };
    },
    /** Rebuild the whole app on the same store, as after a crash. */
    restart() {
      app = build();
    },
    replies: () => lastReplies,
    lastReply: (): Reply | undefined => lastReplies.at(-1),
    keys: () => lastReplies.map((r) => r.key),
    /** The texts of the last turn, as the user saw them (numbered choices included). */
    texts: () =>
      sent
        .at(-1)
        ?.messages.map((m) => [m.text, ...m.choices.map((c, i) => `${i + 1}. ${c.label}`)].join("\n")) ?? [],
    session: async (): Promise<Session | null> =>
      app.services.sessions.load(toConversationKey(user.channel, user.userId)),
    /** Messages pushed to a user outside a reply (status changes, broadcasts). */
    pushed: (userId?: string) =>
      sent.filter((s) => s.kind === "unsolicited" && (userId === undefined || s.userId === userId)),
  };
}

export type TestChat = ReturnType<typeof createTestChat>;
