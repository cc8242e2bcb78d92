/**
 * An in-memory PeopleRepository for broadcast tests (the real one is issue 3's), plus a Person
 * factory. `search` follows PersonQuery: place fields case-insensitive, status one or several.
 */
import type { Contact, PeopleRepository, Person, PersonQuery } from "../../src/core/people.port";

let counter = 0;

export function createPerson(overrides: Partial<Person> = {}): Person {
  counter += 1;
  const now = new Date("2026-01-05T09:00:00+07:00");
  return {
    _id: `p${counter}`,
    reference: `DFT-T${String(counter).padStart(5, "0")}`,
    status: "active",
    role: "worker",
    name: `Warga ${counter}`,
    nik: { cipher: "x", hash: `h${counter}` },
    birthDate: "1980-01-01",
    sex: "L",
    address: { kecamatan: "Telanaipura", kelurahan: "Simpang IV Sipin", rw: "001", rt: "003" },
    occupation: { code: "ojek" },
    income: 1_000_000,
    programmes: ["JKK", "JKM"],
    fundedBy: "apbd",
    consent: { at: now, channel: "telegram", noticeVersion: "v1", givenBy: "self" },
    registeredBy: { channel: "telegram", userId: `tg${counter}` },
    contacts: [{ channel: "telegram", userId: `tg${counter}` }],
    language: "id",
    flags: [],
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

const same = (a: string, b: string | undefined) => b === undefined || a.toLowerCase() === b.toLowerCase();

function matches(person: Person, q: PersonQuery): boolean {
  const statuses = q.status === undefined ? undefined : Array.isArray(q.status) ? q.status : [q.status];
  return (
    (!statuses || statuses.includes(person.status)) &&
    same(person.address.kecamatan, q.kecamatan) &&
    same(person.address.kelurahan, q.kelurahan) &&
    same(person.address.rw, q.rw) &&
    same(person.address.rt, q.rt) &&
    (!q.role || person.role === q.role) &&
    (!q.language || person.language === q.language) &&
    (!q.channel || person.contacts.some((c) => c.channel === q.channel)) &&
    (!q.coverageEndsBefore ||
      (person.coverageEndsAt !== undefined && person.coverageEndsAt < q.coverageEndsBefore))
  );
}

export function createFakePeople(
  initial: Person[] = [],
): PeopleRepository & { add(...people: Person[]): void } {
  const people = [...initial];
  const sameContact = (a: Contact, b: Contact) => a.channel === b.channel && a.userId === b.userId;
  return {
    add: (...more) => void people.push(...more),
    findById: async (id) => people.find((p) => p._id === id) ?? null,
    findByReference: async (ref) => people.find((p) => p.reference === ref) ?? null,
    findByNikHash: async (hash) => people.find((p) => p.nik.hash === hash) ?? null,
    findByContact: async (contact) => people.filter((p) => p.contacts.some((c) => sameContact(c, contact))),
    findByPhone: async (phone) => people.filter((p) => p.phone === phone),
    search: async (query, options = {}) => {
      const found = people.filter((p) => matches(p, query));
      const skip = options.skip ?? 0;
      return found.slice(skip, options.limit ? skip + options.limit : undefined);
    },
    count: async (query) => people.filter((p) => matches(p, query)).length,
    markDeceased: async (id, at) => {
      const person = people.find((p) => p._id === id);
      if (person) Object.assign(person, { status: "deceased", deceasedAt: at });
    },
  };
}
