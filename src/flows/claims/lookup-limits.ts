/**
 * Rate limits on lookups that could tell whether someone is registered, reported dead or has a
 * claim (issue 12): per conversation and per target, counted in the stored attempt limits
 * (core/attempts.port.ts through flows/attempt-guard.ts). Over a limit, a lookup answers exactly
 * as "nothing found" would; the attempt store alerts staff once per window.
 */
import type { AttemptRule } from "../../core/attempts.port";
import type { FlowContext } from "../../core/flow";
import { checkAttempts, dayMs, guardAttempts } from "../attempt-guard";
import { toActor } from "../registration/registration.data";

export type LookupKind = "deathLookup" | "claimLookup";

/** Death-report lookups: a family reports once or twice; dozens a day is someone searching. */
const deathLookup = {
  user: { name: "deathReport.lookup.user", limit: 10, windowMs: dayMs },
  target: { name: "deathReport.lookup.target", limit: 5, windowMs: dayMs },
} satisfies Record<string, AttemptRule>;

/** Claim-status checks of someone else's claim: wrong reference/NIK pairs before a pause. */
const claimLookup = {
  user: { name: "claimStatus.lookup.user", limit: 5, windowMs: dayMs },
  target: { name: "claimStatus.lookup.target", limit: 5, windowMs: dayMs },
} satisfies Record<string, AttemptRule>;

const toChecks = (ctx: FlowContext, kind: LookupKind, target: string) => {
  const rules = kind === "deathLookup" ? deathLookup : claimLookup;
  return [
    [rules.user, toActor(ctx)],
    [rules.target, target],
  ] as const;
};

/** Counts one attempt for the asker and one for the target; false when either is over its limit. */
export async function countLookup(ctx: FlowContext, kind: LookupKind, target: string): Promise<boolean> {
  return (await guardAttempts(ctx, toChecks(ctx, kind, target))).allowed;
}

/** Whether the asker or the target already used up their attempts (nothing is counted). */
export async function isLookupBlocked(ctx: FlowContext, kind: LookupKind, target: string): Promise<boolean> {
  return !(await checkAttempts(ctx, toChecks(ctx, kind, target))).allowed;
}
