/**
 * Creates one pending delivery per recipient of a broadcast, numbered per channel, before the
 * first message goes out. If this is interrupted, the next run deletes the partial set and
 * starts over (nothing was sent yet: sending starts only once `recipientsReady` is true).
 * Recipients are resolved once, streamed batch by batch, so memory holds one batch at a time.
 */
import type { Broadcast } from "../core/broadcast.port";
import type { ChannelName } from "../core/messages";
import type { Clock } from "../core/ports";
import { toDeliveryId, type BroadcastRepository } from "../storage/repositories/broadcast.repository";
import { noExclusions, type RecipientResolver } from "./broadcast-recipients";

export async function materialiseDeliveries(
  deps: { repo: BroadcastRepository; resolver: RecipientResolver; clock: Clock },
  broadcast: Broadcast,
): Promise<Broadcast> {
  const { repo } = deps;
  await repo.deliveries.delete({ broadcastId: broadcast._id, status: "pending" });
  const totals: Partial<Record<ChannelName, number>> = {};
  const now = deps.clock.now();
  for await (const batch of deps.resolver.resolveBatches(broadcast.segment, noExclusions()))
    for (const recipient of batch) {
      const seq = totals[recipient.channel] ?? 0;
      totals[recipient.channel] = seq + 1;
      await repo.deliveries.insert({
        _id: toDeliveryId(broadcast._id, recipient.channel, seq),
        broadcastId: broadcast._id,
        recipient: recipient.key,
        channel: recipient.channel,
        userId: recipient.userId,
        language: recipient.language,
        seq,
        ...(recipient.personId ? { personId: recipient.personId } : {}),
        params: recipient.params,
        status: "pending",
        createdAt: now,
      });
    }
  await repo.broadcasts.update(
    { _id: broadcast._id },
    { $set: { recipientsReady: true, totals, updatedAt: now } },
  );
  return { ...broadcast, recipientsReady: true, totals };
}
