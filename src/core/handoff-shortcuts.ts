/** "balas #12 …" / "tutup #12 …" typed by staff in their own Telegram or WhatsApp chat, at any step. */
import type { HandoffTurn } from "./handoff-citizen";
import { closeHandoff, replyToHandoff } from "./handoff-staff";

const replyPattern = /^(?:balas|reply|jawab)\s*#?(\d{1,7})\s+([\s\S]+)$/i;
const closePattern = /^(?:tutup|close|selesai)\s*#?(\d{1,7})(?:\s+([\s\S]+))?$/i;

/** "balas #12 …" / "tutup #12 …" from a staff chat; true when the message was one. */
export async function runStaffShortcut(turn: HandoffTurn): Promise<boolean> {
  const staff = turn.message.staff;
  if (!staff || !turn.text) return false;
  const reply = replyPattern.exec(turn.text);
  const close = reply ? null : closePattern.exec(turn.text);
  const match = reply ?? close;
  if (!match) return false;
  const number = Number(match[1]);
  const result = reply
    ? await replyToHandoff(turn.services, staff, number, match[2] ?? "", turn.effectKey("handoff.reply"))
    : await closeHandoff(turn.services, staff, number, match[2]?.trim(), turn.effectKey("handoff.close"));
  if (result.status === "ok")
    turn.replies.push({ key: reply ? "handoff:staff.sent" : "handoff:staff.closedDone", params: { number } });
  else turn.replies.push({ key: `handoff:staff.${result.status}`, params: { number } });
  return true;
}
