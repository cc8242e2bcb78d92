/**
 * The staff side of a hand-off, shared by the console, the staff chat ("balas #12 …",
 * "tutup #12 …") and the escalation job (handoff-escalation.ts): tell the right staff, reply to the
 * citizen through the notifier (outbox and retries when needed), close with a note. Every step is
 * audited (target "handoff:#12"; the citizen is never named in the audit log).
 */
import type { Handoff } from "./handoff.port";
import { toConversationKey, type Reply } from "./messages";
import type { Services } from "./services";
import { toStaffChat } from "./staff-chats";

export { toStaffChat } from "./staff-chats";
import type { StaffAccount, StaffPrincipal } from "./staff.port";
import { can, isInScope, toScope, type StaffPermission } from "../domain/staff-roles";

export const handoffTarget = (handoff: Pick<Handoff, "number">) => `handoff:#${handoff.number}`;

/** Active accounts with the permission whose scope covers the hand-off's kelurahan. */
export async function findStaffFor(services: Services, handoff: Handoff, permission: StaffPermission) {
  const accounts = await services.staff.list({ status: "active" });
  return accounts.filter(
    (a) => can(a.role, permission) && isInScope(toScope(a.role, a.kelurahan), handoff.kelurahan),
  );
}

/** The staff member who answered last, or everyone who may answer it. */
export async function assigneeOrAll(services: Services, handoff: Handoff) {
  const all = await findStaffFor(services, handoff, "handoff.answer");
  const assignee = handoff.assignee && all.find((a) => a._id === handoff.assignee?.id);
  return assignee ? [assignee] : all;
}

/**
 * Sends replies to staff chats, each under its key (`keyFor`): through the outbox, so a retried
 * turn or job tells each account once. A channel that cannot take it now is logged, not fatal.
 */
export async function tellStaff(
  services: Services,
  accounts: StaffAccount[],
  replies: Reply[],
  keyFor: (account: StaffAccount) => string,
): Promise<number> {
  let told = 0;
  for (const account of accounts) {
    const chat = toStaffChat(account);
    if (!chat) continue;
    try {
      await services.notifier.notify(chat, replies, {
        language: account.language,
        kind: "unsolicited",
        key: keyFor(account),
      });
      told += 1;
    } catch (error) {
      services.logger.warn({ err: error, staff: account.username }, "could not tell staff about a hand-off");
    }
  }
  return told;
}

export type StaffHandoffResult =
  | { status: "ok"; handoff: Handoff; delivery?: "sent" | "queued" | "failed" }
  | { status: "notFound" }
  | { status: "notAllowed" };

async function findVisible(services: Services, staff: StaffPrincipal, number: number) {
  const handoff = await services.handoffs.findByNumber(number);
  if (!handoff || handoff.status !== "open" || !isInScope(staff.scope, handoff.kelurahan)) return null;
  return handoff;
}

/**
 * A staff answer: kept (sealed) in the hand-off and sent to the citizen on their channel through
 * the outbox. `key` names this one answer (the chat message's effect key, the console form's
 * token): the same answer submitted again is neither kept nor sent twice.
 */
export async function replyToHandoff(
  services: Services,
  staff: StaffPrincipal,
  number: number,
  text: string,
  key: string,
): Promise<StaffHandoffResult> {
  if (!can(staff.role, "handoff.answer")) return { status: "notAllowed" };
  const handoff = await findVisible(services, staff, number);
  if (!handoff) return { status: "notFound" };
  const now = services.clock.now();
  const trimmed = text.trim().slice(0, 2000);
  const name = staff.name.split(" ")[0] ?? staff.name;
  await services.handoffs.addMessage(
    handoff._id,
    { at: now, from: "staff", text: services.vault.seal(trimmed), by: staff.actor, name, key },
    now,
  );
  await services.handoffs.markAnswered(handoff._id, { id: staff.id, actor: staff.actor }, now);
  let delivery: "sent" | "queued" | "failed";
  try {
    delivery = await services.notifier.notify(
      handoff.conversation,
      [{ key: "handoff:staffReply", params: { name, number, text: trimmed } }],
      { kind: "unsolicited", key },
    );
  } catch (error) {
    services.logger.warn({ err: error, handoff: number }, "a staff reply could not be sent");
    delivery = "failed";
  }
  await services.audit.record(
    {
      at: now,
      actor: staff.actor,
      action: "handoff.reply",
      target: handoffTarget(handoff),
      details: { delivery },
    },
    key,
  );
  return { status: "ok", handoff, delivery };
}

/** Ends the hand-off in the citizen's session (retried when their own message saves in between). */
export async function clearSessionHandoff(services: Services, handoff: Handoff): Promise<void> {
  const key = toConversationKey(handoff.conversation.channel, handoff.conversation.userId);
  for (let attempt = 0; attempt < 5; attempt++) {
    const session = await services.sessions.load(key);
    if (!session || session.handoff?.id !== handoff._id) return;
    if (
      (await services.sessions.save({ ...session, handoff: null, version: session.version + 1 })) === "saved"
    )
      return;
  }
  services.logger.warn({ handoff: handoff.number }, "could not clear the hand-off from the session");
}

/** Closes with a note; `key` names this close, so a resubmitted one finishes what the first began. */
export async function closeHandoff(
  services: Services,
  staff: StaffPrincipal,
  number: number,
  note: string | undefined,
  key: string,
): Promise<StaffHandoffResult> {
  if (!can(staff.role, "handoff.answer")) return { status: "notAllowed" };
  const found = await services.handoffs.findByNumber(number);
  const again = found?.status === "closed" && found.closeKey === key;
  const handoff = again ? found : await findVisible(services, staff, number);
  if (!handoff) return { status: "notFound" };
  const now = services.clock.now();
  const closed = again
    ? handoff
    : await services.handoffs.close(handoff._id, staff.actor, note?.slice(0, 500), now, key);
  if (!closed) return { status: "notFound" };
  await clearSessionHandoff(services, closed);
  await services.notifier
    .notify(handoff.conversation, [{ key: "handoff:closed", params: { number } }], {
      kind: "unsolicited",
      key: `${key}:citizen`,
    })
    .catch((error: unknown) =>
      services.logger.warn({ err: error, handoff: number }, "could not tell the citizen"),
    );
  const details = { withNote: Boolean(note) };
  await services.audit.record(
    { at: now, actor: staff.actor, action: "handoff.close", target: handoffTarget(handoff), details },
    key,
  );
  return { status: "ok", handoff: closed };
}

/** Tells supervisors about every hand-off still unanswered at its escalation time; returns how many. */
