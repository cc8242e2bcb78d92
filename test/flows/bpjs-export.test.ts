import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { toCsv, toCsvCell } from "../../src/exports/csv.writer";
import { writeXlsx } from "../../src/exports/xlsx.writer";
import { bpjsColumns, toBpjsSheet } from "../../src/flows/staff-registrations/bpjs-export";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createPeopleRepository } from "../../src/storage/repositories/people.repository";
import { aNewPerson } from "../support/people-factory";
import { testVaultKeys } from "../support/test-chat";

const vault = createVault(testVaultKeys);
/** Registered at 06:00 WIB on 1 March, which is still 28 February in UTC. */
const registeredAt = new Date("2026-02-28T23:00:00Z");

async function exportedSheet() {
  const people = createPeopleRepository(createMemoryDocumentStore());
  await people.register(aNewPerson(vault, { name: 'Budi "Ojek" Santoso', fundedBy: "apbd" }), registeredAt);
  return toBpjsSheet(await people.search({}), {
    nik: (p) => vault.open(p.nik),
    kpj: (p) => (p.kpj ? vault.open(p.kpj) : undefined),
  });
}

describe("the BPJS export", () => {
  it("as CSV for Indonesian Excel: BOM, ';' between cells, NIK and phone kept as text, WIB days", async () => {
    const csv = toCsv(await exportedSheet());
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, row] = csv.slice(1).split("\r\n");
    expect(header).toBe(bpjsColumns.join(";"));
    expect(row).toMatch(
      /^DFT-[2-9A-HJKMNP-Z]{6};="1571080703800001";"Budi ""Ojek"" Santoso";1980-03-07;L;="081234567890";Jelutung;Lebak Bandung;3;22;ojek;;1000000;JKK\+JKM;APBD;pending;2026-03-01;;;;;$/,
    );
  });

  it("as XLSX read back: the NIK survives as 16-digit text, the phone keeps its 0, days are WIB dates", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "xlsx-")), "bpu.xlsx");
    await writeXlsx(file, [await exportedSheet()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet("Peserta BPU");
    const header = sheet?.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(bpjsColumns);
    const row = sheet?.getRow(2);
    expect(row?.getCell(2).value).toBe("1571080703800001");
    expect(row?.getCell(6).value).toBe("081234567890");
    expect(row?.getCell(17).value).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(row?.getCell(17).numFmt).toBe("dd/mm/yyyy");
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.getColumn(2).width).toBe(19);
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const column = { header: "x", kind: "text" } as const;
    expect(toCsvCell('=HYPERLINK("x")', column)).toBe('"\'=HYPERLINK(""x"")"');
    expect(toCsvCell("@SUM(A1)", column)).toBe("'@SUM(A1)");
    expect(toCsvCell("Lebak Bandung", column)).toBe("Lebak Bandung");
  });
});
