/**
 * After a long silence in the middle of a flow, typed text first gets "lanjutkan atau mulai
 * lagi?"; the answer continues (the question is asked again) or starts over at the menu. Any
 * other answer goes on to the step as usual.
 */
import { matchChoice } from "../choice-match";
import { stage } from "../composer";
import type { Turn } from "../turn";
import { prompt } from "../turn-flow";

export const resumeOptions = [
  {
    value: "continue",
    label: "common:resume.continue" as const,
    aliases: ["lanjut", "lanjutkan", "continue", "ya", "iya"],
  },
  {
    value: "restart",
    label: "common:resume.restart" as const,
    aliases: ["mulai lagi", "ulang", "restart", "dari awal"],
  },
];

export const resumeStage = stage<Turn>("resume after silence", async (turn, next) => {
  const { session } = turn;
  // Only typed text is ambiguous after a long silence; a photo, file or contact answers the step.
  const ambiguous = turn.input.content.type === "text";
  if (ambiguous && session.flow && !session.resumePending && turn.silentFor > turn.deps.silenceMs) {
    session.resumePending = true;
    turn.replies.push({ key: "common:resume.prompt", choices: resumeOptions });
    return;
  }
  if (!session.resumePending) return next();
  session.resumePending = false;
  const picked = matchChoice(turn.input.content, resumeOptions, turn.deps.translator);
  if (picked === "continue") return prompt(turn);
  if (picked === "restart") {
    session.flow = null;
    return prompt(turn);
  }
  return next();
});
