/**
 * The citizen side of a hand-off, run by the engine: open one when asked (or after the bot failed
 * twice in a row), tell the citizen the office hours and when to expect an answer, and while it is
 * open run no flow: each message goes (sealed) to the hand-off and to staff, except "menu" and
 * "batal", which end it. Every write carries the turn's effect key (a redelivery repeats nothing).
 * When to open one: handoff-request.ts; staff shortcuts ("balas #12 …"): handoff-shortcuts.ts.
 */
import type { GlobalCommand } from "./global-commands";
import { addOfficeMinutes, isOfficeTime, parseOfficeHours } from "../domain/office-hours";
import { defaultHandoffSettings, type Handoff, type HandoffReason } from "./handoff.port";
import { assigneeOrAll, findStaffFor, handoffTarget, tellStaff } from "./handoff-staff";
import type { InboundMessage, Reply } from "./messages";
import type { Services } from "./services";
import type { Session } from "./session";
import type { Turn } from "./turn";

/** What the hand-off needs of a turn. */
export type HandoffTurn = {
  session: Session;
  message: InboundMessage;
  now: Date;
  replies: Reply[];
  /** Unscoped: the hand-off is the citizen's, whoever the sender is. */
  services: Services;
  /** The cleaned text ("" for a photo, file or contact). */
  text: string;
  /** The turn's idempotency keys (`ctx.effectKey`): a redelivered message stores and tells once. */
  effectKey: (purpose: string) => string;
};

export const toHandoffTurn = (turn: Turn): HandoffTurn => ({
  session: turn.session,
  message: turn.message,
  now: turn.now,
  replies: turn.replies,
  services: turn.deps.services,
  text: turn.input.text,
  effectKey: turn.ctx.effectKey,
});

/** A staff answer this recent means a live conversation: citizen messages are not acknowledged. */
const liveMs = 10 * 60_000;
function toOfficeView(services: Services, now: Date) {
  const settings = services.settings.handoff ?? defaultHandoffSettings;
  const hours =
    parseOfficeHours(settings.officeHours) ?? parseOfficeHours(defaultHandoffSettings.officeHours)!;
  const due = addOfficeMinutes(services.calendar, hours, now, settings.answerMinutes);
  const escalate = addOfficeMinutes(services.calendar, hours, now, settings.escalateMinutes);
  const open = isOfficeTime(services.calendar, hours, now);
  return { hours: settings.officeHours.replace(/:/g, ".").replace("-", "–"), due, escalate, open };
}

export const toTrail = (turn: HandoffTurn) => {
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
  const key = turn.effectKey("handoff.open");
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
    key,
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
  const details = { reason, channel: message.channel };
  const opened = { at: now, actor: "citizen", action: "handoff.open", target: handoffTarget(handoff) };
  await services.audit.record({ ...opened, details }, key);
  if (reason === "failedTwice") turn.replies.push({ key: "handoff:failedTwice" });
  turn.replies.push(
    { key: "handoff:opened", params: { number: handoff.number, hours: office.hours } },
    { key: office.open ? "handoff:whenOpen" : "handoff:whenLater", params: { due: office.due } },
  );
  const last = texts.at(-1);
  const staff = await findStaffFor(services, handoff, "handoff.answer");
  await tellStaff(
    services,
    staff,
    [
      {
        key: `handoff:staff.opened.${reason}`,
        params: {
          number: handoff.number,
          name: handoff.displayName ?? "-",
          text: last ? services.vault.open(last.text) : "-",
        },
      },
    ],
    (account) => turn.effectKey(`handoff.open.tell:${account._id}`),
  );
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
  const endKey = turn.effectKey("handoff.end");
  // This very message ended it before (a redelivery): say so again; nothing else is repeated.
  const endedHere = handoff?.status === "closed" && handoff.closeKey === endKey;
  if (!handoff || (handoff.status !== "open" && !endedHere)) {
    session.handoff = null;
    return false;
  }
  if (command?.type === "menu" || command?.type === "cancel") {
    await endByCitizen(turn, handoff, endKey);
    return false;
  }
  const text = toCitizenText(turn);
  await services.handoffs.addMessage(
    handoff._id,
    {
      at: now,
      from: "citizen",
      text: services.vault.seal(text.slice(0, 2000)),
      key: turn.effectKey("handoff.message"),
    },
    now,
  );
  await tellStaff(
    services,
    await assigneeOrAll(services, handoff),
    [
      {
        key: "handoff:staff.message",
        params: { number: handoff.number, name: handoff.displayName ?? "-", text: text.slice(0, 1000) },
      },
    ],
    (account) => turn.effectKey(`handoff.message.tell:${account._id}`),
  );
  // Never silent, but no echo after every line while staff are answering live.
  const lastStaff = handoff.messages.filter((m) => m.from === "staff").at(-1);
  if (!lastStaff || now.getTime() - new Date(lastStaff.at).getTime() >= liveMs)
    turn.replies.push({ key: "handoff:forwarded", params: { number: handoff.number } });
  return true;
}

/** "menu"/"batal" while handed off: the hand-off is closed, staff are told, the bot takes over. */
async function endByCitizen(turn: HandoffTurn, handoff: Handoff, key: string): Promise<void> {
  const { services, now } = turn;
  await services.handoffs.close(handoff._id, "citizen", undefined, now, key);
  turn.session.handoff = null;
  await services.audit.record(
    { at: now, actor: "citizen", action: "handoff.endedByCitizen", target: handoffTarget(handoff) },
    key,
  );
  await tellStaff(
    services,
    await assigneeOrAll(services, handoff),
    [{ key: "handoff:staff.endedByCitizen", params: { number: handoff.number } }],
    (account) => `${key}:${account._id}`,
  );
  turn.replies.push({ key: "handoff:ended", params: { number: handoff.number } });
}
