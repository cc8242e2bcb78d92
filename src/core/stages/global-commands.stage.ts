/**
 * The words that work at any step (menu, batal, kembali, bantuan, bahasa, and the words that
 * start a flow such as "status" or "stop"). A command after a long silence is clear enough: it is
 * done instead of asking whether to continue.
 */
import { stage } from "../composer";
import { toGlobalCommand, type GlobalCommand } from "../global-commands";
import type { Reply } from "../messages";
import type { Turn } from "../turn";
import { park, prompt, startById, toCurrent } from "../turn-flow";

function goBack(turn: Turn): Promise<void> {
  const { session, replies } = turn;
  const active = session.flow;
  const previous = active?.history.at(-1);
  if (!active || previous === undefined) {
    session.flow = null;
    replies.push({ key: active ? "common:backToMenu" : "common:nothingToGoBack" });
    if (active) delete session.parked[active.id];
    return prompt(turn);
  }
  session.flow = { ...active, step: previous, history: active.history.slice(0, -1) };
  replies.push({ key: "common:wentBack" });
  return prompt(turn);
}

function showHelp(turn: Turn): Promise<void> {
  const { flow, state } = toCurrent(turn);
  const specific = flow.steps[state.step]?.help ?? `${flow.id}:${state.step}.help`;
  const key = turn.deps.translator.has(turn.session.language, specific) ? specific : "common:help";
  turn.replies.push({ key: key as Reply["key"] });
  return prompt(turn);
}

function runCommand(turn: Turn, command: GlobalCommand): Promise<void> {
  const { session, replies } = turn;
  const active = session.flow;
  switch (command.type) {
    case "menu":
      park(turn);
      if (active) replies.push({ key: "common:parked" });
      return prompt(turn);
    case "cancel":
      // Nothing typed is lost to a "batal": answers already given are kept like with "menu".
      if (active && active.history.length > 0) {
        park(turn);
        replies.push({ key: "common:cancelledKept" });
        return prompt(turn);
      }
      session.flow = null;
      if (active) delete session.parked[active.id];
      replies.push({ key: active ? "common:cancelled" : "common:nothingToCancel" });
      return prompt(turn);
    case "back":
      return goBack(turn);
    case "help":
      return showHelp(turn);
    case "language":
      session.language = session.language === "id" ? "en" : "id";
      replies.push({ key: "common:languageChanged" });
      return prompt(turn);
    case "flow":
      // A global word ("status", "stop") starts its flow afresh, never resumes an old one.
      delete session.parked[command.flow];
      if (active?.id === command.flow) session.flow = null;
      return startById(turn, command.flow, undefined);
  }
}

export const globalCommandsStage = stage<Turn>("global commands", (turn, next) => {
  const command = turn.input.text ? toGlobalCommand(turn.input.text) : undefined;
  // A word whose flow this bot does not have ("status" without claims) is left to the step.
  if (!command || (command.type === "flow" && !turn.deps.registry.get(command.flow))) return next();
  turn.session.resumePending = false;
  return runCommand(turn, command);
});
