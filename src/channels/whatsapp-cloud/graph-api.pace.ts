/**
 * The account's throughput as a gate every message passes: slots spaced evenly at the configured
 * rate (80 per second by default), so a burst never exceeds it; `holdOff` stops everything for a
 * while after Meta says the rate was hit (a 429 storm waits once, not once per message).
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

export function createRateGate(ratePerSecond: number, timer: GateTimer = realGateTimer): RateGate {
  const spacing = 1000 / ratePerSecond;
  let nextSlot = 0;
  let heldUntil = 0;
  return {
    async acquire() {
      for (;;) {
        const now = timer.now();
        const slot = Math.max(now, nextSlot, heldUntil);
        nextSlot = slot + spacing;
        if (slot > now) await timer.sleep(slot - now);
        // A hold that began while this one waited applies to it too.
        if (heldUntil <= timer.now()) return;
      }
    },
    holdOff(ms) {
      heldUntil = Math.max(heldUntil, timer.now() + ms);
    },
  };
}
