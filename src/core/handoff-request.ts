/**
 * When a conversation goes to a person: the citizen asks for one ("bicara dengan petugas",
 * "operator", …), or the bot failed twice in a row on the same need. Opening it is
 * handoff-citizen.ts; the hand-off gate stage (stages/handoff-gate.stage.ts) calls both.
 */
import { openHandoff, toTrail, type HandoffTurn } from "./handoff-citizen";
import { toComparable } from "./text";

/** The flow id the answerer (nlu "handoff" intent) starts to hand the conversation to a person. */
export const handoffFlowId = "handoff";

/**
 * Replies that mean the bot could not help with a need (not understood, not found, only guesses).
 * A polite decline of an off-topic question is no failure: staff cannot help with it either.
 */
export const failureKeys: ReadonlySet<string> = new Set([
  "common:notUnderstood",
  "questions:free.notFound",
  "questions:suggest.prompt",
  "questions:suggest.list",
]);
/** Failed messages kept to show staff what the citizen tried. */
const keptFailures = 3;

const phrases =
  /\b(bicara|ngomong|ngobrol|chat|hubungi|sambungkan|sambung|tanya|minta)\b.*\b(petugas|operator|admin|orang|manusia|cs|staf|staff|pegawai)\b/;
const words = new Set([
  "operator",
  "admin",
  "petugas",
  "cs",
  "customer service",
  "human",
  "agent",
  "minta petugas",
  "panggil petugas",
]);
const staffMenuWords = new Set(["admin", "petugas", "staff"]);

/** True when a message asks for a person ("mau bicara dengan petugas", "operator", …). */
export function isHandoffRequest(text: string, isStaff: boolean): boolean {
  const comparable = toComparable(text);
  if (isStaff && staffMenuWords.has(comparable)) return false;
  return words.has(comparable) || (comparable.split(" ").length <= 10 && phrases.test(comparable));
}

/** Counts turns in a row the bot could not answer; the second one opens a hand-off. */
export async function trackFailures(turn: HandoffTurn): Promise<void> {
  const { session } = turn;
  if (session.handoff) return;
  const failed = turn.text !== "" && turn.replies.some((r) => failureKeys.has(r.key));
  if (!failed) {
    delete session.context.failedTurns;
    delete session.context.handoffTrail;
    return;
  }
  const count = (typeof session.context.failedTurns === "number" ? session.context.failedTurns : 0) + 1;
  const trail = [
    ...toTrail(turn),
    { at: turn.now.toISOString(), text: turn.services.vault.seal(turn.text.slice(0, 500)) },
  ];
  session.context.handoffTrail = trail.slice(-keptFailures);
  session.context.failedTurns = count;
  if (count < 2) return;
  turn.replies.length = 0;
  await openHandoff(turn, "failedTwice");
}
