/**
 * The citizen side of a hand-off, run by the engine: open one when asked (or after the bot failed
 * twice in a row), tell the citizen the office hours and when to expect an answer, and while it is
 * open run no flow: each message goes (sealed) to the hand-off and to staff, except "menu" and
 * "batal", which end it. Staff shortcuts ("balas #12 …") are in handoff-shortcuts.ts.
 */
import type { GlobalCommand } from "./global-commands";
import { addOfficeMinutes, isOfficeTime, parseOfficeHours } from "../domain/office-hours";
import type { Handoff, HandoffReason } from "./handoff.port";
import { defaultHandoffSettings } from "./handoff.port";
import { findStaffFor, handoffTarget, tellStaff } from "./handoff-staff";
import type { InboundMessage, Reply } from "./messages";
import type { Services } from "./services";
import type { Session } from "./session";
import { toComparable } from "./text";

/** What the hand-off needs of a turn. */
export type HandoffTurn = {
  session: Session;
  message: InboundMessage;
  now: Date;
  replies: Reply[];
  services: Services;
  /** The cleaned text ("" for a photo, file or contact). */
  text: string;
};

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
/** A staff answer this recent means a live conversation: citizen messages are not acknowledged. */
const liveMs = 10 * 60_000;
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

function toOfficeView(services: Services, now: Date) {
  const settings = services.settings.handoff ?? defaultHandoffSettings;
  const hours =
    parseOfficeHours(settings.officeHours) ?? parseOfficeHours(defaultHandoffSettings.officeHours)!;
  const due = addOfficeMinutes(services.calendar, hours, now, settings.answerMinutes);
  const escalate = addOfficeMinutes(services.calendar, hours, now, settings.escalateMinutes);
  const open = isOfficeTime(services.calendar, hours, now);
  return { hours: settings.officeHours.replace(/:/g, ".").replace("-", "–"), due, escalate, open };
}

const toTrail = (turn: HandoffTurn) => {
  const kept = turn.session.context.handoffTrail;
  return Array.isArray(kept) ? (kept as { at: string; text: Handoff["messages"][number]["text"] }[]) : [];
};

/** Opens (or finds) the conversation's hand-off and tells the citizen what happens now. */
export async function openHandoff(turn: HandoffTurn, reason: HandoffReason): Promise<void> {
  const { services, session, message, now } = turn;
  const person = (
    await services.people.findByContact({ channel: message.channel, userId: message.userId })
  )[0];
  const office = toOfficeView(services, now);
  const texts = [...toTrail(turn).map((t) => ({ at: new Date(t.at), text: t.text }))];
  if (turn.text && reason === "asked") texts.push({ at: now, text: services.vault.seal(turn.text) });
  const { handoff, created } = await services.handoffs.open(
    {
      conversation: { channel: message.channel, userId: message.userId },
      language: session.language,
      reason,
      ...(person?.name || session.displayName ? { displayName: person?.name ?? session.displayName! } : {}),
      ...(person ? { kelurahan: person.address.kelurahan } : {}),
      messages: texts.map((t) => ({ at: t.at, from: "citizen" as const, text: t.text })),
      openedAt: now,
      dueAt: office.due,
      escalateAt: office.escalate,
    },
    now,
  );
  delete session.context.handoffTrail;
  delete session.context.failedTurns;
  if (session.flow) session.parked[session.flow.id] = session.flow;
  session.flow = null;
  session.handoff = { id: handoff._id, number: handoff.number, since: handoff.openedAt };
  if (!created) {
    turn.replies.push({ key: "handoff:alreadyOpen", params: { number: handoff.number } });
    return;
  }
  await services.audit.record({
    at: now,
    actor: "citizen",
    action: "handoff.open",
    target: handoffTarget(handoff),
    details: { reason, channel: message.channel },
  });
  if (reason === "failedTwice") turn.replies.push({ key: "handoff:failedTwice" });
  turn.replies.push(
    { key: "handoff:opened", params: { number: handoff.number, hours: office.hours } },
    { key: office.open ? "handoff:whenOpen" : "handoff:whenLater", params: { due: office.due } },
  );
  const last = texts.at(-1);
  const staff = await findStaffFor(services, handoff, "handoff.answer");
  await tellStaff(services, staff, [
    {
      key: `handoff:staff.opened.${reason}`,
      params: {
        number: handoff.number,
        name: handoff.displayName ?? "-",
        text: last ? services.vault.open(last.text) : "-",
      },
    },
  ]);
}

/** The message as text staff can read: what was typed, or a note of the file sent. */
const toCitizenText = (turn: HandoffTurn) =>
  turn.text ||
  (turn.message.content.type === "media"
    ? `[${turn.message.content.mimeType}]`
    : `[${turn.message.content.type}]`);

/**
 * While a hand-off is open. Returns true when the message was handled here; false when the
 * conversation goes on with the bot ("menu"/"batal" ended the hand-off, or staff closed it).
 */
export async function runHandoffGate(
  turn: HandoffTurn,
  command: GlobalCommand | undefined,
): Promise<boolean> {
  const { services, session, now } = turn;
  const state = session.handoff;
  if (!state) return false;
  const handoff = await services.handoffs.findByNumber(state.number);
  if (!handoff || handoff.status !== "open") {
    session.handoff = null;
    return false;
  }
  if (command?.type === "menu" || command?.type === "cancel") {
    await services.handoffs.close(handoff._id, "citizen", undefined, now);
    session.handoff = null;
    await services.audit.record({
      at: now,
      actor: "citizen",
      action: "handoff.endedByCitizen",
      target: handoffTarget(handoff),
    });
    await tellStaff(services, await assigneeOrAll(services, handoff), [
      { key: "handoff:staff.endedByCitizen", params: { number: handoff.number } },
    ]);
    turn.replies.push({ key: "handoff:ended", params: { number: handoff.number } });
    return false;
  }
  const text = toCitizenText(turn);
  await services.handoffs.addMessage(
    handoff._id,
    { at: now, from: "citizen", text: services.vault.seal(text.slice(0, 2000)) },
    now,
  );
  await tellStaff(services, await assigneeOrAll(services, handoff), [
    {
      key: "handoff:staff.message",
      params: { number: handoff.number, name: handoff.displayName ?? "-", text: text.slice(0, 1000) },
    },
  ]);
  // Never silent, but no echo after every line while staff are answering live.
  const lastStaff = handoff.messages.filter((m) => m.from === "staff").at(-1);
  if (!lastStaff || now.getTime() - new Date(lastStaff.at).getTime() >= liveMs)
    turn.replies.push({ key: "handoff:forwarded", params: { number: handoff.number } });
  return true;
}

/** The staff member who answered last, or everyone who may answer it. */
async function assigneeOrAll(services: Services, handoff: Handoff) {
  const all = await findStaffFor(services, handoff, "handoff.answer");
  const assignee = handoff.assignee && all.find((a) => a._id === handoff.assignee?.id);
  return assignee ? [assignee] : all;
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
