/**
 * Text the step refused may be a question ("brp iuran nya?") or a request ("mau lapor
 * kematian"): the registry's question answerer replies and the step is asked again, or the
 * flow asked for starts (the current one is parked). A photo or file the step did not take may be
 * taken over by a flow that collects files. Otherwise the step's refusal stands.
 */
import { stage } from "../composer";
import type { Interjection } from "../flow-registry";
import type { Turn } from "../turn";
import { prompt, startById } from "../turn-flow";

/** What the registry's hooks make of input the step refused: a question typed, a stray file. */
function toInterjection(turn: Turn): Promise<Interjection | null> | Interjection | null {
  const { registry } = turn.deps;
  const content = turn.input.content;
  if (content.type === "media")
    return registry.onStrayMedia ? registry.onStrayMedia(content, turn.ctx) : null;
  return turn.input.text && registry.interject ? registry.interject(turn.input.text, turn.ctx) : null;
}

export const interjectionStage = stage<Turn>("question interjection", async (turn, next) => {
  if (turn.outcome?.result.type !== "invalid") return next();
  const answer = await toInterjection(turn);
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
