/**
 * An in-test PeopleRepository: registered people in an array, the seam claims use until the
 * registration feature's repository is wired. `seed` builds a valid Person with a sealed NIK.
 */
import type { Person, PeopleRepository, PersonQuery } from "../../src/core/people.port";
import { createVault } from "../../src/security/vault";
import { testVaultKeys } from "./test-chat";

const vault = createVault(testVaultKeys);

export type FakePeople = PeopleRepository & {
  people: Person[];
  seed(overrides: Partial<Person> & { nik?: string }): Person;
};

export function createFakePeople(): FakePeople {
  const people: Person[] = [];
  const matches = (p: Person, q: PersonQuery) =>
    (!q.text || p.name.toLowerCase().includes(q.text.toLowerCase()) || p.reference === q.text) &&
    (!q.kelurahan || p.address.kelurahan === q.kelurahan) &&
    (!q.rt || p.address.rt === q.rt);
  return {
    people,
    seed({ nik = "1571020101800001", ...overrides }) {
      const at = new Date("2025-06-01T09:00:00+07:00");
      const person: Person = {
        _id: `p${people.length + 1}`,
        reference: `DFT-${"ABCDEFGHJK"[people.length] ?? "Z"}23456`,
        status: "active",
        role: "rt_head",
        name: "Ahmad Yani",
        nik: vault.seal(nik),
        birthDate: "1980-01-01",
        sex: "L",
        phone: "+6281200000001",
        address: { kecamatan: "Jelutung", kelurahan: "Payo Lebar", rw: "02", rt: "05" },
        occupation: { code: "rt_head" },
        leadsRt: { kecamatan: "Jelutung", kelurahan: "Payo Lebar", rw: "02", rt: "05" },
        income: 1_000_000,
        programmes: ["JKK", "JKM"],
        fundedBy: "apbd",
        consent: { at, channel: "whatsapp", noticeVersion: "v1", givenBy: "self" },
        registeredBy: { channel: "whatsapp", userId: "+6281200000001" },
        contacts: [{ channel: "whatsapp", userId: "+6281200000001" }],
        language: "id",
        flags: [],
        createdAt: at,
        updatedAt: at,
        verifiedAt: at,
        ...overrides,
      };
      people.push(person);
      return person;
    },
    findById: async (id) => people.find((p) => p._id === id) ?? null,
    findByReference: async (reference) => people.find((p) => p.reference === reference) ?? null,
    findByNikHash: async (hash) => people.find((p) => p.nik.hash === hash) ?? null,
    findByContact: async (c) =>
      people.filter((p) => p.contacts.some((x) => x.channel === c.channel && x.userId === c.userId)),
    findByPhone: async (phone) => people.filter((p) => p.phone === phone),
    search: async (q, o = {}) => people.filter((p) => matches(p, q)).slice(0, o.limit ?? 100),
    count: async (q) => people.filter((p) => matches(p, q)).length,
    markDeceased: async (id, at) => {
      const person = people.find((p) => p._id === id);
      if (person) Object.assign(person, { status: "deceased", deceasedAt: at });
    },
  };
}
