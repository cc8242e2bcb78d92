/** Greets a conversation's first message; the rest of the pipeline answers it as usual. */
import { stage } from "../composer";
import type { Turn } from "../turn";

export const welcomeStage = stage<Turn>("welcome", (turn, next) => {
  if (turn.isNew) turn.replies.push({ key: "common:welcome" });
  return next();
});
