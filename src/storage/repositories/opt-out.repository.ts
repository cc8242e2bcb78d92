/**
 * Opt-outs over the document store: one document per person and per conversation, kept (with
 * `optedOut: false`) after a "MULAI" so the history of consent changes stays in the audit log.
 */
import type { AuditLog } from "../../core/audit.port";
import type { CollectionSpec, DocumentStore } from "../../core/document-store.port";
import { conversationOptOutKey, personOptOutKey, type OptOutService } from "../../core/opt-out.port";
import type { Contact, PeopleRepository } from "../../core/people.port";

export const optOutsCollection: CollectionSpec = {
  name: "opt_outs",
  indexes: [{ fields: { optedOut: 1 } }],
};

type OptOutDoc = { _id: string; optedOut: boolean; changedAt: Date; via: string };

export function createOptOutService(deps: {
  store: DocumentStore;
  people: PeopleRepository;
  audit: AuditLog;
}): OptOutService {
  const docs = deps.store.collection<OptOutDoc>(optOutsCollection);

  async function keysOf(contact: Contact): Promise<string[]> {
    const people = await deps.people.findByContact(contact);
    return [conversationOptOutKey(contact), ...people.map((p) => personOptOutKey(p._id))];
  }

  async function set(contact: Contact, optedOut: boolean, at: Date): Promise<string[]> {
    const via = `${contact.channel}:${contact.userId}`;
    const keys = await keysOf(contact);
    for (const key of keys) {
      await docs.replace({ _id: key, optedOut, changedAt: at, via }, { upsert: true });
      await deps.audit.record({
        at,
        actor: via,
        action: optedOut ? "consent.optOut" : "consent.optIn",
        target: key,
      });
    }
    return keys;
  }

  return {
    async optOut(contact, at) {
      await set(contact, true, at);
    },
    async optIn(contact, at) {
      const keys = await keysOf(contact);
      const found = await docs.find({ _id: { $in: keys }, optedOut: true });
      if (found.length === 0) return "notOptedOut";
      await set(contact, false, at);
      return "optedIn";
    },
    async isOptedOut(contact, personId) {
      const keys = [conversationOptOutKey(contact), ...(personId ? [personOptOutKey(personId)] : [])];
      return (await docs.count({ _id: { $in: keys }, optedOut: true })) > 0;
    },
    async optedOutKeys() {
      return new Set((await docs.find({ optedOut: true })).map((d) => d._id));
    },
  };
}
