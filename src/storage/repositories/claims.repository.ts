/**
 * Death claims over the document store: unique references, lookups by heir, stage lists,
 * reminders. One open claim per deceased (`openFor`, unique while the claim is open) and one claim
 * per report (`effectKey`, unique), both enforced by the store's unique indexes.
 */
import type {
  Claim,
  ClaimAwaitingDocuments,
  ClaimRepository,
  ClaimStage,
  CreateClaimResult,
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
    { fields: { openFor: 1 }, unique: true, partial: { openFor: { $exists: true } } },
    { fields: { effectKey: 1 }, unique: true, partial: { effectKey: { $exists: true } } },
  ],
};

const referenceAttempts = 5;
const closedStages: ReadonlySet<ClaimStage> = new Set(["DIBAYAR"]);

/** Who an open claim is for: the registered person, else the deceased's NIK; none once closed. */
function toOpenFor(claim: Pick<Claim, "stage" | "deceased">): string | undefined {
  if (closedStages.has(claim.stage)) return undefined;
  if (claim.deceased.personId) return `person:${claim.deceased.personId}`;
  return claim.deceased.nik ? `nik:${claim.deceased.nik.hash}` : undefined;
}

/** The claim with `openFor` as its stage says (set while open, absent once closed). */
function withOpenFor(claim: Claim): Claim {
  const openFor = toOpenFor(claim);
  const next = { ...claim };
  if (openFor) next.openFor = openFor;
  else delete next.openFor;
  return next;
}
const awaitingStages: ClaimStage[] = ["LAPORAN_DITERIMA", "VERIFIKASI_RT_KELURAHAN", "MENUNGGU_DOKUMEN"];

export function createClaimRepository(store: DocumentStore, random?: RandomInt): ClaimRepository {
  const claims = store.collection<Claim>(claimsCollection);
  const newest = { sort: { createdAt: -1 as const } };
  return {
    async create(claim: NewClaim, key?: string): Promise<CreateClaimResult> {
      for (let attempt = 0; attempt < referenceAttempts; attempt++) {
        const reference = createReference(claimPrefix, random);
        const doc = withOpenFor({
          ...claim,
          _id: reference,
          reference,
          version: 1,
          ...(key ? { effectKey: key } : {}),
        });
        if ((await claims.insert(doc)).type === "inserted") return { type: "created", claim: doc };
        // Created by an earlier run of the same report (a retry, a redelivery): same result.
        const earlier = key ? await claims.findOne({ effectKey: key }) : null;
        if (earlier) return { type: "created", claim: earlier };
        const open = doc.openFor ? await claims.findOne({ openFor: doc.openFor }) : null;
        if (open) return { type: "alreadyOpen", claim: open };
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
      return claims.find(filter, {
        sort: { stageAt: 1 },
        ...(options.limit ? { limit: options.limit } : {}),
      });
    },
    async save(claim) {
      const next = withOpenFor({ ...claim, version: claim.version + 1 });
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
