/**
 * Attempt limits in flows (core/attempts.port.ts): one call counts an attempt against the caller
 * and against each target (a NIK, a reference), so neither one account trying many targets nor
 * many accounts trying one target gets far. A refusal reads the same whoever the target is.
 *
 * @example
 * const guard = await guardAttempts(ctx, [[lookupByUser, toActor(ctx)], [lookupOfNik, nikSubject(ctx, nik)]]);
 * if (!guard.allowed) return exit([toWaitReply(guard.until)], true);
 */
import type { AttemptRule } from "../core/attempts.port";
import type { FlowContext } from "../core/flow";
import { reply, type Reply } from "../core/messages";
import { toActor } from "./registration/registration.data";

export type Guarded = { allowed: true; remaining: number } | { allowed: false; until: Date };

export const hourMs = 3600_000;
export const dayMs = 24 * hourMs;

/** Counts one attempt on every (rule, subject) pair; refused when any of them is over its limit. */
export async function guardAttempts(
  ctx: FlowContext,
  checks: ReadonlyArray<readonly [AttemptRule, string]>,
): Promise<Guarded> {
  let remaining = Number.POSITIVE_INFINITY;
  let until: Date | undefined;
  for (const [rule, subject] of checks) {
    const outcome = await ctx.services.attempts.hit(rule, subject, ctx.now, { by: toActor(ctx) });
    if (!outcome.allowed) until = until && until > outcome.resetAt ? until : outcome.resetAt;
    else remaining = Math.min(remaining, outcome.remaining);
  }
  return until ? { allowed: false, until } : { allowed: true, remaining };
}

/** Whether one more attempt would be allowed on every pair, without counting one. */
export async function checkAttempts(
  ctx: FlowContext,
  checks: ReadonlyArray<readonly [AttemptRule, string]>,
): Promise<Guarded> {
  let until: Date | undefined;
  for (const [rule, subject] of checks) {
    const outcome = await ctx.services.attempts.check(rule, subject, ctx.now, { by: toActor(ctx) });
    if (!outcome.allowed) until = until && until > outcome.resetAt ? until : outcome.resetAt;
  }
  return until ? { allowed: false, until } : { allowed: true, remaining: 1 };
}

/** The subject for limits on a NIK: its keyed hash, never the NIK itself. */
export const nikSubject = (ctx: FlowContext, nik: string): string => `nik:${ctx.services.vault.hash(nik)}`;

/** "Too many tries: wait until …, or go to the kelurahan office with your KTP." */
export const toWaitReply = (until: Date): Reply => reply("security:attempts.wait", { until });
