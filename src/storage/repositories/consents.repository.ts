/**
 * Consent records (UU PDP proof of consent) over the document store: append-only, by person.
 * An idempotency key becomes the record's `_id`, so the same consent is never recorded twice.
 */
import { randomUUID } from "node:crypto";
import type { ConsentEntry, ConsentLog } from "../../core/consent.port";
import type { CollectionSpec, DocumentStore } from "../../core/document-store.port";

export const consentsCollection: CollectionSpec = {
  name: "consents",
  indexes: [{ fields: { personId: 1, at: 1 } }],
};

type ConsentDoc = ConsentEntry & { _id: string };

export function createConsentLog(store: DocumentStore): ConsentLog {
  const consents = store.collection<ConsentDoc>(consentsCollection);
  return {
    async record(entry, key) {
      // A key that was used already is a duplicate insert: the record exists, nothing to add.
      await consents.insert({ _id: key ?? randomUUID(), ...entry });
    },
    async listFor(personId) {
      const docs = await consents.find({ personId }, { sort: { at: 1 } });
      return docs.map(({ _id, ...entry }) => entry);
    },
  };
}
