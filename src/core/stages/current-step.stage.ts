/**
 * The current flow's step handles the input and decides what happens (`turn.outcome`); the
 * stages after it may answer a question instead, then apply the decision. A stored state that no
 * longer fits its flow (another version, data that does not parse, a step that is gone) restarts
 * the flow with an apology.
 */
import { stage } from "../composer";
import type { Turn } from "../turn";
import { restart, toCurrent } from "../turn-flow";

export const currentStepStage = stage<Turn>("current step", async (turn, next) => {
  const { flow, state } = toCurrent(turn);
  const parsed = flow.data.safeParse(state.data);
  const step = flow.steps[state.step];
  if (state.version !== flow.version || !parsed.success || !step) return restart(turn, flow, state);
  const result = await step.handle(turn.input, parsed.data, turn.ctx);
  turn.outcome = { flow, state, result };
  return next();
});
