/**
 * Registered people over the document-store port (memory and MongoDB alike). The NIK arrives
 * sealed (vault) and is found by its keyed hash; derived lookup fields (contact keys, search
 * words) are rebuilt on every write; what is read back is checked with zod.
 */
import { randomUUID } from "node:crypto";
import type { Collection, CollectionSpec, DocumentStore } from "../../core/document-store.port";
import type {
  NewPerson,
  Person,
  PersonChanges,
  PersonQuery,
  PeopleRegister,
  RegisterResult,
  RtRef,
  SearchOptions,
} from "../../core/people.port";
import { createReference, type RandomInt } from "../../domain/reference";
import { reachProjection, toPeopleFilter, toPersonReach } from "./people.query";
import { toDoc, toPerson, type PersonDoc } from "./person.schema";

/** Indexes of `people`, each with the queries it serves (see storage/index-registry.ts). */
export const peopleCollection: CollectionSpec = {
  name: "people",
  indexes: [
    // findByNikHash; register's duplicate check (unique while the NIK is kept)
    { fields: { "nik.hash": 1 }, unique: true, partial: { "nik.hash": { $exists: true } } },
    // findByReference (staff search by DFT- reference, data saya, claims by KPJ/reference)
    { fields: { reference: 1 }, unique: true },
    // findByKpjHash (death report and data saya by KPJ number)
    { fields: { "kpj.hash": 1 }, partial: { "kpj.hash": { $exists: true } } },
    // findByContact; findReachByContacts (the "chatted" segment's batch join)
    { fields: { contactKeys: 1 } },
    // findByPhone
    { fields: { phone: 1 } },
    // staff pending list (status, oldest first); segments by state; whole-city counts
    { fields: { status: 1, createdAt: 1 } },
    // segments and staff search by kecamatan (kelurahan, RW, RT within it)
    { fields: { "address.kecamatan": 1, "address.kelurahan": 1, "address.rw": 1, "address.rt": 1 } },
    // segments and staff search by kelurahan (+ RT, RW); death report: name within kelurahan + RT
    { fields: { "address.kelurahan": 1, "address.rt": 1, "address.rw": 1 } },
    // staff search by RT number alone ("rt 22")
    { fields: { "address.rt": 1, "address.rw": 1 } },
    // findRtHeads (RT head replacement at registration and review)
    { fields: { "leadsRt.kelurahan": 1, "leadsRt.rw": 1, "leadsRt.rt": 1 } },
    // segment "RT heads" (1,650 of 100,000)
    { fields: { role: 1, status: 1 } },
    // coverageEnding segment and the hourly coverage reminder
    { fields: { coverageEndsAt: 1 } },
    // the deceased left out of a segment (previews count them), reports of deaths
    { fields: { deceasedAt: 1 } },
    // staff search and death report by name (every typed word is one of these prefixes), oldest first
    { fields: { search: 1, createdAt: 1 } },
    // BPJS import and staff look-ups by KPJ number
    { fields: { "kpj.hash": 1 }, partial: { "kpj.hash": { $exists: true } } },
    // "warga saya": the residents an RT head registered, newest first
    { fields: { "registeredBy.personId": 1, createdAt: 1 } },
    // One registration per idempotency key: a retried or redelivered submit finds the first one.
    { fields: { effectKey: 1 }, unique: true, partial: { effectKey: { $exists: true } } },
  ],
};

const referenceAttempts = 8;
const writeAttempts = 5;

export type PeopleRepositoryOptions = { random?: RandomInt };

export function createPeopleRepository(
  store: DocumentStore,
  options: PeopleRepositoryOptions = {},
): PeopleRegister {
  const people: Collection<PersonDoc> = store.collection<PersonDoc>(peopleCollection);
  const one = (doc: PersonDoc | null) => (doc ? toPerson(doc) : null);
  const many = (docs: PersonDoc[]) => docs.map(toPerson);

  /** Read, change, write back with an optimistic check on `updatedAt`; retried on a race. */
  async function modify(id: string, change: (p: Person) => Person | null): Promise<Person | null> {
    for (let attempt = 0; attempt < writeAttempts; attempt++) {
      const raw = await people.findById(id);
      const current = one(raw);
      if (!raw || !current) return null;
      const next = change(current);
      if (!next) return current;
      const doc = { ...toDoc(next), ...(raw.effectKey ? { effectKey: raw.effectKey } : {}) };
      if (await people.replace(doc, { expect: { updatedAt: current.updatedAt } })) return next;
    }
    throw new Error(`Person ${id} kept changing during ${writeAttempts} attempts`);
  }

  async function search(query: PersonQuery, opts: SearchOptions = {}) {
    const { limit, skip } = opts;
    return many(
      await people.find(toPeopleFilter(query), {
        sort: { createdAt: opts.newestFirst ? -1 : 1 },
        ...(limit !== undefined ? { limit } : {}),
        ...(skip ? { skip } : {}),
      }),
    );
  }

  async function* streamReach(query: PersonQuery, opts: { batchSize?: number } = {}) {
    const batches = people.stream(toPeopleFilter(query), {
      projection: reachProjection, // no sort: a cursor straight off the index, no sort of the whole segment
      ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    });
    for await (const batch of batches) yield batch.map(toPersonReach);
  }

  async function register(person: NewPerson, now: Date, key?: string): Promise<RegisterResult> {
    for (let attempt = 0; attempt < referenceAttempts; attempt++) {
      const full: Person = {
        ...person,
        _id: randomUUID(),
        reference: createReference("DFT", options.random),
        createdAt: now,
        updatedAt: now,
      };
      const result = await people.insert({ ...toDoc(full), ...(key ? { effectKey: key } : {}) });
      if (result.type === "inserted") return { type: "registered", person: full };
      // Registered by an earlier run of the same message (a retry, a redelivery): same result.
      const earlier = key ? one(await people.findOne({ effectKey: key })) : null;
      if (earlier) return { type: "registered", person: earlier };
      if (result.index.includes("nik")) {
        const existing = one(await people.findOne({ "nik.hash": person.nik.hash }));
        if (existing) return { type: "duplicateNik", existing };
      }
    }
    throw new Error(`No free registration reference after ${referenceAttempts} attempts`);
  }

  return {
    findById: async (id) => one(await people.findById(id)),
    findByEffectKey: async (key) => one(await people.findOne({ effectKey: key })),
    findByReference: async (reference) => one(await people.findOne({ reference: reference.toUpperCase() })),
    findByNikHash: async (hash) =>
      one(await people.findOne({ "nik.hash": typeof hash === "string" ? hash : { $in: [...hash] } })),
    findByNikHashes: async (hashes) =>
      hashes.length === 0 ? [] : many(await people.find({ "nik.hash": { $in: hashes } })),
    findByKpjHash: async (hash) => one(await people.findOne({ "kpj.hash": hash })),
    findByContact: async (c) => many(await people.find({ contactKeys: `${c.channel}:${c.userId}` })),
    findByPhone: async (phone) => many(await people.find({ phone })),
    search,
    count: (query) => people.count(toPeopleFilter(query)),
    async countBy(query, by) {
      const groups = await people.groupCount(toPeopleFilter(query), [...by]);
      return groups.map((g) => ({ key: g.key, count: g.count }));
    },
    streamReach,
    async findReachByContacts(contacts) {
      if (contacts.length === 0) return [];
      const keys = [...new Set(contacts.map((c) => `${c.channel}:${c.userId}`))];
      const found = await people.find({ contactKeys: { $in: keys } }, { projection: reachProjection });
      return found.map(toPersonReach);
    },
    async markDeceased(id, at) {
      await modify(id, (p) => ({ ...withoutReport(p), status: "deceased", deceasedAt: at, updatedAt: at }));
    },
    async setReportedDeceased(id, report, now) {
      await modify(id, (p) => ({
        ...withoutReport(p),
        ...(report ? { reportedDeceased: report } : {}),
        updatedAt: now,
      }));
    },

    register,
    async registerForReview(person, existing, now, key) {
      const review: NewPerson = {
        ...person,
        // A placeholder hash of its own: the unique NIK index stays with the first record.
        nik: { cipher: person.nik.cipher, hash: `review:${randomUUID()}` },
        duplicateOf: existing._id,
        flags: [...new Set([...person.flags, "duplicate_nik"])],
      };
      const result = await register(review, now, key);
      if (result.type !== "registered") throw new Error("A review registration collided with a NIK");
      return result.person;
    },
    update: (id, changes: PersonChanges, now) => modify(id, (p) => ({ ...p, ...changes, updatedAt: now })),
    async addFlag(id, flag, now) {
      await modify(id, (p) =>
        p.flags.includes(flag) ? null : { ...p, flags: [...p.flags, flag], updatedAt: now },
      );
    },
    async removeFlag(id, flag, now) {
      await modify(id, (p) =>
        p.flags.includes(flag) ? { ...p, flags: p.flags.filter((f) => f !== flag), updatedAt: now } : null,
      );
    },
    async addContact(id, contact, now) {
      await modify(id, (p) =>
        p.contacts.some((c) => c.channel === contact.channel && c.userId === contact.userId)
          ? null
          : { ...p, contacts: [...p.contacts, contact], updatedAt: now },
      );
    },
    findRtHeads: async (rt: RtRef) =>
      many(
        await people.find({
          role: "rt_head",
          status: { $in: ["pending", "active"] },
          "leadsRt.kelurahan": rt.kelurahan,
          "leadsRt.rw": rt.rw,
          "leadsRt.rt": rt.rt,
        }),
      ),
    async remove(id) {
      await people.delete({ _id: id });
    },
    async anonymise(id, now) {
      await modify(id, (p) => toAnonymous(p, now));
    },
  };
}

/** The person without an unverified death report (verified, found false, or replaced). */
function withoutReport(person: Person): Person {
  const copy = { ...person };
  delete copy.reportedDeceased;
  return copy;
}

/** What is left of a person after deletion: counts by area and programme still add up. */
function toAnonymous(person: Person, now: Date): Person {
  return {
    _id: person._id,
    reference: person.reference,
    status: "deleted",
    role: person.role,
    name: "",
    // A unique placeholder: the NIK and its hash are gone, the unique index stays satisfied.
    nik: { cipher: "", hash: `deleted:${person._id}` },
    birthDate: person.birthDate.slice(0, 4),
    sex: person.sex,
    address: { kecamatan: person.address.kecamatan, kelurahan: person.address.kelurahan, rw: "", rt: "" },
    occupation: { code: person.occupation.code },
    income: person.income,
    programmes: person.programmes,
    fundedBy: person.fundedBy,
    consent: {
      at: person.consent.at,
      channel: person.consent.channel,
      noticeVersion: person.consent.noticeVersion,
      givenBy: person.consent.givenBy,
    },
    registeredBy: { channel: person.registeredBy.channel, userId: "" },
    contacts: [],
    language: person.language,
    flags: ["anonymised"],
    createdAt: person.createdAt,
    updatedAt: now,
  };
}
