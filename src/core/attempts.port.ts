/**
 * Stored attempt limits: how often someone may try a lookup or a second factor (a NIK search, a
 * take-over reference, a claim lookup) before being told to wait. Counts live in the store, not
 * in the session, so reopening a flow, another instance or a restart does not reset them.
 *
 * Count the caller and the target separately, so neither one account trying many NIKs nor many
 * accounts trying one NIK gets far:
 *
 * @example
 * const byUser = await ctx.services.attempts.hit(lookupByUser, toActor(ctx), ctx.now, { by: toActor(ctx) });
 * const onNik = await ctx.services.attempts.hit(lookupOfNik, nikHash, ctx.now, { by: toActor(ctx) });
 * if (!byUser.allowed || !onNik.allowed) return invalid({ key: "common:attempts.wait" });
 *
 * The first refused attempt in a window raises one staff alert (core/staff-alert.port.ts: audit
 * entry, warning log and a message to the staff contacts); the subject is stored as a keyed hash,
 * never in clear.
 */

export type AttemptRule = {
  /** Stable name, part of the stored key and of the staff alert: "myData.nikLookup.user". */
  name: string;
  /** Attempts allowed per window; the next ones are refused until the window ends. */
  limit: number;
  /** Length of the window, counted from the first attempt in it. */
  windowMs: number;
};

export type AttemptOutcome =
  | { allowed: true; count: number; remaining: number; resetAt: Date }
  | { allowed: false; count: number; remaining: 0; resetAt: Date };

export type AttemptOptions = {
  /** Who tried (the chat account "telegram:123"), named in the staff alert and the audit entry. */
  by?: string;
};

export interface Attempts {
  /**
   * Counts one attempt on `subject` (any string: a chat account, a NIK hash, a reference) under
   * `rule` and says whether it is within the limit. Atomic across instances.
   */
  hit(rule: AttemptRule, subject: string, now: Date, options?: AttemptOptions): Promise<AttemptOutcome>;
  /**
   * Whether one more attempt would be allowed, without counting (to refuse before asking again).
   * The first refusal in a window alerts staff, whether `hit` or `check` saw it.
   */
  check(rule: AttemptRule, subject: string, now: Date, options?: AttemptOptions): Promise<AttemptOutcome>;
  /** Forgets the attempts on `subject` (e.g. after the right second factor was given). */
  clear(rule: AttemptRule, subject: string): Promise<void>;
}
