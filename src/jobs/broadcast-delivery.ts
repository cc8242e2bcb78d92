/**
 * Sends one claimed delivery: checks again that it may go (opted out or deceased since the
 * recipients were chosen), waits for the channel's pacing slot, writes `attemptedAt`, hands it
 * to the Notifier, and records sent / skipped / failed. A 429 waits for retry_after and retries.
 * A channel that cannot send yet (not running, WhatsApp still logging in) is not a failure: the
 * delivery goes back to pending, unsent, and the dispatcher tries that channel again later. A
 * channel at its daily cap (WhatsApp) likewise: the delivery waits for the next day.
 */
import type { Broadcast } from "../core/broadcast.port";
import { isChannelUnavailable } from "../core/channel-hub";
import type { Clock, Logger, Notifier, Translator } from "../core/ports";
import type { OptOutService } from "../core/opt-out.port";
import type { PeopleRepository } from "../core/people.port";
import type { BroadcastRepository, Delivery } from "../storage/repositories/broadcast.repository";
import { isDeceased } from "./broadcast-recipients";
import { toBroadcastReply } from "./broadcast-message";
import type { ChannelPacer } from "./channel-pacer";
import { toDeferredUntil, toRetryAfterMs, toSendFailure } from "./send-outcome";

export type DelivererDeps = {
  repo: BroadcastRepository;
  notifier: Notifier;
  translator: Translator;
  optOuts: OptOutService;
  people: PeopleRepository;
  clock: Clock;
  logger: Logger;
  pacer: ChannelPacer;
  maxRetries: number;
};

export type DeliverOutcome = "unavailable" | { deferredUntil: Date } | void;

export function createDeliverer(deps: DelivererDeps) {
  const { repo, clock } = deps;
  /** Why a delivery must not go out any more, checked just before sending. */
  async function toSkipReason(broadcast: Broadcast, delivery: Delivery): Promise<string | undefined> {
    const contact = { channel: delivery.channel, userId: delivery.userId };
    if (await deps.optOuts.isOptedOut(contact, delivery.personId)) return "optedOut";
    if (delivery.personId && isDeceased((await deps.people.findById(delivery.personId)) ?? undefined))
      return "deceased";
    const message = delivery.message ?? broadcast.message;
    if (message.type === "template" && message.template === "coverageEnding" && !delivery.params.deadline)
      return "noCoverageEndDate";
    return undefined;
  }

  /**
   * "unavailable": the channel could not take it; `{ deferredUntil }`: the channel's daily cap is
   * used up until then. Either way the delivery is pending again and nothing was sent.
   */
  async function deliver(broadcast: Broadcast, delivery: Delivery, runId: string): Promise<DeliverOutcome> {
    const skip = await toSkipReason(broadcast, delivery);
    if (skip) return repo.finish(delivery, runId, { status: "skipped", reason: skip, at: clock.now() });
    const reply = toBroadcastReply(
      delivery.message ?? broadcast.message,
      delivery.params,
      delivery.language,
      deps.translator,
    );
    const recipient = { channel: delivery.channel, userId: delivery.userId };
    for (let attempt = 0; ; attempt++) {
      await deps.pacer.acquire(delivery.channel);
      if (attempt === 0) await repo.markAttempted(delivery, runId, clock.now());
      try {
        await deps.notifier.notify(recipient, [reply], {
          language: delivery.language,
          kind: "unsolicited",
          outbox: false,
          reference: delivery._id,
        });
        return await repo.finish(delivery, runId, { status: "sent", at: clock.now() });
      } catch (error) {
        if (isChannelUnavailable(error)) {
          await repo.release(delivery, runId);
          return "unavailable";
        }
        const deferredUntil = toDeferredUntil(error);
        if (deferredUntil) {
          await repo.release(delivery, runId);
          return { deferredUntil };
        }
        const wait = toRetryAfterMs(error);
        if (wait !== undefined && attempt < deps.maxRetries) {
          deps.pacer.holdOff(delivery.channel, wait);
          continue;
        }
        const failure = toSendFailure(error);
        deps.logger.warn(
          { broadcast: broadcast._id, delivery: delivery._id, reason: failure.reason },
          "delivery not sent",
        );
        return repo.finish(delivery, runId, { ...failure, at: clock.now() });
      }
    }
  }

  return deliver;
}
