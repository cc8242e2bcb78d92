/**
 * "balas #12 …" / "tutup #12 …" typed by staff in their own chat, at any step of any flow: the
 * hand-off is answered or closed (core/handoff-shortcuts.ts) and the turn ends there. Only with a
 * staff inbox (`EngineDeps.isHandedOff`).
 */
import { stage } from "../composer";
import { toHandoffTurn } from "../handoff-citizen";
import { runStaffShortcut } from "../handoff-shortcuts";
import type { Turn } from "../turn";

export const staffShortcutsStage = stage<Turn>("staff shortcuts", async (turn, next) => {
  if (turn.deps.isHandedOff && turn.message.staff && (await runStaffShortcut(toHandoffTurn(turn)))) return;
  return next();
});
