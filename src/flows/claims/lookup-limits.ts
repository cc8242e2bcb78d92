/**
 * Rate limits on lookups that could tell whether someone is registered, reported dead or has a
 * claim (issue 12): per conversation and per target, counted in the stored attempt counters.
 * Over a limit, a lookup answers exactly as "nothing found" would, and staff are alerted once.
 */
import type { AttemptResult, AttemptWindow } from "../../core/attempts.port";
import type { FlowContext } from "../../core/flow";

const day = 24 * 60 * 60 * 1000;

/** Death-report lookups: a family reports once or twice; dozens a day is someone searching. */
export const deathLookupLimits = {
  user: { limit: 10, windowMs: day },
  target: { limit: 5, windowMs: day },
} satisfies Record<string, AttemptWindow>;

/** Claim-status checks of someone else's claim: wrong reference/NIK pairs before a pause. */
export const claimLookupLimits = {
  user: { limit: 5, windowMs: day },
  target: { limit: 5, windowMs: day },
} satisfies Record<string, AttemptWindow>;

/** The conversation, keyed so no phone number or user id is stored in clear. */
export const toAsker = (ctx: FlowContext) => ctx.services.vault.hash(`${ctx.channel}:${ctx.userId}`);

/** Alerts staff (once per window) when a lookup limit was just passed. */
async function alertOnAbuse(
  ctx: FlowContext,
  kind: LookupKind,
  counts: { byUser: AttemptResult; byTarget: AttemptResult },
): Promise<void> {
  if (!counts.byUser.justExceeded && !counts.byTarget.justExceeded) return;
  await ctx.services.staffAlerts.raise({
    kind: `${kind}.abuse`,
    target: `conversation:${toAsker(ctx).slice(0, 16)}`,
    at: ctx.now,
    replies: [{ key: "staffClaims:alert.lookupAbuse", params: { kind, channel: ctx.channel } }],
    details: { kind, byUser: counts.byUser.count, byTarget: counts.byTarget.count },
  });
}

export type LookupKind = "deathLookup" | "claimLookup";

const keysFor = (ctx: FlowContext, kind: LookupKind, target: string) => ({
  user: `${kind}:user:${toAsker(ctx)}`,
  target: `${kind}:target:${target}`,
});

/** Counts one attempt for the asker and one for the target; false when either is over its limit. */
export async function countLookup(ctx: FlowContext, kind: LookupKind, target: string): Promise<boolean> {
  const limits = kind === "deathLookup" ? deathLookupLimits : claimLookupLimits;
  const keys = keysFor(ctx, kind, target);
  const { attempts } = ctx.services;
  const [byUser, byTarget] = await Promise.all([
    attempts.hit(keys.user, limits.user, ctx.now),
    attempts.hit(keys.target, limits.target, ctx.now),
  ]);
  await alertOnAbuse(ctx, kind, { byUser, byTarget });
  return byUser.allowed && byTarget.allowed;
}

/** Whether the asker or the target already used up their attempts (nothing is counted). */
export async function isLookupBlocked(ctx: FlowContext, kind: LookupKind, target: string): Promise<boolean> {
  const limits = kind === "deathLookup" ? deathLookupLimits : claimLookupLimits;
  const keys = keysFor(ctx, kind, target);
  const { attempts } = ctx.services;
  const [byUser, byTarget] = await Promise.all([
    attempts.peek(keys.user, limits.user, ctx.now),
    attempts.peek(keys.target, limits.target, ctx.now),
  ]);
  return !byUser.allowed || !byTarget.allowed;
}
