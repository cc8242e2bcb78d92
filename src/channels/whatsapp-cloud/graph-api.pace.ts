/**
 * The account's throughput as a gate every message passes (replies and broadcasts alike): slots
 * spaced evenly at the configured rate (80 per second by default); `holdOff` stops everything for
 * a while after Meta says the rate was hit (a 429 storm waits once, not once per message).
 */
export type RateGate = {
  /** Resolves when one more message may go. */
  acquire(): Promise<void>;
  /** Nothing goes for `ms` from now. */
  holdOff(ms: number): void;
};

export type GateTimer = { now(): number; sleep(ms: number): Promise<void> };

export const realGateTimer: GateTimer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * `toleranceSlots`: how many slots early a message may go when it arrives ahead of its slot
 * (GCRA), so messages already spaced by the broadcast pacer pass without queueing here; any
 * second then holds at most rate + toleranceSlots messages.
 */
export function createRateGate(
  ratePerSecond: number,
  timer: GateTimer = realGateTimer,
  toleranceSlots = 2,
): RateGate {
  const spacing = 1000 / ratePerSecond;
  const tolerance = spacing * toleranceSlots;
  let nextSlot = 0;
  let heldUntil = 0;
  return {
    async acquire() {
      for (;;) {
        const now = timer.now();
        const start = Math.max(now, nextSlot - tolerance, heldUntil);
        nextSlot = Math.max(nextSlot, start) + spacing;
        if (start > now) await timer.sleep(start - now);
        // A hold that began while this one waited applies to it too.
        if (heldUntil <= timer.now()) return;
      }
    },
    holdOff(ms) {
      heldUntil = Math.max(heldUntil, timer.now() + ms);
    },
  };
}
