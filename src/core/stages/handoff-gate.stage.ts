/**
 * The hand-off gate: while a person (the staff inbox) handles a conversation, the bot stays out
 * of it and the message is left to them. `EngineDeps.isHandedOff` decides; until the staff inbox
 * exists it is never true, so this stage only passes the turn on.
 */
import { stage } from "../composer";
import type { Turn } from "../turn";

export const handoffGateStage = stage<Turn>("hand-off gate", (turn, next) => {
  if (turn.deps.isHandedOff?.(turn.session)) return;
  return next();
});
