/**
 * Registered people over the document-store port (memory and MongoDB alike). The NIK arrives
 * sealed (vault) and is found by its keyed hash; derived lookup fields (contact keys, search
 * words) are rebuilt on every write; what is read back is checked with zod.
 */
import { randomUUID } from "node:crypto";
import type { Collection, CollectionSpec, DocumentStore, Filter } from "../../core/document-store.port";
import type {
  NewPerson,
  Person,
  PersonChanges,
  PersonQuery,
  PeopleRegister,
  RegisterResult,
  RtRef,
} from "../../core/people.port";
import { createReference, type RandomInt } from "../../domain/reference";
import { toDoc, toPerson, type PersonDoc } from "./person.schema";

export const peopleCollection: CollectionSpec = {
  name: "people",
  indexes: [
    { fields: { "nik.hash": 1 }, unique: true, partial: { "nik.hash": { $exists: true } } },
    { fields: { reference: 1 }, unique: true },
    { fields: { "kpj.hash": 1 }, partial: { "kpj.hash": { $exists: true } } },
    { fields: { contactKeys: 1 } },
    { fields: { phone: 1 } },
    { fields: { status: 1, createdAt: 1 } },
    { fields: { "address.kecamatan": 1, "address.kelurahan": 1, "address.rw": 1, "address.rt": 1 } },
    { fields: { "leadsRt.kelurahan": 1, "leadsRt.rw": 1, "leadsRt.rt": 1 } },
    { fields: { search: 1 } },
    {
      fields: { "registeredBy.personId": 1, status: 1 },
      partial: { "registeredBy.personId": { $exists: true } },
    },
  ],
};

const referenceAttempts = 8;
const writeAttempts = 5;

function toFilter(query: PersonQuery): Filter {
  const filter: Filter = {};
  if (query.registeredByPerson) filter["registeredBy.personId"] = query.registeredByPerson;
  if (query.kecamatan) filter["address.kecamatan"] = query.kecamatan;
  if (query.kelurahan) filter["address.kelurahan"] = query.kelurahan;
  if (query.rw) filter["address.rw"] = query.rw;
  if (query.rt) filter["address.rt"] = query.rt;
  if (query.role) filter.role = query.role;
  if (query.status) filter.status = Array.isArray(query.status) ? { $in: query.status } : query.status;
  if (query.language) filter.language = query.language;
  if (query.channel) filter.channels = query.channel;
  if (query.coverageEndsBefore) filter.coverageEndsAt = { $lt: query.coverageEndsBefore };
  const words = (query.text ?? "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length >= 2);
  const longest = words.sort((a, b) => b.length - a.length)[0];
  if (longest) filter.search = longest;
  return filter;
}

/** Every typed word must start a word of the name (or be the reference). */
function matchesText(person: Person, text: string | undefined): boolean {
  const words = (text ?? "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length >= 2);
  const own = person.name.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return words.every((w) => w === person.reference.toLowerCase() || own.some((o) => o.startsWith(w)));
}

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
      const current = one(await people.findById(id));
      if (!current) return null;
      const next = change(current);
      if (!next) return current;
      if (await people.replace(toDoc(next), { expect: { updatedAt: current.updatedAt } })) return next;
    }
    throw new Error(`Person ${id} kept changing during ${writeAttempts} attempts`);
  }

  async function search(query: PersonQuery, opts: { limit?: number; skip?: number } = {}) {
    const found = many(await people.find(toFilter(query), { sort: { createdAt: 1 } }));
    const matching = found.filter((p) => matchesText(p, query.text));
    const start = opts.skip ?? 0;
    return matching.slice(start, opts.limit === undefined ? undefined : start + opts.limit);
  }

  async function register(person: NewPerson, now: Date): Promise<RegisterResult> {
    for (let attempt = 0; attempt < referenceAttempts; attempt++) {
      const full: Person = {
        ...person,
        _id: randomUUID(),
        reference: createReference("DFT", options.random),
        createdAt: now,
        updatedAt: now,
      };
      const result = await people.insert(toDoc(full));
      if (result.type === "inserted") return { type: "registered", person: full };
      if (result.index.includes("nik")) {
        const existing = one(await people.findOne({ "nik.hash": person.nik.hash }));
        if (existing) return { type: "duplicateNik", existing };
      }
    }
    throw new Error(`No free registration reference after ${referenceAttempts} attempts`);
  }

  return {
    findById: async (id) => one(await people.findById(id)),
    findByReference: async (reference) => one(await people.findOne({ reference: reference.toUpperCase() })),
    findByNikHash: async (hash) =>
      one(await people.findOne({ "nik.hash": typeof hash === "string" ? hash : { $in: [...hash] } })),
    findByKpjHash: async (hash) => one(await people.findOne({ "kpj.hash": hash })),
    findByContact: async (c) => many(await people.find({ contactKeys: `${c.channel}:${c.userId}` })),
    findByPhone: async (phone) => many(await people.find({ phone })),
    search,
    count: async (query) => (query.text ? (await search(query)).length : people.count(toFilter(query))),
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
    async registerForReview(person, existing, now) {
      const review: NewPerson = {
        ...person,
        // A placeholder hash of its own: the unique NIK index stays with the first record.
        nik: { cipher: person.nik.cipher, hash: `review:${randomUUID()}` },
        duplicateOf: existing._id,
        flags: [...new Set([...person.flags, "duplicate_nik"])],
      };
      const result = await register(review, now);
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
