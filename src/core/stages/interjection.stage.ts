/**
 * Text the step refused may be a question ("brp iuran nya?") or a request ("mau lapor
 * kematian"): the registry's question answerer replies and the step is asked again, or the
 * flow asked for starts (the current one is parked). Otherwise the step's refusal stands.
 */
import { stage } from "../composer";
import type { Turn } from "../turn";
import { prompt, startById } from "../turn-flow";

export const interjectionStage = stage<Turn>("question interjection", async (turn, next) => {
  const interject = turn.deps.registry.interject;
  if (turn.outcome?.result.type !== "invalid" || !turn.input.text || !interject) return next();
  const answer = await interject(turn.input.text, turn.ctx);
  if (!answer) return next();
  if (!Array.isArray(answer)) {
    turn.replies.push(...answer.replies);
    return startById(turn, answer.start.flow, answer.start.data);
  }
  turn.replies.push(...answer);
  if (turn.session.flow) {
    turn.replies.push({ key: "common:backToStep" });
    await prompt(turn);
  }
});
