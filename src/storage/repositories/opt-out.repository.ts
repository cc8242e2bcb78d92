/**
 * Opt-outs over the document store: one document per person and per conversation, kept (with
 * `optedOut: false`) after a "MULAI" so the history of consent changes stays in the audit log.
 * The person's record carries a copy (`optedOut`), so segments are counted in the database; what
 * sending checks is always the opt-out document itself.
 */
import type { AuditLog } from "../../core/audit.port";
import type { CollectionSpec, DocumentStore } from "../../core/document-store.port";
import { conversationOptOutKey, personOptOutKey, type OptOutService } from "../../core/opt-out.port";
import type { Contact, PeopleRepository } from "../../core/people.port";
import { peopleCollection } from "./people.repository";
import type { PersonDoc } from "./person.schema";

export const optOutsCollection: CollectionSpec = {
  name: "opt_outs",
  // Every query is by _id (one key, a batch of keys with $in, or a channel's key range).
  indexes: [],
};

type OptOutDoc = { _id: string; optedOut: boolean; changedAt: Date; via: string };

export function createOptOutService(deps: {
  store: DocumentStore;
  people: PeopleRepository;
  audit: AuditLog;
}): OptOutService {
  const docs = deps.store.collection<OptOutDoc>(optOutsCollection);
  const people = deps.store.collection<PersonDoc>(peopleCollection);

  async function keysOf(contact: Contact): Promise<{ keys: string[]; personIds: string[] }> {
    const personIds = (await deps.people.findByContact(contact)).map((p) => p._id);
    return { keys: [conversationOptOutKey(contact), ...personIds.map(personOptOutKey)], personIds };
  }

  /** The copy on the person records (updatedAt moves, so a concurrent edit retries instead of undoing it). */
  async function markPeople(personIds: string[], optedOut: boolean, at: Date): Promise<void> {
    if (personIds.length === 0) return;
    const change = optedOut
      ? { $set: { optedOut: true, updatedAt: at } }
      : { $set: { updatedAt: at }, $unset: { optedOut: true as const } };
    await people.update({ _id: { $in: personIds } }, change);
  }

  async function set(contact: Contact, optedOut: boolean, at: Date): Promise<string[]> {
    const via = `${contact.channel}:${contact.userId}`;
    const { keys, personIds } = await keysOf(contact);
    await markPeople(personIds, optedOut, at);
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
      const { keys } = await keysOf(contact);
      const found = await docs.find({ _id: { $in: keys }, optedOut: true });
      if (found.length === 0) return "notOptedOut";
      await set(contact, false, at);
      return "optedIn";
    },
    async isOptedOut(contact, personId) {
      const keys = [conversationOptOutKey(contact), ...(personId ? [personOptOutKey(personId)] : [])];
      return (await docs.count({ _id: { $in: keys }, optedOut: true })) > 0;
    },
    async optedOutAmong(keys) {
      if (keys.length === 0) return new Set();
      const found = await docs.find({ _id: { $in: [...keys] }, optedOut: true }, { projection: { _id: 1 } });
      return new Set(found.map((d) => d._id));
    },
    countOptedOutConversations(channel) {
      const prefix = `conversation:${channel}:`;
      // Every key that starts with the prefix: ";" is the character after ":".
      return docs.count({ _id: { $gte: prefix, $lt: `conversation:${channel};` }, optedOut: true });
    },
  };
}
