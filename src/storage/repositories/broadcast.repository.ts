/**
 * Broadcasts and their deliveries over the document store. One delivery per broadcast and
 * recipient (unique index), with a deterministic `_id` (`<broadcast>:<channel>:<seq>`) so the
 * dispatcher claims them one by one, atomically, and resumes exactly where it stopped.
 */
import type { Broadcast, BroadcastMessage, BroadcastProgress } from "../../core/broadcast.port";
import type { CollectionSpec, DocumentStore } from "../../core/document-store.port";
import type { ChannelName, Language } from "../../core/messages";

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
  ],
};

export type DeliveryStatus = "pending" | "sending" | "sent" | "failed" | "skipped";

/** Values a template or staff text may use for one recipient. */
export type RecipientParams = {
  name?: string;
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
  createdAt: Date;
};

/** Deliveries of a broadcast by outcome; `remaining` is pending or being sent. */
export type DeliveryCounts = Omit<BroadcastProgress, "id" | "status" | "finishBy"> & {
  remainingByChannel: Partial<Record<ChannelName, number>>;
};

export const toDeliveryId = (broadcastId: string, channel: ChannelName, seq: number) =>
  `${broadcastId}:${channel}:${seq}`;

export function createBroadcastRepository(store: DocumentStore) {
  const broadcasts = store.collection<Broadcast>(broadcastsCollection);
  const deliveries = store.collection<Delivery>(deliveriesCollection);

  return {
    broadcasts,
    deliveries,
    /** Deliveries per outcome, and what is left per channel: one group count in the database. */
    async counts(broadcastId: string): Promise<DeliveryCounts> {
      const groups = await deliveries.groupCount({ broadcastId }, ["status", "channel"]);
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
      return counts;
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
     * handed over but unconfirmed → failed "uncertain" (at-most-once: never sent twice).
     */
    async recoverStale(broadcastId: string): Promise<{ resent: number; uncertain: number }> {
      const resent = await deliveries.update(
        { broadcastId, status: "sending", attemptedAt: { $exists: false } },
        { $set: { status: "pending" }, $inc: { recoveries: 1 } },
      );
      const uncertain = await deliveries.update(
        { broadcastId, status: "sending", attemptedAt: { $exists: true } },
        { $set: { status: "failed", reason: "uncertain" }, $inc: { recoveries: 1 } },
      );
      return { resent, uncertain };
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
