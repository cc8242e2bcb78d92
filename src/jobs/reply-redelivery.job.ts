/**
 * Sends replies that stayed in a session's reply outbox: the turn was saved but its replies did
 * not go out (the network was down, the process died between saving and sending). Run by the
 * outbox drainer. Each conversation is taken under its lease, so a live turn and the drainer never
 * send the same replies, and they go out in order through this process's channel.
 */
import { isChannelUnavailable, type ChannelHub } from "../core/channel-hub";
import type { Clock, Logger, Translator } from "../core/ports";
import type { ChannelDirectory } from "../core/channel-contract";
import { defaultDeliverySettings, deliverPending, type DeliverySettings } from "../core/reply-delivery";
import type { SessionStore } from "../core/session.store";

export type ReplyRedeliverySettings = {
  /** Replies younger than this are left to the turn that queued them. */
  graceMs: number;
  leaseMs: number;
  /** Conversations looked at per run. */
  batch: number;
};

export const defaultReplyRedeliverySettings: ReplyRedeliverySettings = {
  graceMs: 30_000,
  leaseMs: 10_000,
  batch: 100,
};

export type ReplyRedeliverer = { run(): Promise<number> };

export function createReplyRedeliverer(deps: {
  sessions: SessionStore;
  hub: ChannelHub;
  translator: Translator;
  clock: Clock;
  leaseClock: Clock;
  logger: Logger;
  owner: string;
  settings?: Partial<ReplyRedeliverySettings>;
  delivery?: Partial<DeliverySettings>;
  channels?: ChannelDirectory;
}): ReplyRedeliverer {
  const settings = { ...defaultReplyRedeliverySettings, ...deps.settings };
  const deliveryDeps = {
    translator: deps.translator,
    logger: deps.logger,
    now: () => deps.clock.now(),
    settings: { ...defaultDeliverySettings, ...deps.delivery, retryDelaysMs: [] },
    sleep: () => Promise.resolve(),
    ...(deps.channels ? { channels: deps.channels } : {}),
  };

  /** Sends one conversation's due replies; true when some were sent. */
  async function redeliver(key: string): Promise<boolean> {
    const acquired = await deps.sessions.acquire(key, deps.owner, deps.leaseClock.now(), settings.leaseMs);
    if (!acquired) return false; // a turn is handling it (or waiting for it) and sends them itself
    const session = acquired.session;
    if (!session) {
      await deps.sessions.release(key, acquired.lease);
      return false;
    }
    const recipient = { channel: session.channel, userId: session.userId };
    const delivery = await deliverPending(
      session,
      (messages) => deps.hub.sendRendered(recipient, messages, "reply"),
      deliveryDeps,
    );
    await deps.sessions.settle(session, acquired.lease, delivery);
    return delivery.sent.length > 0;
  }

  return {
    async run() {
      const before = new Date(deps.clock.now().getTime() - settings.graceMs);
      const due = await deps.sessions.findUndelivered(before, settings.batch);
      let sent = 0;
      for (const session of due) {
        if (!deps.hub.has(session.channel)) continue;
        try {
          if (await redeliver(session._id)) sent += 1;
        } catch (error) {
          if (!isChannelUnavailable(error))
            deps.logger.error({ err: error }, "queued replies not redelivered");
        }
      }
      return sent;
    },
  };
}
