/**
 * The audit log over the document store: append-only, indexed by target and actor. An
 * idempotency key becomes the entry's `_id`, so one action is never audited twice.
 */
import { randomUUID } from "node:crypto";
import type { AuditEntry, AuditLog } from "../../core/audit.port";
import type { CollectionSpec, DocumentStore, Filter } from "../../core/document-store.port";

export const auditCollection: CollectionSpec = {
  name: "audit",
  indexes: [
    { fields: { target: 1, at: -1 } },
    { fields: { actor: 1, at: -1 } },
    { fields: { action: 1, at: -1 } },
    { fields: { at: -1 } },
  ],
};

type AuditDoc = AuditEntry & { _id: string };

export function createAuditLog(store: DocumentStore): AuditLog {
  const audit = store.collection<AuditDoc>(auditCollection);
  return {
    async record(entry, key) {
      // A key that was used already is a duplicate insert: the entry exists, nothing to add.
      await audit.insert({ _id: key ?? randomUUID(), ...entry });
    },
    async list(filter, limit = 100) {
      const query: Filter = {};
      if (filter.target) query.target = filter.target;
      if (filter.actor) query.actor = filter.actor;
      if (filter.action) query.action = filter.action;
      if (filter.since) query.at = { $gte: filter.since };
      const docs = await audit.find(query, { sort: { at: -1 }, limit });
      return docs.map(({ _id, ...entry }) => entry);
    },
  };
}
