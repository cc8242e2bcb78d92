import { bpjsColumns, toBpjsCsv, toCsvCell } from "../../src/flows/staff-registrations/bpjs-export";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createPeopleRepository } from "../../src/storage/repositories/people.repository";
import { aNewPerson } from "../support/people-factory";
import { testVaultKeys } from "../support/test-chat";

describe("the BPJS export CSV", () => {
  it("has the documented header and one row per person with the NIK in clear", async () => {
    const vault = createVault(testVaultKeys);
    const people = createPeopleRepository(createMemoryDocumentStore());
    await people.register(
      aNewPerson(vault, { name: 'Budi "Ojek" Santoso', fundedBy: "apbd" }),
      new Date("2026-03-02T02:00:00Z"),
    );
    const csv = toBpjsCsv(await people.search({}), (p) => vault.open(p.nik));
    const [header, row] = csv.split("\r\n");
    expect(header).toBe(bpjsColumns.join(","));
    expect(row).toMatch(
      /^DFT-[2-9A-HJKMNP-Z]{6},1571080703800001,"Budi ""Ojek"" Santoso",1980-03-07,L,081234567890,Jelutung,Lebak Bandung,3,22,ojek,,1000000,JKK\+JKM,APBD,pending,2026-03-02,$/,
    );
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(toCsvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(toCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(toCsvCell("Lebak Bandung")).toBe("Lebak Bandung");
  });
});
