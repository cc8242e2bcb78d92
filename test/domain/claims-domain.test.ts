import { estimateBenefit, estimateScholarship, monthsBetween } from "../../src/domain/benefit-estimate";
import { requiredDocuments, toDocumentTypeFromCaption } from "../../src/domain/claim-documents";
import { detectFileType } from "../../src/domain/file-type";
import { groupsBefore, heirRank, heirStanding } from "../../src/domain/heirs";

describe("order of heirs (DOMAIN §3.1)", () => {
  it("ranks spouse and child first, then blood line, siblings, parents-in-law, will, funeral", () => {
    expect(
      ["spouse", "child", "parent", "grandchild", "sibling", "parentInLaw", "willNamed", "other"].map((r) =>
        heirRank(r as never),
      ),
    ).toEqual([1, 1, 2, 2, 3, 4, 5, 6]);
  });
  it("asks a parent-in-law about the three groups before them", () => {
    expect(groupsBefore("parentInLaw")).toEqual(["spouseOrChild", "bloodLine", "sibling"]);
  });
  it("puts a closer living relative first", () => {
    expect(heirStanding("sibling", "bloodLine")).toEqual({
      type: "someoneCloser",
      closer: "bloodLine",
      group: "sibling",
    });
    expect(heirStanding("sibling", undefined)).toEqual({ type: "entitled", group: "sibling" });
    expect(heirStanding("spouse", "spouseOrChild")).toEqual({ type: "entitled", group: "spouseOrChild" });
  });
});

describe("benefit estimates (DOMAIN §2)", () => {
  const base = { programme: "JKM" as const, income: 1_000_000, schoolChildren: true };
  it("gives Rp 42 juta after 3 months, the limited amount before", () => {
    expect(estimateBenefit({ ...base, contributionMonths: 3 })).toMatchObject({
      type: "jkmFull",
      total: 42_000_000,
    });
    expect(estimateBenefit({ ...base, contributionMonths: 2 })).toEqual({
      type: "jkmLimited",
      total: 10_000_000,
    });
  });
  it("gives the JKM scholarship only after 3 years, the JKK one always", () => {
    expect(estimateScholarship({ ...base, contributionMonths: 35 })).toBe("notYet");
    expect(estimateScholarship({ ...base, contributionMonths: 36 })).toBe("eligible");
    expect(estimateScholarship({ ...base, programme: "JKK", contributionMonths: 1 })).toBe("eligible");
  });
  it("computes JKK death as 48 × income + 12 jt + 10 jt, never below the minimum income", () => {
    expect(
      estimateBenefit({ ...base, programme: "JKK", contributionMonths: 1, income: 2_000_000 }),
    ).toMatchObject({ total: 118_000_000 });
    expect(
      estimateBenefit({ ...base, programme: "JKK", contributionMonths: 1, income: undefined }),
    ).toMatchObject({ total: 70_000_000, incomeKnown: false });
  });
  it("counts whole months", () => {
    expect(monthsBetween("2025-12-15", "2026-03-14")).toBe(2);
    expect(monthsBetween("2025-12-15", "2026-03-15")).toBe(3);
  });
});

describe("documents", () => {
  it("asks a spouse for the buku nikah, JKK for the chronology, families with pupils for school proof", () => {
    expect(
      requiredDocuments({ programme: "JKM", relationship: "child", schoolChildren: false }),
    ).not.toContain("marriageBook");
    expect(requiredDocuments({ programme: "JKK", relationship: "spouse", schoolChildren: true })).toEqual(
      expect.arrayContaining([
        "marriageBook",
        "accidentChronology",
        "schoolProof",
        "deathCertificate",
        "heirLetter",
      ]),
    );
  });
  it.each([
    ["Akta kematian", "deathCertificate"],
    ["foto KK", "familyCard"],
    ["ktp almarhum", "ktpDeceased"],
    ["KTP saya", "ktpHeir"],
    ["surat ahli waris dari kelurahan", "heirLetter"],
    ["buku tabungan BRI", "bankBook"],
    ["selfie", undefined],
  ])("reads the caption %s", (caption, type) => expect(toDocumentTypeFromCaption(caption)).toBe(type));
  it("knows JPEG, PNG and PDF by their bytes, not their names", () => {
    expect(detectFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))?.mimeType).toBe("image/jpeg");
    expect(detectFileType(new TextEncoder().encode("%PDF-1.4"))?.mimeType).toBe("application/pdf");
    expect(detectFileType(new TextEncoder().encode("MZ\u0090 exe"))).toBeUndefined();
  });
});
