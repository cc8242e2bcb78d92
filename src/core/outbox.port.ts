/**
 * The outbox: proactive messages waiting for a channel that is not running in this process
 * (a staff CLI moved a claim; WhatsApp is still logging in) or that failed for now. Items keep
 * the reply data, not text, so they are rendered in the user's language when finally sent.
 * The bot process drains it (jobs/outbox.job.ts); each item is claimed atomically.
 */
import type { ChannelName, Language, Reply } from "./messages";
import type { Recipient, SendKind } from "./ports";

export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

export type OutboxItem = {
  _id: string;
  recipient: Recipient;
  replies: Reply[];
  kind: SendKind;
  /** The language the sender chose; the user's session language at send time wins. */
  language?: Language;
  status: OutboxStatus;
  /** Send attempts so far (a claim counts as one). */
  attempts: number;
  /** Not before this time (backoff after a failure). */
  dueAt: Date;
  createdAt: Date;
  owner?: string;
  claimedAt?: Date;
  sentAt?: Date;
  /** When it was given up (status "failed"). */
  failedAt?: Date;
  /** Short reason of the last failure: an error code and description, never message text. */
  lastError?: string;
};

export type NewOutboxItem = Pick<OutboxItem, "recipient" | "replies" | "kind"> & {
  language?: Language;
  /** Attempts already made before it was queued (a send that failed here). */
  attempts?: number;
  lastError?: string;
};

export interface Outbox {
  /** Queues a message; returns the item's id. With `key` (the item's id) a second call queues nothing. */
  enqueue(item: NewOutboxItem, now: Date, key?: string): Promise<string>;
  /** Atomically takes the next due item for one of `channels` (pending → sending) and counts an attempt. */
  claimDue(channels: readonly ChannelName[], owner: string, now: Date): Promise<OutboxItem | null>;
  /** Atomically takes one pending item by id (pending → sending); null when sent, in flight or unknown. */
  claim(id: string, owner: string, now: Date): Promise<OutboxItem | null>;
  markSent(item: OutboxItem, now: Date): Promise<void>;
  /** Back to pending at `retryAt`, or given up ("failed") when `retryAt` is null. */
  markFailed(item: OutboxItem, error: string, now: Date, retryAt: Date | null): Promise<void>;
  /** Items left "sending" by a process that died are due again (at-least-once). Returns how many. */
  recoverStale(claimedBefore: Date): Promise<number>;
  find(filter: { status?: OutboxStatus; channel?: ChannelName }): Promise<OutboxItem[]>;
}
