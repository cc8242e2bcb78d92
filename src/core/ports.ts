/**
 * Ports: the interfaces core, flows and nlu depend on. Adapters (storage/, channels/, jobs/)
 * implement them; only main.ts wires concrete implementations together.
 */
import type { ChannelName, Language, OutboundMessage, Reply } from "./messages";
import type { I18nKey } from "../i18n/keys";

export type {
  Collection,
  DocumentStore,
  Filter,
  Change,
  FindOptions,
  InsertResult,
  StoredDoc,
} from "./document-store.port";
export type { Session, FlowState } from "./session";

/** Time comes from here, never from `new Date()` in logic, so tests and transcripts can move it. */
export interface Clock {
  now(): Date;
}

export type LogFields = Record<string, unknown>;

/** Structured logger (pino behind it). Personal data is redacted by the implementation. */
export interface Logger {
  debug(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
  child(fields: LogFields): Logger;
}

/** Renders i18n keys; pure and synchronous once loaded. */
export interface Translator {
  t(language: Language, key: I18nKey, params?: Record<string, unknown>): string;
  /** True when the key exists in the language (or its fallback). */
  has(language: Language, key: string): boolean;
}

/** Where a proactive message goes. */
export type Recipient = { channel: ChannelName; userId: string };

/**
 * `reply`: an answer to something the user just did (sent at once).
 * `unsolicited`: reminders, status pushes and broadcasts (paced on WhatsApp, skipped for opted-out users).
 */
export type SendKind = "reply" | "unsolicited";

/** What a proactive message was made of, for channels that need more than its text. */
export type SendContext = {
  /** The replies as data: a channel that must send an approved template picks it from these. */
  replies: readonly Reply[];
  /** The language the messages were rendered in. */
  language: Language;
  /** Echoed in delivery receipts (a broadcast delivery's id), on channels with receipts. */
  reference?: string;
};

/** What a channel adapter offers the rest of the bot. */
export interface ChannelSender {
  readonly channel: ChannelName;
  send(userId: string, messages: OutboundMessage[], kind: SendKind, context?: SendContext): Promise<void>;
}

/** What became of a proactive message: sent now, or queued in the outbox for the bot to send. */
export type NotifyOutcome = "sent" | "queued";

export type NotifyOptions = {
  language?: Language;
  kind?: SendKind;
  /**
   * Queue an unsolicited message in the outbox when its channel is not running here or cannot
   * send now (default true). Broadcasts pass false: their deliveries are their own outbox.
   */
  outbox?: boolean;
  /**
   * Idempotency key (`ctx.effectKey("notify")`, a console form's token): the message is queued in
   * the outbox under this key and sent from there at once where its channel runs here, so a
   * retried call neither queues nor sends it twice; failed sends are retried by the drainer.
   */
  key?: string;
  /** Echoed in delivery receipts, where the channel reports them (see `DeliveryReceipts`). */
  reference?: string;
};

/** What a channel with receipts reported about a message sent with a `reference`. */
export type DeliveryReceipt = {
  reference: string;
  /** The platform's message id. */
  messageId: string;
  status: "sent" | "delivered" | "read" | "failed";
  at: Date;
  /** Platform error code and title, for a failure ("131026 Message undeliverable"). */
  error?: string;
};

/** Where receipts go (broadcast deliveries keep the furthest state each message reached). */
export interface DeliveryReceipts {
  record(receipt: DeliveryReceipt): Promise<void>;
}

/** Sends replies to any user on any running channel, rendered in the given language. */
export interface Notifier {
  notify(recipient: Recipient, replies: Reply[], options?: NotifyOptions): Promise<NotifyOutcome>;
}
