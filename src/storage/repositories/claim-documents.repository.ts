/** Metadata of the files heirs send for a claim (`documents` collection); bytes live in the FileStore. */
import type { ClaimDocument, ClaimDocumentRepository } from "../../core/claims.port";
import type { CollectionSpec, DocumentStore } from "../../core/document-store.port";

export const claimDocumentsCollection: CollectionSpec = {
  name: "documents",
  indexes: [{ fields: { claimReference: 1, receivedAt: 1 } }, { fields: { sha256: 1 } }],
};

export function createClaimDocumentRepository(store: DocumentStore): ClaimDocumentRepository {
  const documents = store.collection<ClaimDocument>(claimDocumentsCollection);
  return {
    async add(document) {
      // A duplicate `_id` (the same idempotency key) means it is stored already.
      await documents.insert(document);
    },
    findById: (id) => documents.findById(id),
    async label(id, type) {
      await documents.update({ _id: id }, { $set: { type } });
    },
    listByClaim: (reference) => documents.find({ claimReference: reference }, { sort: { receivedAt: 1 } }),
  };
}
