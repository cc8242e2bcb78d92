/**
 * Erasure over the document store (core/erasure.port.ts): scrubs a person's traces from the
 * collections that hold them beside their registration. Deliveries keep their place in a
 * broadcast's count (status, time) without name, chat id or recipient key; a pending one is
 * skipped. Items "sending" right now are left to finish.
 */
import type { Erasure } from "../core/erasure.port";
import type { Filter } from "../core/document-store.port";
import { conversationOptOutKey, personOptOutKey } from "../core/opt-out.port";
import type { OutboxItem } from "../core/outbox.port";
import type { Contact } from "../core/people.port";
import type { DocumentStore } from "../core/document-store.port";
import { sessionSchema, type Session } from "../core/session";
import { sessionsCollection } from "../core/session.store";
import { toConversationKey } from "../core/messages";
import { deliveriesCollection, type Delivery } from "./repositories/broadcast.repository";
import { optOutsCollection } from "./repositories/opt-out.repository";
import { outboxCollection } from "./repositories/outbox.repository";

const same = (a: Contact, b: Contact | undefined) =>
  b !== undefined && a.channel === b.channel && a.userId === b.userId;

/** A session that remembers nothing of its user but the chat it belongs to and the language. */
export function toForgottenSession(session: Session): Session {
  const forgotten: Session = { ...session, flow: null, parked: {}, context: {}, resumePending: false };
  delete forgotten.displayName;
  delete forgotten.phone;
  return forgotten;
}

export function createErasure(store: DocumentStore): Erasure {
  const deliveries = store.collection<Delivery>(deliveriesCollection);
  const outbox = store.collection<OutboxItem>(outboxCollection);
  const optOuts = store.collection<{ _id: string; optedOut: boolean }>(optOutsCollection);
  const sessions = store.collection<Session>(sessionsCollection);

  async function scrubDeliveries(personId: string, contacts: readonly Contact[]): Promise<number> {
    const who: Filter[] = [{ personId }, ...contacts.map((c) => ({ channel: c.channel, userId: c.userId }))];
    const found = await deliveries.find({ $or: who, status: { $ne: "sending" } });
    for (const delivery of found) {
      const skip = delivery.status === "pending" ? { status: "skipped", reason: "erased" } : {};
      await deliveries.update(
        { _id: delivery._id, status: delivery.status },
        {
          $set: { ...skip, params: {}, userId: "", recipient: `erased:${delivery._id}` },
          $unset: { personId: true },
        },
      );
    }
    return found.length;
  }

  async function forgetSessions(contacts: readonly Contact[], except?: Contact): Promise<number> {
    let forgotten = 0;
    for (const contact of contacts.filter((c) => !same(c, except))) {
      const raw = await sessions.findById(toConversationKey(contact.channel, contact.userId));
      const parsed = raw ? sessionSchema.safeParse(raw) : undefined;
      if (!parsed?.success) continue;
      const next = { ...toForgottenSession(parsed.data), version: parsed.data.version + 1 };
      // A conversation saving meanwhile wins the race and handles its message again (on the forgotten state).
      if (await sessions.replace(next, { expect: { version: parsed.data.version } })) forgotten += 1;
    }
    return forgotten;
  }

  return {
    async eraseTraces({ personId, contacts, except }, _now) {
      const deliveryCount = await scrubDeliveries(personId, contacts);
      const outboxCount =
        contacts.length === 0
          ? 0
          : await outbox.delete({
              $or: contacts.map((c) => ({ "recipient.channel": c.channel, "recipient.userId": c.userId })),
              status: { $ne: "sending" },
            });
      const stale = contacts.map((c) => conversationOptOutKey(c));
      const optOutCount =
        (await optOuts.delete({ _id: personOptOutKey(personId) })) +
        (stale.length === 0 ? 0 : await optOuts.delete({ _id: { $in: stale }, optedOut: false }));
      const sessionCount = await forgetSessions(contacts, except);
      return { deliveries: deliveryCount, outbox: outboxCount, optOuts: optOutCount, sessions: sessionCount };
    },
  };
}
