/**
 * A small city for report tests: nine registrations in two kecamatan (one deleted), two RT
 * heads, Pemkot-funded and self-paying members with known incomes, and three death claims.
 * The figures the tests expect are worked out by hand in test/reports/reports.test.ts.
 */
import type { NewClaim } from "../../src/core/claims.port";
import type { Person } from "../../src/core/people.port";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createClaimRepository } from "../../src/storage/repositories/claims.repository";
import { toDoc, type PersonDoc } from "../../src/storage/repositories/person.schema";
import { peopleCollection } from "../../src/storage/repositories/people.repository";
import { aNewClaim } from "./claim-factory";
import { createPerson } from "./people-factory";

const simpang = { kecamatan: "Telanaipura", kelurahan: "Simpang IV Sipin" };
const lebak = { kecamatan: "Jelutung", kelurahan: "Lebak Bandung" };

export const seededPeople = (): Person[] => [
  createPerson({ address: { ...simpang, rw: "1", rt: "3" }, role: "rt_head", leadsRt: { ...simpang, rw: "1", rt: "3" }, occupation: { code: "ketua_rt" }, fundedBy: "apbd" }),
  createPerson({ address: { ...simpang, rw: "1", rt: "3" }, occupation: { code: "petugas_syara" }, fundedBy: "apbd" }),
  createPerson({ address: { ...simpang, rw: "1", rt: "4" }, status: "pending", occupation: { code: "pedagang" }, fundedBy: "self", income: 1_000_000 }),
  createPerson({ address: { ...lebak, rw: "3", rt: "22" }, occupation: { code: "ojek" }, fundedBy: "self", income: 1_500_000 }),
  createPerson({ address: { ...lebak, rw: "3", rt: "22" }, occupation: { code: "pedagang" }, fundedBy: "self", income: 2_000_000, programmes: ["JKK", "JKM", "JHT"] }),
  createPerson({ address: { ...lebak, rw: "3", rt: "22" }, status: "rejected", fundedBy: "self" }),
  createPerson({ address: { ...lebak, rw: "2", rt: "5" }, status: "pending", role: "rt_head", leadsRt: { ...lebak, rw: "2", rt: "5" }, occupation: { code: "ketua_rt" }, fundedBy: "apbd" }),
  createPerson({ address: { ...lebak, rw: "", rt: "" }, status: "deleted", fundedBy: "apbd" }),
  createPerson({ address: { ...lebak, rw: "3", rt: "22" }, status: "inactive", occupation: { code: "ojek" }, fundedBy: "apbd" }),
]; // prettier-ignore

const day = (iso: string) => new Date(`${iso}T09:00:00+07:00`);

function aClaim(history: Array<[NewClaim["stage"], string]>, slaDue?: string): NewClaim {
  const last = history.at(-1) ?? ["LAPORAN_DITERIMA", "2026-03-02"];
  return aNewClaim({
    stage: last[0],
    stageAt: day(last[1]),
    deceased: { name: "Almarhum", deathDate: "2026-03-01" },
    heir: { ...aNewClaim().heir, name: "Ahli waris" },
    required: [],
    history: history.map(([stage, at]) => ({ stage, at: day(at), by: "system" })),
    ...(slaDue ? { slaDue } : {}),
    lastActivityAt: day(last[1]),
    createdAt: day(history[0]?.[1] ?? "2026-03-02"),
    updatedAt: day(last[1]),
  });
}

export async function seedCity() {
  const store = createMemoryDocumentStore();
  const people = store.collection<PersonDoc>(peopleCollection);
  for (const person of seededPeople()) await people.insert(toDoc(person));
  const claims = createClaimRepository(store);
  // Paid: 2 days reported, 4 days for documents, 1 day complete, 2 days submitted, 3 days processed.
  await claims.create(
    aClaim([
      ["LAPORAN_DITERIMA", "2026-03-02"],
      ["MENUNGGU_DOKUMEN", "2026-03-04"],
      ["BERKAS_LENGKAP", "2026-03-08"],
      ["DIAJUKAN_KE_BPJS", "2026-03-09"],
      ["DIPROSES_BPJS", "2026-03-11"],
      ["DIBAYAR", "2026-03-14"],
    ]),
  );
  // Processed by BPJS past its payment date (overdue on 20 March).
  await claims.create(
    aClaim(
      [
        ["LAPORAN_DITERIMA", "2026-03-05"],
        ["MENUNGGU_DOKUMEN", "2026-03-06"],
        ["DIAJUKAN_KE_BPJS", "2026-03-10"],
        ["DIPROSES_BPJS", "2026-03-12"],
      ],
      "2026-03-13",
    ),
  );
  await claims.create(aClaim([["LAPORAN_DITERIMA", "2026-03-19"]]));
  return { store, claims };
}
