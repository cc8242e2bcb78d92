import {
  estimateBenefit,
  estimateScholarship,
  monthsBetween,
  scholarshipMayApply,
} from "../../src/domain/benefit-estimate";
import { requiredDocuments, toMissing } from "../../src/domain/claim-documents";
import { toDocumentTypeFromCaption } from "../../src/domain/document-words";
import { saysNeverRegistered, toMembershipAnswer } from "../../src/domain/membership";
import { namesShareWord, toNameScore } from "../../src/domain/name-match";
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

describe("benefit estimates (DOMAIN §2): an amount only on confirmed membership", () => {
  const confirmed = (months: number | undefined) => ({ answer: "pemkot" as const, months, confirmed: true });
  const base = { programme: "JKM" as const, income: 1_000_000, schoolChildren: true };
  it("gives Rp 42 juta after 3 months, the limited amount before", () => {
    expect(estimateBenefit({ ...base, membership: confirmed(3) })).toMatchObject({
      type: "jkmFull",
      total: 42_000_000,
    });
    expect(estimateBenefit({ ...base, membership: confirmed(2) })).toEqual({
      type: "jkmLimited",
      total: 10_000_000,
    });
  });
  it("says what it depends on while membership is not confirmed, and nothing for a non-participant", () => {
    expect(
      estimateBenefit({ ...base, membership: { answer: "pemkot", months: 40, confirmed: false } }),
    ).toEqual({
      type: "jkmDepends",
      full: 42_000_000,
      limited: 10_000_000,
    });
    expect(
      estimateBenefit({ ...base, membership: { answer: "never", months: undefined, confirmed: false } }),
    ).toEqual({
      type: "none",
    });
    expect(
      estimateScholarship({ ...base, membership: { answer: "never", months: undefined, confirmed: false } }),
    ).toBe("none");
  });
  it("gives the JKM scholarship only after 3 years, the JKK one always, and depends while unknown", () => {
    expect(estimateScholarship({ ...base, membership: confirmed(35) })).toBe("notApplicable");
    expect(estimateScholarship({ ...base, membership: confirmed(36) })).toBe("eligible");
    expect(estimateScholarship({ ...base, programme: "JKK", membership: confirmed(1) })).toBe("eligible");
    expect(
      estimateScholarship({
        ...base,
        membership: { answer: "unknown", months: undefined, confirmed: false },
      }),
    ).toBe("depends");
    expect(scholarshipMayApply({ ...base, membership: confirmed(12) })).toBe(false);
  });
  it("computes JKK death as 48 × income + 12 jt + 10 jt, never below the minimum income", () => {
    expect(
      estimateBenefit({ ...base, programme: "JKK", membership: confirmed(1), income: 2_000_000 }),
    ).toMatchObject({ type: "jkk", total: 118_000_000 });
    expect(
      estimateBenefit({ ...base, programme: "JKK", membership: confirmed(1), income: undefined }),
    ).toMatchObject({ total: 70_000_000, incomeKnown: false });
  });
  it("counts whole months", () => {
    expect(monthsBetween("2025-12-15", "2026-03-14")).toBe(2);
    expect(monthsBetween("2025-12-15", "2026-03-15")).toBe(3);
  });
});

describe("membership as the heir says it", () => {
  it.each([
    ["bapak sy gak pernah daftar bpjs, gmn dong?", "never"],
    ["tidak pernah terdaftar", "never"],
    ["gak tau", "unknown"],
    ["didaftarkan pemkot, dia ketua rt", "pemkot"],
    ["bayar sendiri tiap bulan", "self"],
    ["lewat perusahaan tempat kerja", "employer"],
  ])("reads %s", (text, answer) => expect(toMembershipAnswer(text)).toBe(answer));
  it("hears 'never registered' only when it is said about BPJS or registering", () => {
    expect(saysNeverRegistered("bapak sy gak pernah daftar bpjs, gmn dong?")).toBe(true);
    expect(saysNeverRegistered("tidak tahu")).toBe(false);
    expect(saysNeverRegistered("tidak")).toBe(false);
  });
});

describe("names with typos (finding the deceased)", () => {
  it("takes a typo or an honorific, not another person", () => {
    expect(toNameScore("siti aminnah", "Siti Aminah")).toBeGreaterThan(0);
    expect(toNameScore("Achmad Yani", "Ahmad Yani")).toBeGreaterThan(0);
    expect(toNameScore("alm. Pak Ahmad Yani", "Ahmad Yani")).toBeGreaterThan(0);
    expect(toNameScore("Siti", "Siti Aminah")).toBe(0);
    expect(toNameScore("Siti Aminah", "Siti Rahmah")).toBe(0);
    expect(namesShareWord("pak ahmad", "Ahmad Yani")).toBe(true);
    expect(namesShareWord("Rahmat", "Ahmad Yani")).toBe(false);
  });
});

describe("documents", () => {
  const base = {
    cause: "other" as const,
    relationship: "child" as const,
    membership: "pemkot" as const,
    scholarship: false,
  };
  it("asks a spouse for the buku nikah, JKK for the accident papers, families with pupils for school proof", () => {
    expect(requiredDocuments(base)).not.toContain("marriageBook");
    expect(requiredDocuments({ ...base, cause: "road", relationship: "spouse", scholarship: true })).toEqual(
      expect.arrayContaining([
        "marriageBook",
        "accidentChronology",
        "accidentReport",
        "medicalLetter",
        "witnessKtp",
        "policeReport",
        "schoolProof",
        "deathCertificate",
        "heirLetter",
      ]),
    );
    expect(requiredDocuments({ ...base, cause: "work" })).not.toContain("policeReport");
  });
  it("asks the KPJ card only of members who had one, and the heir's own KK outside the household", () => {
    expect(requiredDocuments(base)).not.toContain("kpjCard");
    expect(requiredDocuments({ ...base, membership: "self" })).toContain("kpjCard");
    expect(requiredDocuments({ ...base, membership: "employer" })).toEqual(
      expect.arrayContaining(["kpjCard", "employerLetter"]),
    );
    expect(requiredDocuments({ ...base, relationship: "sibling" })).toContain("familyCardHeir");
    expect(requiredDocuments({ ...base, membership: "never" })).toEqual(["ktpDeceased", "deathCertificate"]);
  });
  it("takes the surat keterangan kematian for the akta until staff ask for the akta itself", () => {
    const claim = {
      required: ["deathCertificate" as const],
      requested: [],
      received: ["deathLetter" as const],
    };
    expect(toMissing(claim)).toEqual([]);
    expect(toMissing({ ...claim, requested: [{ type: "deathCertificate" as const }] })).toEqual([
      "deathCertificate",
    ]);
    expect(toMissing({ ...claim, received: [], waived: ["deathCertificate" as const] })).toEqual([]);
  });
  it.each([
    ["Akta kematian", "deathCertificate"],
    ["surat keterangan kematian dari kelurahan", "deathLetter"],
    ["foto KK", "familyCard"],
    ["kk saya", "familyCardHeir"],
    ["ktp almarhum", "ktpDeceased"],
    ["KTP saya", "ktpHeir"],
    ["surat ahli waris dari kelurahan", "heirLetter"],
    ["buku tabungan BRI", "bankBook"],
    ["laporan polisi", "policeReport"],
    ["selfie", undefined],
  ])("reads the caption %s", (caption, type) => expect(toDocumentTypeFromCaption(caption)).toBe(type));
  it("knows JPEG, PNG and PDF by their bytes, not their names", () => {
    expect(detectFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))?.mimeType).toBe("image/jpeg");
    expect(detectFileType(new TextEncoder().encode("%PDF-1.4"))?.mimeType).toBe("application/pdf");
    expect(detectFileType(new TextEncoder().encode("MZ\u0090 exe"))).toBeUndefined();
  });
});
