/** Death claims over the document store: unique references, lookups by heir, stage lists, reminders. */
import type {
  Claim,
  ClaimAwaitingDocuments,
  ClaimRepository,
  ClaimStage,
  NewClaim,
} from "../../core/claims.port";
import type { CollectionSpec, DocumentStore, Filter } from "../../core/document-store.port";
import { AppError } from "../../core/errors";
import { toMissing } from "../../domain/claim-documents";
import { claimPrefix, createReference, type RandomInt } from "../../domain/reference";

export const claimsCollection: CollectionSpec = {
  name: "claims",
  indexes: [
    { fields: { reference: 1 }, unique: true },
    { fields: { stage: 1, stageAt: 1 } },
    { fields: { "heir.contact.channel": 1, "heir.contact.userId": 1 } },
    { fields: { "heir.phone": 1 } },
    { fields: { "heir.nik.hash": 1 } },
    { fields: { slaDue: 1 }, partial: { slaDue: { $exists: true } } },
    { fields: { lastActivityAt: 1 } },
    { fields: { "deceased.personId": 1 } },
    { fields: { "deceased.kelurahan": 1, stage: 1 } },
  ],
};

const referenceAttempts = 5;
const awaitingStages: ClaimStage[] = ["LAPORAN_DITERIMA", "VERIFIKASI_RT_KELURAHAN", "MENUNGGU_DOKUMEN"];

export function createClaimRepository(store: DocumentStore, random?: RandomInt): ClaimRepository {
  const claims = store.collection<Claim>(claimsCollection);
  const newest = { sort: { createdAt: -1 as const } };
  return {
    async create(claim: NewClaim) {
      for (let attempt = 0; attempt < referenceAttempts; attempt++) {
        const reference = createReference(claimPrefix, random);
        const doc: Claim = { ...claim, _id: reference, reference, version: 1 };
        if ((await claims.insert(doc)).type === "inserted") return doc;
      }
      throw new AppError("STORAGE_CONFLICT", "Could not find a free claim reference", {
        attempts: referenceAttempts,
      });
    },
    findByReference: (reference) => claims.findOne({ reference }),
    findByHeirContact: (contact) =>
      claims.find({ "heir.contact.channel": contact.channel, "heir.contact.userId": contact.userId }, newest),
    findByHeirPhone: (phone) => claims.find({ "heir.phone": phone }, newest),
    findByHeirNikHash: (hash) => claims.find({ "heir.nik.hash": hash }, newest),
    hasClaimFor: async (personId) => (await claims.count({ "deceased.personId": personId })) > 0,
    list(query, options = {}) {
      const filter: Filter = {};
      if (query.stage) filter.stage = Array.isArray(query.stage) ? { $in: query.stage } : query.stage;
      if (query.slaDueBefore) filter.slaDue = { $lt: query.slaDueBefore };
      if (query.kelurahanIn) filter["deceased.kelurahan"] = { $in: [...query.kelurahanIn] };
      return claims.find(filter, {
        sort: { stageAt: 1 },
        ...(options.limit ? { limit: options.limit } : {}),
      });
    },
    async save(claim) {
      const next = { ...claim, version: claim.version + 1 };
      return claims.replace(next, { expect: { version: claim.version } });
    },
    async listAwaitingDocuments(before): Promise<ClaimAwaitingDocuments[]> {
      const found = await claims.find({ stage: { $in: awaitingStages }, lastActivityAt: { $lt: before } });
      return found.flatMap((claim) => {
        const missing = toMissing(claim);
        if (missing.length === 0) return [];
        return [
          {
            reference: claim.reference,
            heir: { ...claim.heir.contact, language: claim.heir.language },
            missing,
            since: claim.lastActivityAt,
          },
        ];
      });
    },
  };
}
