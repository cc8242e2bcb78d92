/**
 * The outbox over the document store (see core/outbox.port.ts). Sent items are kept for 30
 * days (TTL on `sentAt`) so staff can see what went out; given-up items stay until removed.
 */
import { randomUUID } from "node:crypto";
import type { CollectionSpec, DocumentStore, Filter } from "../../core/document-store.port";
import type { Outbox, OutboxItem } from "../../core/outbox.port";

export const outboxCollection: CollectionSpec = {
  name: "outbox",
  indexes: [
    { fields: { status: 1, "recipient.channel": 1, dueAt: 1 } },
    { fields: { status: 1, claimedAt: 1 } },
    { fields: { sentAt: 1 }, expireAfterSeconds: 30 * 24 * 3600 },
  ],
};

export function createOutboxRepository(store: DocumentStore): Outbox {
  const items = store.collection<OutboxItem>(outboxCollection);
  const owned = (item: OutboxItem): Filter => ({
    _id: item._id,
    status: "sending",
    ...(item.owner ? { owner: item.owner } : {}),
  });
  return {
    async enqueue(item, now, key) {
      const _id = key ?? randomUUID();
      await items.insert({
        _id,
        recipient: { channel: item.recipient.channel, userId: item.recipient.userId },
        replies: item.replies,
        kind: item.kind,
        ...(item.language ? { language: item.language } : {}),
        status: "pending",
        attempts: item.attempts ?? 0,
        dueAt: now,
        createdAt: now,
        ...(item.lastError ? { lastError: item.lastError } : {}),
      }); // a duplicate `_id` (same key) means it is queued already
      return _id;
    },
    claimDue(channels, owner, now) {
      if (channels.length === 0) return Promise.resolve(null);
      return items.findOneAndUpdate(
        { status: "pending", "recipient.channel": { $in: [...channels] }, dueAt: { $lte: now } },
        { $set: { status: "sending", owner, claimedAt: now }, $inc: { attempts: 1 } },
        { sort: { dueAt: 1 } },
      );
    },
    claim: (id, owner, now) =>
      items.findOneAndUpdate(
        { _id: id, status: "pending" },
        { $set: { status: "sending", owner, claimedAt: now }, $inc: { attempts: 1 } },
      ),
    async markSent(item, now) {
      await items.update(owned(item), { $set: { status: "sent", sentAt: now } }, { multi: false });
    },
    async markFailed(item, error, now, retryAt) {
      const change = retryAt
        ? { $set: { status: "pending", dueAt: retryAt, lastError: error } }
        : { $set: { status: "failed", failedAt: now, lastError: error } };
      await items.update(owned(item), change, { multi: false });
    },
    recoverStale: (claimedBefore) =>
      items.update(
        { status: "sending", claimedAt: { $lt: claimedBefore } },
        { $set: { status: "pending" }, $unset: { owner: true } },
      ),
    find: (filter) =>
      items.find(
        {
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.channel ? { "recipient.channel": filter.channel } : {}),
        },
        { sort: { createdAt: 1 } },
      ),
  };
}
