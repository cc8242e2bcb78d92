/**
 * Sends a broadcast: takes it over (one runner per broadcast, with a heartbeat), creates one
 * delivery per recipient, then claims deliveries one by one (pending → sending, atomically) and
 * sends them through the Notifier, paced per channel. Pause, cancel and quiet hours stop it
 * between messages. After a crash the next run takes over once the heartbeat is stale and
 * starts at the first delivery not finished.
 *
 * Delivery guarantee, as seen by the recipient: nothing twice, and nobody skipped unless the
 * process dies while a message is on the wire. A delivery is claimed before it waits for its
 * pacing slot, and `attemptedAt` is written just before the message is handed to the channel.
 * When a dead runner's records are found in "sending": without `attemptedAt` they were never
 * sent and go out again; with it the outcome is unknown. On a channel with receipts (the Cloud
 * API) the receipt settles it: a receipt means sent; none within `receiptGraceMs` of the attempt
 * means the platform never took it, and it goes out again. Elsewhere they are recorded as failed
 * "uncertain" (at-most-once), visible to staff in the progress. A duplicate reminder cannot be
 * taken back; an uncertain one can be followed up. Only the few milliseconds of one HTTP request
 * per channel lane are exposed. A channel that cannot send yet (WhatsApp still logging in, not
 * running in this process) leaves its deliveries pending and the broadcast is tried again
 * `unavailableRetryMs` later; nobody is marked failed for it. A channel at its daily cap
 * (WhatsApp) stops for the day: its deliveries stay pending and the broadcast goes on the next day
 * (WIB, after quiet hours), still "sending", until everyone has had it.
 */
import { randomUUID } from "node:crypto";
import type { Broadcast } from "../core/broadcast.port";
import type { ChannelDirectory } from "../core/channel-contract";
import type { ChannelName } from "../core/messages";
import { toSendableTime, type QuietHours } from "../domain/quiet-hours";
import type { RecipientResolver } from "./broadcast-recipients";
import { createDeliverer, type DelivererDeps } from "./broadcast-delivery";
import { createDispatchControl, type DispatchControl, type StopReason } from "./dispatch-control";
import { materialiseDeliveries } from "./materialise-deliveries";

export type DispatcherOptions = {
  /** Messages in flight per channel; by default each channel's declared `unsolicited.concurrency`. */
  concurrency: Partial<Record<ChannelName, number>>;
  /** A runner whose heartbeat is older than this is taken for dead. */
  runnerStaleMs: number;
  heartbeatMs: number;
  /** How often (real time) workers re-read the broadcast for pause/cancel; 0 = before every message. */
  controlCheckMs: number;
  maxRetries: number;
  /** When a channel cannot send yet (not running, WhatsApp logging in), try it again after this. */
  unavailableRetryMs: number;
  /**
   * On channels with receipts, how long a message a dead runner handed over may wait for its
   * receipt before it counts as never taken and is sent again.
   */
  receiptGraceMs: number;
};

export const defaultDispatcherOptions: DispatcherOptions = {
  concurrency: {},
  runnerStaleMs: 30_000,
  heartbeatMs: 5_000,
  controlCheckMs: 500,
  maxRetries: 5,
  unavailableRetryMs: 30_000,
  receiptGraceMs: 10 * 60_000,
};

/** What the deliverer needs (it sends each message), plus recipients, quiet hours and rescheduling. */
export type DispatcherDeps = Omit<DelivererDeps, "maxRetries"> & {
  channels: ChannelDirectory;
  resolver: RecipientResolver;
  quietHours: QuietHours;
  /** Runs `dispatch(broadcastId)` again at `at` (through the scheduler). */
  reschedule: (broadcastId: string, at: Date) => Promise<void>;
  options?: Partial<DispatcherOptions>;
};

export type DispatchOutcome =
  | { type: "completed" | "paused" | "cancelled" | "idle" | "stopped" }
  | { type: "postponed" | "busy" | "waiting" | "deferred"; at: Date };

/** How one channel's lane ended: done, the channel not able to send yet, or capped until a time. */
type LaneEnd = { type: "done" } | { type: "unavailable" } | { type: "deferred"; until: Date };

/** The channels that hit their daily cap, with when they may send again; undefined when none did. */
function toDeferred(channels: ChannelName[], lanes: LaneEnd[], quiet: QuietHours) {
  const deferred: Partial<Record<ChannelName, Date>> = {};
  lanes.forEach((end, i) => {
    const channel = channels[i];
    if (end.type === "deferred" && channel) deferred[channel] = toSendableTime(end.until, quiet);
  });
  return Object.keys(deferred).length > 0 ? deferred : undefined;
}

export function createBroadcastDispatcher(deps: DispatcherDeps) {
  const options = { ...defaultDispatcherOptions, ...deps.options };
  const { repo, clock } = deps;
  const deliver = createDeliverer({ ...deps, maxRetries: options.maxRetries });
  const createControl = (id: string) =>
    createDispatchControl({ ...deps, checkMs: options.controlCheckMs }, id);

  /** Waits for the end of quiet hours; a campaign keeps its status (it stays switched on). */
  async function postpone(broadcast: Broadcast, at: Date): Promise<DispatchOutcome> {
    const id = broadcast._id;
    if (broadcast.kind === "campaign") {
      await repo.broadcasts.update({ _id: id }, { $set: { runnerId: null } });
      await deps.reschedule(id, at);
      return { type: "postponed", at };
    }
    await repo.broadcasts.update(
      { _id: id, status: { $in: ["scheduled", "sending"] } },
      { $set: { status: "scheduled", scheduledAt: at, postponedForQuietHours: true, runnerId: null } },
    );
    await deps.reschedule(id, at);
    return { type: "postponed", at };
  }

  function takeOver(id: string, runId: string, now: Date) {
    return repo.broadcasts.findOneAndUpdate(
      {
        _id: id,
        status: { $in: ["scheduled", "sending"] },
        $or: [
          { runnerId: null },
          { runnerHeartbeatAt: { $lt: new Date(now.getTime() - options.runnerStaleMs) } },
        ],
      },
      {
        $set: {
          status: "sending",
          runnerId: runId,
          runnerHeartbeatAt: now,
          postponedForQuietHours: false,
          updatedAt: now,
        },
      },
    );
  }

  /** Sends one channel's deliveries until done, or until the channel cannot take more (the rest stay pending). */
  async function lane(
    broadcast: Broadcast,
    channel: ChannelName,
    runId: string,
    control: DispatchControl,
  ): Promise<LaneEnd> {
    const first = await repo.firstPending(broadcast._id, channel);
    if (first === undefined) return { type: "done" };
    let cursor = first;
    let end: LaneEnd = { type: "done" };
    const worker = async () => {
      while (end.type === "done" && !(await control.check())) {
        const seq = cursor++;
        if (seq >= control.total(channel)) return;
        const delivery = await repo.claim(broadcast._id, channel, seq, runId, clock.now());
        const outcome = delivery ? await deliver(broadcast, delivery, runId) : undefined;
        if (outcome === "unavailable") end = { type: "unavailable" };
        else if (outcome) end = { type: "deferred", until: outcome.deferredUntil };
      }
    };
    const workers =
      options.concurrency[channel] ?? deps.channels.capabilitiesOf(channel).unsolicited.concurrency;
    await Promise.all(Array.from({ length: workers }, worker));
    return end;
  }

  async function finish(
    broadcast: Broadcast,
    runId: string,
    reason: StopReason,
    channels: ChannelName[],
    lanes: LaneEnd[],
    awaitUntil?: Date,
  ): Promise<DispatchOutcome> {
    await repo.broadcasts.update({ _id: broadcast._id, runnerId: runId }, { $set: { runnerId: null } });
    const now = clock.now();
    if (reason === "quiet") return postpone(broadcast, toSendableTime(now, deps.quietHours));
    if (reason === "paused" || reason === "cancelled") return { type: reason };
    if (reason === "lost") return { type: "stopped" };
    if (lanes.some((l) => l.type === "unavailable")) {
      const at = new Date(now.getTime() + options.unavailableRetryMs);
      await deps.reschedule(broadcast._id, at);
      return { type: "waiting", at };
    }
    const deferred = toDeferred(channels, lanes, deps.quietHours);
    if (deferred) {
      const at = new Date(Math.min(...Object.values(deferred).map((d) => d.getTime())));
      await repo.broadcasts.update({ _id: broadcast._id }, { $set: { deferred } });
      await deps.reschedule(broadcast._id, at);
      deps.logger.info({ broadcast: broadcast._id, at }, "daily cap reached; the rest goes out the next day");
      return { type: "deferred", at };
    }
    if (broadcast.kind === "campaign") return { type: "stopped" };
    const remaining = await repo.deliveries.count({
      broadcastId: broadcast._id,
      status: { $in: ["pending", "sending"] },
    });
    if (remaining > 0) {
      // Only messages awaiting their receipts may be left: look again when their grace ends.
      const at = awaitUntil && awaitUntil > now ? awaitUntil : now;
      await deps.reschedule(broadcast._id, at);
      return { type: "waiting", at };
    }
    const done = await repo.broadcasts.update(
      { _id: broadcast._id, status: "sending" },
      { $set: { status: "completed", finishedAt: now, updatedAt: now } },
    );
    if (done > 0) await reportToCreator({ ...broadcast, status: "completed" });
    return { type: "completed" };
  }

  async function reportToCreator(broadcast: Broadcast): Promise<void> {
    if (!broadcast.notify) return;
    const { sent, failed, skipped, remaining, total } = await repo.counts(broadcast._id);
    const params = { id: broadcast._id, sent, failed, skipped, remaining, total };
    await deps.notifier
      .notify(broadcast.notify, [{ key: "broadcast:finished", params }], { kind: "reply" })
      .catch((error: unknown) =>
        deps.logger.warn({ err: error, broadcast: broadcast._id }, "could not report to the creator"),
      );
  }

  async function run(broadcast: Broadcast, runId: string): Promise<DispatchOutcome> {
    const heartbeat = setInterval(() => {
      void repo.broadcasts
        .update({ _id: broadcast._id, runnerId: runId }, { $set: { runnerHeartbeatAt: clock.now() } })
        .then(
          (matched) => matched === 0 && control.lose(),
          () => undefined,
        );
    }, options.heartbeatMs);
    heartbeat.unref();
    const control = createControl(broadcast._id);
    try {
      const receiptChannels = deps.channels
        .list()
        .filter((c) => c.receipts)
        .map((c) => c.channel);
      const recovered = await repo.recoverStale(broadcast._id, {
        channels: receiptChannels,
        graceMs: options.receiptGraceMs,
        now: clock.now(),
      });
      if (recovered.resent + recovered.uncertain + recovered.confirmed > 0)
        deps.logger.warn({ broadcast: broadcast._id, ...recovered }, "resolved the deliveries of a dead run");
      const ready = broadcast.recipientsReady ? broadcast : await materialiseDeliveries(deps, broadcast);
      await control.check();
      const channels = Object.keys(ready.totals) as ChannelName[];
      const lanes = await Promise.all(channels.map((c) => lane(ready, c, runId, control)));
      return await finish(ready, runId, control.reason, channels, lanes, recovered.awaitUntil);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Sends what is due of one broadcast; safe to call twice, from two workers or after a crash. */
  async function dispatch(id: string): Promise<DispatchOutcome> {
    const broadcast = await repo.broadcasts.findById(id);
    if (!broadcast || (broadcast.status !== "scheduled" && broadcast.status !== "sending"))
      return { type: "idle" };
    const now = clock.now();
    if (broadcast.scheduledAt && broadcast.scheduledAt > now) {
      await deps.reschedule(id, broadcast.scheduledAt);
      return { type: "waiting", at: broadcast.scheduledAt };
    }
    const sendable = toSendableTime(now, deps.quietHours);
    if (sendable > now) {
      if (broadcast.kind === "campaign") {
        await deps.reschedule(id, sendable);
        return { type: "postponed", at: sendable };
      }
      return postpone(broadcast, sendable);
    }
    const runId = randomUUID();
    const owned = await takeOver(id, runId, now);
    if (!owned) {
      const at = new Date(
        (broadcast.runnerHeartbeatAt?.getTime() ?? now.getTime()) + options.runnerStaleMs + 1,
      );
      await deps.reschedule(id, at);
      return { type: "busy", at };
    }
    if (!owned.startedAt) await repo.broadcasts.update({ _id: id }, { $set: { startedAt: now } });
    return run(owned, runId);
  }

  return { dispatch };
}

export type BroadcastDispatcher = ReturnType<typeof createBroadcastDispatcher>;
