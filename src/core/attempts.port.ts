/**
 * Counting attempts per key in a time window (rate limits on lookups that could reveal whether
 * someone died or has a claim). Stored, so limits hold across restarts and instances; entries
 * expire by themselves (TTL).
 *
 * Issue 12 asks the security helper for a stored rate-limit port; until it lands this small one
 * serves the claim lookups, and the two can be unified behind the same shape.
 */
export type AttemptWindow = {
  /** Attempts allowed in one window; the next one is refused. */
  limit: number;
  windowMs: number;
};

export type AttemptResult = {
  /** Attempts counted in the current window, this one included. */
  count: number;
  allowed: boolean;
  /** True only for the attempt that first went over the limit (alert staff once, not on every try). */
  justExceeded: boolean;
};

export interface AttemptCounter {
  /** Counts one attempt for `key` in the window that contains `now`. */
  hit(key: string, window: AttemptWindow, now: Date): Promise<AttemptResult>;
  /** Attempts so far in the window that contains `now`, without counting one; `allowed` while within the limit. */
  peek(key: string, window: AttemptWindow, now: Date): Promise<AttemptResult>;
}
