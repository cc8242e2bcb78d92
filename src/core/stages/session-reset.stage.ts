/**
 * A stored session that could not be read (even after migration) was replaced by a fresh one:
 * the user is told their unfinished answers could not be kept and sees the menu. Never a lock-out.
 */
import { stage } from "../composer";
import type { Turn } from "../turn";
import { prompt } from "../turn-flow";

export const sessionResetStage = stage<Turn>("session reset", async (turn, next) => {
  if (!turn.reset) return next();
  turn.replies.push({ key: "common:sessionReset" });
  return prompt(turn);
});
