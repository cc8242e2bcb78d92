/**
 * What tells a dispatcher's workers to stop between two messages: the broadcast was paused,
 * cancelled or taken over, or quiet hours began. The broadcast is re-read at most every
 * `checkMs` of real time, so pausing takes effect within that (plus messages in flight).
 */
import type { Broadcast } from "../core/broadcast.port";
import type { ChannelName } from "../core/messages";
import type { Clock } from "../core/ports";
import { isQuietTime, type QuietHours } from "../domain/quiet-hours";
import type { BroadcastRepository } from "../storage/repositories/broadcast.repository";

export type StopReason = "paused" | "cancelled" | "quiet" | "lost" | null;

export function createDispatchControl(
  deps: { repo: BroadcastRepository; clock: Clock; quietHours: QuietHours; checkMs: number },
  id: string,
) {
  const { repo, clock } = deps;
  let last = -Infinity;
  let reason: StopReason = null;
  let totals: Broadcast["totals"] = {};
  return {
    get reason() {
      return reason;
    },
    lose: () => void (reason = "lost"),
    total: (channel: ChannelName) => totals[channel] ?? 0,
    async check(): Promise<boolean> {
      if (reason) return true;
      if (isQuietTime(clock.now(), deps.quietHours)) reason = "quiet";
      else if (performance.now() - last >= deps.checkMs) {
        last = performance.now();
        const current = await repo.broadcasts.findById(id);
        totals = current?.totals ?? {};
        if (!current || current.status === "cancelled") reason = "cancelled";
        else if (current.status === "paused") reason = "paused";
        else if (current.status !== "sending") reason = "lost";
      }
      return reason !== null;
    },
  };
}

export type DispatchControl = ReturnType<typeof createDispatchControl>;
