/**
 * The BPJS participant import on the sample list in test/fixtures (Cabang Jambi's column names,
 * `;`-separated as Indonesian Excel saves it; the same rows as XLSX are made here).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { applyBpjsImport } from "../../src/imports/bpjs-import.apply";
import { planBpjsImport } from "../../src/imports/bpjs-import.plan";
import { readTable } from "../../src/imports/table-reader";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createAuditLog } from "../../src/storage/repositories/audit.repository";
import { createPeopleSeeder } from "../support/seed-people";
import { testVaultKeys } from "../support/test-chat";

const fixture = path.resolve(__dirname, "../fixtures/bpjs-peserta-cabang-jambi.csv");
const vault = createVault(testVaultKeys);
const now = new Date("2026-04-01T09:00:00+07:00");

async function setup() {
  const store = createMemoryDocumentStore();
  const seeder = createPeopleSeeder(store);
  await seeder.seed({ nik: "1571020101800001", name: "Ahmad Yani" });
  await seeder.seed({ nik: "1571020101800002", name: "Siti Aminah", role: "worker" });
  await seeder.seed({
    nik: "1571020101800003",
    name: "Rudi Hartono",
    role: "worker",
    kpj: vault.seal("25000000000"),
    membershipSince: "2025-04-01",
    membershipSource: "staff",
  });
  return { store, people: seeder.repository, audit: createAuditLog(store) };
}

describe("BPJS participant import", () => {
  it("dry run: maps the columns by name, reports unknown ones, and counts matched, new, conflicts and invalid rows", async () => {
    const { people } = await setup();
    const plan = await planBpjsImport(await readTable(fixture), { people, vault });
    expect(plan.unknownColumns).toEqual(["NO", "KANTOR CABANG"]);
    expect(plan.counts).toEqual({ update: 2, conflict: 1, unchanged: 0, skipped: 0, new: 1, invalid: 3 });
    expect(
      plan.rows.filter((r) => r.type === "invalid").map((r) => [r.row, r.type === "invalid" && r.reason]),
    ).toEqual([
      [6, "nik"],
      [7, "membershipSince"],
      [8, "duplicate"],
    ]);
    const conflict = plan.rows.find((r) => r.type === "conflict");
    expect(conflict).toMatchObject({ row: 4, fields: ["kpj"] });
    expect((await people.findByNikHash(vault.hash("1571020101800001")))?.kpj).toBeUndefined();
  });

  it("applies in audited batches: KPJ sealed, membership start, paid-through month and cover end in WIB", async () => {
    const { people, audit } = await setup();
    const plan = await planBpjsImport(await readTable(fixture), { people, vault });
    const result = await applyBpjsImport(
      plan,
      { file: "peserta.csv", sha256: "abc" },
      { overwrite: false },
      { people, audit, now, actor: "cli:staf", batchSize: 1 },
    );
    expect(result.applied).toBe(2);
    const ahmad = await people.findByNikHash(vault.hash("1571020101800001"));
    expect(ahmad && ahmad.kpj && vault.open(ahmad.kpj)).toBe("25012345678");
    expect(ahmad?.kpj?.hash).toBe(vault.hash("25012345678"));
    expect(await people.findByKpjHash(vault.hash("25012345678"))).toMatchObject({
      reference: ahmad?.reference,
    });
    expect(ahmad).toMatchObject({
      membershipSince: "2025-02-01",
      membershipSource: "bpjs_import",
      paidThrough: "2026-03",
      coverageEndsAt: new Date("2026-07-01T00:00:00+07:00"),
    });
    const siti = await people.findByNikHash(vault.hash("1571020101800002"));
    // No cover end in the list: three unpaid months after February 2026 (DOMAIN §1.6).
    expect(siti).toMatchObject({
      paidThrough: "2026-02",
      coverageEndsAt: new Date("2026-06-01T00:00:00+07:00"),
    });
    expect(siti?.flags).toContain("bpjs_nonaktif");
    const rudi = await people.findByNikHash(vault.hash("1571020101800003"));
    expect(rudi && rudi.kpj && vault.open(rudi.kpj)).toBe("25000000000");
    const entries = await audit.list({ actor: "cli:staf" });
    expect(entries.map((e) => e.action).sort()).toEqual([
      "bpjs.import.applied",
      "bpjs.import.batch",
      "bpjs.import.batch",
    ]);
    expect(JSON.stringify(entries)).not.toContain("1571020101800001");
  });

  it("reads the same list from XLSX, where the NIK is text and dates are real dates", async () => {
    const { people } = await setup();
    const csv = await readTable(fixture);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Peserta");
    sheet.addRow(csv.headers);
    sheet.addRow([
      "1",
      "1571020101800001",
      "25012345678",
      "AHMAD YANI",
      new Date("2025-02-01T00:00:00Z"),
      "03/2026",
      new Date("2026-06-30T00:00:00Z"),
      "AKTIF",
      "JAMBI",
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "bpjs-")), "peserta.xlsx");
    await workbook.xlsx.writeFile(file);
    const plan = await planBpjsImport(await readTable(file), { people, vault });
    expect(plan.counts.update).toBe(1);
    expect(plan.rows[0]).toMatchObject({
      type: "update",
      changes: {
        membershipSince: "2025-02-01",
        paidThrough: "2026-03",
        coverageEndsAt: new Date("2026-07-01T00:00:00+07:00"),
      },
    });
  });

  it("refuses a file without a NIK column", async () => {
    const { people } = await setup();
    await expect(planBpjsImport({ headers: ["Nama", "KPJ"], rows: [] }, { people, vault })).rejects.toThrow(
      "Kolom NIK",
    );
  });
});
