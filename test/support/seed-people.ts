/**
 * Registered people for tests, written through the real people repository's collection so flows
 * see them exactly as registrations store them. `seed` builds a valid Person with a sealed NIK.
 */
import type { DocumentStore } from "../../src/core/document-store.port";
import type { Person } from "../../src/core/people.port";
import { createVault } from "../../src/security/vault";
import { toDoc, type PersonDoc } from "../../src/storage/repositories/person.schema";
import { createPeopleRepository, peopleCollection } from "../../src/storage/repositories/people.repository";
import { testVaultKeys } from "./test-chat";

const vault = createVault(testVaultKeys);

export type PeopleSeeder = ReturnType<typeof createPeopleSeeder>;

export function createPeopleSeeder(store: DocumentStore) {
  const collection = store.collection<PersonDoc>(peopleCollection);
  const people: Person[] = [];
  /** Writes a whole record as the repository stores it; false when one with its id or NIK exists. */
  async function insert(person: Person): Promise<boolean> {
    const inserted = await collection.insert(toDoc(person));
    if (inserted.type === "inserted") people.push(person);
    return inserted.type === "inserted";
  }
  return {
    people,
    repository: createPeopleRepository(store),
    insert,
    async seed({
      nik = "1571020101800001",
      ...overrides
    }: Omit<Partial<Person>, "nik"> & { nik?: string }): Promise<Person> {
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
        address: { kecamatan: "Jelutung", kelurahan: "Payo Lebar", rw: "2", rt: "5" },
        occupation: { code: "rt_head" },
        leadsRt: { kecamatan: "Jelutung", kelurahan: "Payo Lebar", rw: "2", rt: "5" },
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
      if (!(await insert(person))) throw new Error(`Seeding ${person.reference} failed: already stored`);
      return person;
    },
  };
}
