/**
 * Refuses text (or a caption) longer than `maxTextLength` (or the current step's own, stricter
 * limit) before anything parses it, so no step, command matcher or language model ever sees it:
 * the user is told to send it shorter, and the question they were at is asked again. The state
 * is unchanged.
 */
import { stage } from "../composer";
import type { InboundContent } from "../messages";
import { defaultMaxTextLength, type Turn } from "../turn";
import { prompt, toCurrent } from "../turn-flow";
import { resumeOptions } from "./resume.stage";

function toLength(content: InboundContent): number {
  switch (content.type) {
    case "text":
      return content.text.length;
    case "media":
      return content.caption?.length ?? 0;
    case "choice":
      return content.value.length;
    default:
      return 0;
  }
}

/** The bot-wide limit, or the current step's own when it is stricter. */
function toLimit(turn: Turn): number {
  const max = turn.deps.maxTextLength ?? defaultMaxTextLength;
  if (!turn.session.flow) return max;
  const { flow, state } = toCurrent(turn);
  return Math.min(max, flow.steps[state.step]?.maxTextLength ?? max);
}

export const inputLimitStage = stage<Turn>("input limit", async (turn, next) => {
  const length = toLength(turn.message.content);
  const max = length > 0 ? toLimit(turn) : 0;
  if (length <= max) return next();
  turn.replies.push({ key: "common:tooLong", params: { max } });
  if (turn.session.resumePending) turn.replies.push({ key: "common:resume.prompt", choices: resumeOptions });
  else await prompt(turn);
});
