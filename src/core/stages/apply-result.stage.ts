/** Applies the step's decision: next question, re-ask, stay, start another flow, leave or finish. */
import { stage } from "../composer";
import type { Turn } from "../turn";
import { applyResult } from "../turn-flow";

export const applyResultStage = stage<Turn>("apply step result", async (turn, next) => {
  const outcome = turn.outcome;
  if (outcome) await applyResult(turn, outcome.flow, outcome.state, outcome.result);
  return next();
});
