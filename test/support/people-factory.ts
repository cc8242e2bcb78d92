/** Small factories for people records in tests. */
import type { NewPerson } from "../../src/core/people.port";
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
