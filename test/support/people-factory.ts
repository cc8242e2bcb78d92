/**
 * Small factories for people records in tests: `aNewPerson` for what registration submits,
 * `createPerson` for a stored record (numbered, so many can be made; store it with seed-people.ts).
 */
import type { NewPerson, Person } from "../../src/core/people.port";
import type { PersonalDataVault } from "../../src/core/vault.port";

export function aNewPerson(
  vault: PersonalDataVault,
  overrides: Partial<NewPerson> & { nikDigits?: string } = {},
): NewPerson {
  const { nikDigits = "1571080703800001", ...rest } = overrides;
  return {
    status: "pending",
    role: "worker",
    name: "Budi Santoso",
    nik: vault.seal(nikDigits),
    birthDate: "1980-03-07",
    sex: "L",
    phone: "+6281234567890",
    address: { kecamatan: "Jelutung", kelurahan: "Lebak Bandung", rw: "3", rt: "22" },
    occupation: { code: "ojek" },
    income: 1_000_000,
    programmes: ["JKK", "JKM"],
    fundedBy: "self",
    consent: {
      at: new Date("2026-03-02T02:00:00Z"),
      channel: "whatsapp",
      noticeVersion: "2026-03",
      givenBy: "self",
    },
    registeredBy: { channel: "whatsapp", userId: "+6281234567890" },
    contacts: [{ channel: "whatsapp", userId: "+6281234567890" }],
    language: "id",
    flags: [],
    ...rest,
  };
}

let counter = 0;

/** A stored worker record; ids, references, NIK hashes and Telegram contacts are numbered. */
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
    address: { kecamatan: "Telanaipura", kelurahan: "Simpang IV Sipin", rw: "1", rt: "3" },
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
