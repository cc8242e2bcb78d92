/**
 * The words that work at any step (menu, batal, kembali, bantuan, bahasa, and the words that
 * start a flow such as "status" or "stop"), applied to a turn. Each says what it did.
 */
import type { GlobalCommand } from "./global-commands";
import type { Reply } from "./messages";
import type { Turn } from "./turn";

export async function runGlobalCommand(turn: Turn, command: GlobalCommand): Promise<void> {
  const active = turn.session.flow;
  switch (command.type) {
    case "menu":
      turn.park();
      if (active) turn.replies.push({ key: "common:parked" });
      return turn.prompt();
    case "cancel":
      // Nothing typed is lost to a "batal": answers already given are kept like with "menu".
      if (active && active.history.length > 0) {
        turn.park();
        turn.replies.push({ key: "common:cancelledKept" });
        return turn.prompt();
      }
      turn.session.flow = null;
      if (active) delete turn.session.parked[active.id];
      turn.replies.push({ key: active ? "common:cancelled" : "common:nothingToCancel" });
      return turn.prompt();
    case "back": {
      const previous = active?.history.at(-1);
      if (!active || previous === undefined) {
        turn.session.flow = null;
        turn.replies.push({ key: active ? "common:backToMenu" : "common:nothingToGoBack" });
        if (active) delete turn.session.parked[active.id];
        return turn.prompt();
      }
      turn.session.flow = { ...active, step: previous, history: active.history.slice(0, -1) };
      turn.replies.push({ key: "common:wentBack" });
      return turn.prompt();
    }
    case "help": {
      const { flow, state } = turn.current();
      const specific = flow.steps[state.step]?.help ?? `${flow.id}:${state.step}.help`;
      const key = turn.deps.translator.has(turn.session.language, specific) ? specific : "common:help";
      turn.replies.push({ key: key as Reply["key"] });
      return turn.prompt();
    }
    case "language":
      turn.session.language = turn.session.language === "id" ? "en" : "id";
      turn.replies.push({ key: "common:languageChanged" });
      return turn.prompt();
    case "flow": {
      const target = turn.deps.registry.get(command.flow);
      if (!target) return turn.step();
      // A global word ("status", "stop") starts its flow afresh, never resumes an old one.
      delete turn.session.parked[target.id];
      if (active?.id === target.id) turn.session.flow = null;
      return turn.startById(command.flow, undefined);
    }
  }
}
