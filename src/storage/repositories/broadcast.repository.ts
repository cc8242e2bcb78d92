/**
 * Broadcasts and their deliveries over the document store. One delivery per broadcast and
 * recipient (unique index), with a deterministic `_id` (`<broadcast>:<channel>:<seq>`) so the
 * dispatcher claims them one by one, atomically, and resumes exactly where it stopped.
 */
import type { Broadcast, BroadcastMessage, BroadcastProgress } from "../../core/broadcast.port";
import type { CollectionSpec, DocumentStore, GroupCount } from "../../core/document-store.port";
import type { ChannelName, Language } from "../../core/messages";
import type { DeliveryReceipt } from "../../core/ports";

export const broadcastsCollection: CollectionSpec = {
  name: "broadcasts",
  indexes: [
    // recover(): broadcasts left scheduled or sending after a restart
    { fields: { status: 1, scheduledAt: 1 } },
    // staff list, newest first
    { fields: { createdAt: -1 } },
  ],
};

export const deliveriesCollection: CollectionSpec = {
  name: "deliveries",
  indexes: [
    // one delivery per broadcast and recipient; a reminder's "already sent this period" check
    { fields: { broadcastId: 1, recipient: 1 }, unique: true },
    // firstPending (resume point), progress counts, recoverStale, cancel; claims go by _id
    { fields: { broadcastId: 1, channel: 1, status: 1, seq: 1 } },
    // progress counts per status, remaining deliveries at the end of a run
    { fields: { broadcastId: 1, status: 1 } },
    // receipts in the progress (channels that report delivered / read / failed)
    { fields: { broadcastId: 1, "receipt.status": 1 } },
  ],
};

export type DeliveryStatus = "pending" | "sending" | "sent" | "failed" | "skipped";

/** Values a template or staff text may use for one recipient. */
export type RecipientParams = {
  name?: string;
  /** From the NIK: greetings say "Bapak"/"Ibu" with the name. */
  sex?: "L" | "P";
  rt?: string;
  kelurahan?: string;
  deadline?: Date;
  reference?: string;
  count?: number;
};

export type Delivery = {
  _id: string;
  broadcastId: string;
  /** Who, once: "person:<id>" or "<channel>:<userId>" (plus a period for reminders). */
  recipient: string;
  channel: ChannelName;
  userId: string;
  language: Language;
  seq: number;
  personId?: string;
  params: RecipientParams;
  /** Reminders carry their own message; broadcasts use the broadcast's. */
  message?: BroadcastMessage;
  status: DeliveryStatus;
  reason?: string;
  owner?: string;
  claimedAt?: Date;
  /** Written just before the message is handed to the channel. */
  attemptedAt?: Date;
  sentAt?: Date;
  /** Times a stale "sending" record was resolved after its runner died. */
  recoveries?: number;
  /** The furthest the platform reported for it (channels with receipts): sent → delivered → read, or failed. */
  receipt?: { status: DeliveryReceipt["status"]; rank: number; at: Date; messageId: string; error?: string };
  createdAt: Date;
};

/** Deliveries of a broadcast by outcome; `remaining` is pending or being sent. */
export type DeliveryCounts = Omit<BroadcastProgress, "id" | "status" | "finishBy"> & {
  remainingByChannel: Partial<Record<ChannelName, number>>;
};

/** Delivered (or read), read and failed, from deliveries grouped by receipt status. */
function toReceiptCounts(groups: GroupCount[]): { delivered: number; read: number; undelivered: number } {
  const of = (status: string) => groups.find((g) => g.key["receipt.status"] === status)?.count ?? 0;
  return { delivered: of("delivered") + of("read"), read: of("read"), undelivered: of("failed") };
}

/** Receipts only move forward: a late "sent" never hides "read"; "failed" only replaces "sent". */
const receiptRank: Record<DeliveryReceipt["status"], number> = { sent: 1, failed: 2, delivered: 3, read: 4 };

export const toDeliveryId = (broadcastId: string, channel: ChannelName, seq: number) =>
  `${broadcastId}:${channel}:${seq}`;

export function createBroadcastRepository(store: DocumentStore) {
  const broadcasts = store.collection<Broadcast>(broadcastsCollection);
  const deliveries = store.collection<Delivery>(deliveriesCollection);

  return {
    broadcasts,
    deliveries,
    /** Deliveries per outcome, what is left per channel, and receipts: two group counts in the database. */
    async counts(broadcastId: string): Promise<DeliveryCounts> {
      const [groups, receipts] = await Promise.all([
        deliveries.groupCount({ broadcastId }, ["status", "channel"]),
        deliveries.groupCount({ broadcastId, "receipt.status": { $exists: true } }, ["receipt.status"]),
      ]);
      const counts: DeliveryCounts = {
        sent: 0,
        failed: 0,
        skipped: 0,
        remaining: 0,
        total: 0,
        remainingByChannel: {},
      };
      for (const { key, count } of groups) {
        const status = key.status as DeliveryStatus;
        counts.total += count;
        if (status === "sent" || status === "failed" || status === "skipped") counts[status] += count;
        else {
          counts.remaining += count;
          const channel = key.channel as ChannelName;
          counts.remainingByChannel[channel] = (counts.remainingByChannel[channel] ?? 0) + count;
        }
      }
      return receipts.length > 0 ? { ...counts, ...toReceiptCounts(receipts) } : counts;
    },
    /** Atomically takes delivery `seq` of a channel if it is still pending. */
    claim(broadcastId: string, channel: ChannelName, seq: number, owner: string, now: Date) {
      return deliveries.findOneAndUpdate(
        { _id: toDeliveryId(broadcastId, channel, seq), status: "pending" },
        { $set: { status: "sending", owner, claimedAt: now } },
      );
    },
    /** Marks the moment the message is handed to the channel (see the dispatcher's guarantee). */
    async markAttempted(delivery: Delivery, owner: string, at: Date) {
      await deliveries.update(
        { _id: delivery._id, status: "sending", owner },
        { $set: { attemptedAt: at } },
        { multi: false },
      );
    },
    /**
     * Resolves what a dead runner left in "sending": never handed to the channel → pending again;
     * handed over and confirmed by a receipt → sent. Handed over without a receipt: on a channel
     * with receipts, awaited until `receipts.graceMs` after the attempt, then sent again (the
     * platform never took it); elsewhere failed "uncertain" (at-most-once: never sent twice).
     */
    async recoverStale(
      broadcastId: string,
      receipts: { channels: readonly ChannelName[]; graceMs: number; now: Date } = {
        channels: [],
        graceMs: 0,
        now: new Date(0),
      },
    ): Promise<{ resent: number; uncertain: number; confirmed: number; awaitUntil?: Date }> {
      const handedOver = { broadcastId, status: "sending", attemptedAt: { $exists: true } };
      const resent = await deliveries.update(
        { broadcastId, status: "sending", attemptedAt: { $exists: false } },
        { $set: { status: "pending" }, $inc: { recoveries: 1 } },
      );
      const confirmed = await deliveries.update(
        { ...handedOver, receipt: { $exists: true } },
        { $set: { status: "sent", sentAt: receipts.now }, $inc: { recoveries: 1 } },
      );
      const cutoff = new Date(receipts.now.getTime() - receipts.graceMs);
      const unanswered = { ...handedOver, channel: { $in: [...receipts.channels] } };
      const resentAfterGrace = await deliveries.update(
        { ...unanswered, attemptedAt: { $lt: cutoff } },
        { $set: { status: "pending" }, $unset: { attemptedAt: true }, $inc: { recoveries: 1 } },
      );
      const uncertain = await deliveries.update(
        { ...handedOver, channel: { $nin: [...receipts.channels] } },
        { $set: { status: "failed", reason: "uncertain" }, $inc: { recoveries: 1 } },
      );
      const waiting = await deliveries.findOne(unanswered, { sort: { attemptedAt: 1 } });
      const awaitUntil = waiting?.attemptedAt
        ? new Date(waiting.attemptedAt.getTime() + receipts.graceMs)
        : undefined;
      return {
        resent: resent + resentAfterGrace,
        uncertain,
        confirmed,
        ...(awaitUntil ? { awaitUntil } : {}),
      };
    },
    /** Gives a claimed delivery back, unsent (its channel could not take it): pending again. */
    async release(delivery: Delivery, owner: string) {
      await deliveries.update(
        { _id: delivery._id, status: "sending", owner },
        { $set: { status: "pending" }, $unset: { attemptedAt: true, owner: true, claimedAt: true } },
        { multi: false },
      );
    },
    /** Records the outcome, only while this runner still owns the claim. */
    async finish(
      delivery: Delivery,
      owner: string,
      outcome: { status: DeliveryStatus; reason?: string; at: Date },
    ) {
      const change =
        outcome.status === "sent"
          ? { $set: { status: outcome.status, sentAt: outcome.at } }
          : { $set: { status: outcome.status, reason: outcome.reason ?? "unknown" } };
      await deliveries.update({ _id: delivery._id, status: "sending", owner }, change, { multi: false });
    },
    /** Records a receipt on the delivery it names, unless that delivery already got further. */
    async recordReceipt(receipt: DeliveryReceipt): Promise<void> {
      const rank = receiptRank[receipt.status];
      await deliveries.update(
        {
          _id: receipt.reference,
          $or: [{ "receipt.rank": { $exists: false } }, { "receipt.rank": { $lt: rank } }],
        },
        {
          $set: {
            receipt: {
              status: receipt.status,
              rank,
              at: receipt.at,
              messageId: receipt.messageId,
              ...(receipt.error ? { error: receipt.error } : {}),
            },
          },
        },
        { multi: false },
      );
    },
    /** The lowest pending seq of a channel: where a resumed run starts. */
    async firstPending(broadcastId: string, channel: ChannelName): Promise<number | undefined> {
      const first = await deliveries.findOne(
        { broadcastId, channel, status: "pending" },
        { sort: { seq: 1 } },
      );
      return first?.seq;
    },
  };
}

export type BroadcastRepository = ReturnType<typeof createBroadcastRepository>;
