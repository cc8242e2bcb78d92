/**
 * Death claims over the document store: unique references, lookups by heir and by the deceased,
 * stage lists, reminders. Stored documents carry `accessKeys` ("channel:userId" of the reporter's
 * chat and of heirs staff added), rebuilt on every write. One open claim per deceased (`openFor`,
 * unique while the claim is open) and one claim per report (`effectKey`, unique), both enforced by
 * the store's unique indexes, so two instances filing at once cannot make two.
 */
import type {
  Claim,
  ClaimAwaitingDocuments,
  ClaimRepository,
  ClaimStage,
  CreateClaimResult,
  DeceasedKey,
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
    { fields: { "deceased.nik.hash": 1 }, partial: { "deceased.nik.hash": { $exists: true } } },
    { fields: { accessKeys: 1 } },
    { fields: { openFor: 1 }, unique: true, partial: { openFor: { $exists: true } } },
    { fields: { effectKey: 1 }, unique: true, partial: { effectKey: { $exists: true } } },
  ],
};

type ClaimDoc = Claim & { accessKeys: string[] };

const toKey = (contact: { channel: string; userId: string }) => `${contact.channel}:${contact.userId}`;

/** Who an open claim is for: the registered person, else the deceased's NIK; none once closed. */
function toOpenFor(claim: Claim): string | undefined {
  if (closedStages.includes(claim.stage) || claim.falseReport) return undefined;
  if (claim.deceased.personId) return `person:${claim.deceased.personId}`;
  return claim.deceased.nik ? `nik:${claim.deceased.nik.hash}` : undefined;
}

function toDoc(claim: Claim): ClaimDoc {
  const doc: ClaimDoc = { ...claim, accessKeys: (claim.access ?? []).map(toKey) };
  const openFor = toOpenFor(claim);
  if (openFor) doc.openFor = openFor;
  else delete doc.openFor;
  return doc;
}

function toClaim(doc: ClaimDoc): Claim {
  const claim: Claim & { accessKeys?: string[] } = { ...doc };
  delete claim.accessKeys;
  return claim;
}

/** Stages in which a claim about someone is still open (a second report joins it). */
const closedStages: ClaimStage[] = ["DIBAYAR"];

const referenceAttempts = 5;
const awaitingStages: ClaimStage[] = ["LAPORAN_DITERIMA", "VERIFIKASI_RT_KELURAHAN", "MENUNGGU_DOKUMEN"];

export function createClaimRepository(store: DocumentStore, random?: RandomInt): ClaimRepository {
  const claims = store.collection<ClaimDoc>(claimsCollection);
  const newest = { sort: { createdAt: -1 as const } };
  const one = (doc: ClaimDoc | null) => (doc ? toClaim(doc) : null);
  const find = async (filter: Filter) => (await claims.find(filter, newest)).map(toClaim);
  /** Who died, as a filter: by the matched registration or the keyed NIK hash (either one). */
  function toDeceasedFilter(key: DeceasedKey): Filter[] {
    const who: Filter[] = [];
    if (key.personId) who.push({ "deceased.personId": key.personId });
    if (key.nikHash) who.push({ "deceased.nik.hash": key.nikHash });
    return who;
  }
  async function findOpen(key: DeceasedKey): Promise<Claim | null> {
    const who = toDeceasedFilter(key);
    if (who.length === 0) return null;
    const open = { stage: { $nin: closedStages }, falseReport: { $exists: false } };
    return one(await claims.findOne({ ...open, $or: who }, newest));
  }

  return {
    async create(claim: NewClaim, key?: string): Promise<CreateClaimResult> {
      for (let attempt = 0; attempt < referenceAttempts; attempt++) {
        const reference = createReference(claimPrefix, random);
        const doc = toDoc({
          ...claim,
          _id: reference,
          reference,
          version: 1,
          ...(key ? { effectKey: key } : {}),
        });
        if ((await claims.insert(doc)).type === "inserted") return { type: "created", claim: toClaim(doc) };
        // Created by an earlier run of the same report (a retry, a redelivery): same result.
        const earlier = key ? one(await claims.findOne({ effectKey: key })) : null;
        if (earlier) return { type: "created", claim: earlier };
        const open = doc.openFor ? one(await claims.findOne({ openFor: doc.openFor })) : null;
        if (open) return { type: "alreadyOpen", claim: open };
      }
      throw new AppError("STORAGE_CONFLICT", "Could not find a free claim reference", {
        attempts: referenceAttempts,
      });
    },
    findByReference: async (reference) => one(await claims.findOne({ reference })),
    findByHeirContact: (contact) =>
      find({ "heir.contact.channel": contact.channel, "heir.contact.userId": contact.userId }),
    findByHeirPhone: (phone) => find({ "heir.phone": phone }),
    findByHeirNikHash: (hash) => find({ "heir.nik.hash": hash }),
    findByAccess: (contact) => find({ accessKeys: toKey(contact) }),
    findOpenByDeceased: (key) => findOpen(key),
    async findByDeceased(key) {
      const who = toDeceasedFilter(key);
      return who.length === 0 ? [] : find({ $or: who });
    },
    // Only a death staff verified keeps a person's data; an unverified report takes no right away.
    hasClaimFor: async (personId) =>
      (await claims.count({ "deceased.personId": personId, "deceased.verifiedAt": { $exists: true } })) > 0,
    async list(query, options = {}) {
      const filter: Filter = {};
      if (query.stage) filter.stage = Array.isArray(query.stage) ? { $in: query.stage } : query.stage;
      if (query.slaDueBefore) filter.slaDue = { $lt: query.slaDueBefore };
      if (query.kelurahanIn) filter["deceased.kelurahan"] = { $in: [...query.kelurahanIn] };
      const found = await claims.find(filter, {
        sort: { stageAt: 1 },
        ...(options.limit ? { limit: options.limit } : {}),
      });
      return found.map(toClaim);
    },
    async save(claim) {
      const next = toDoc({ ...claim, version: claim.version + 1 });
      return claims.replace(next, { expect: { version: claim.version } });
    },
    async listAwaitingDocuments(before): Promise<ClaimAwaitingDocuments[]> {
      const found = await claims.find({
        stage: { $in: awaitingStages },
        lastActivityAt: { $lt: before },
        suspended: { $exists: false },
      });
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
