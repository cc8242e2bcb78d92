/**
 * A finished flow's `complete` (its I/O: register, report, store) runs here, once per turn. Its
 * writes carry idempotency keys (`ctx.effectKey`), so a turn handled again after a save conflict
 * or a redelivery finds the first run's records and gives the same reply.
 */
import { stage } from "../composer";
import type { Turn } from "../turn";
import { applyResult, toCurrent } from "../turn-flow";

export const completionStage = stage<Turn>("completion", async (turn, next) => {
  const completing = turn.completing;
  if (!completing?.flow.complete) {
    turn.completing = undefined;
    return next();
  }
  // Kept while `complete` runs: a staff flow's services stay scoped (turn.ts) though it was left.
  const outcome = await Promise.resolve(completing.flow.complete(completing.data, turn.ctx)).finally(
    () => (turn.completing = undefined),
  );
  if (Array.isArray(outcome)) turn.replies.push(...outcome);
  else await applyResult(turn, completing.flow, toCurrent(turn).state, outcome);
  return next();
});
