/**
 * Reports on a seeded city (test/support/report-seed.ts), with every figure worked out by hand.
 */
import { computeBudgetReport } from "../../src/reports/budget.report";
import { computeClaimsReport } from "../../src/reports/claims.report";
import { computeCoverageReport } from "../../src/reports/coverage.report";
import { loadReportAssumptions } from "../../src/reports/report-assumptions";
import { toBudgetSheets, toCoverageSheets } from "../../src/reports/report-sheets";
import { createReportQueries } from "../../src/storage/report-queries";
import { seedCity } from "../support/report-seed";

const assumptions = loadReportAssumptions();

describe("coverage report", () => {
  it("counts registrations per kecamatan, kelurahan and RT by status and by who pays, leaving deleted records out", async () => {
    const { store } = await seedCity();
    const report = await computeCoverageReport(createReportQueries(store), assumptions);
    expect(report.totals).toEqual({
      total: 8,
      byStatus: { active: 4, pending: 2, inactive: 1, rejected: 1, deceased: 0 },
      apbd: 4,
      self: 4,
    });
    const [jelutung, telanaipura] = report.kecamatan;
    expect(jelutung).toMatchObject({ name: "Jelutung", total: 5, apbd: 2, self: 3 });
    expect(telanaipura).toMatchObject({ name: "Telanaipura", total: 3, apbd: 2, self: 1 });
    expect(jelutung?.kelurahan[0]?.rts.map((r) => [r.rw, r.rt, r.total])).toEqual([
      ["2", "5", 1],
      ["3", "22", 4],
    ]);
    expect(
      telanaipura?.kelurahan[0]?.rts.map((r) => [r.rw, r.rt, r.byStatus.active, r.byStatus.pending]),
    ).toEqual([
      ["1", "3", 2, 0],
      ["1", "4", 0, 1],
    ]);
  });

  it("sets RT heads per kelurahan against the official RT count, and the APBD quota against its targets", async () => {
    const { store } = await seedCity();
    const report = await computeCoverageReport(createReportQueries(store), assumptions);
    expect(report.rtHeads).toMatchObject({
      rtsWithHead: 2,
      officialTotal: 1650,
      confirmed: false,
      rows: [
        { kecamatan: "Jelutung", kelurahan: "Lebak Bandung", rtsWithHead: 1, rtsWithActiveHead: 0 },
        { kecamatan: "Telanaipura", kelurahan: "Simpang IV Sipin", rtsWithHead: 1, rtsWithActiveHead: 1 },
      ],
    });
    expect(report.quota).toEqual([
      { group: "rt_head", label: "Ketua RT", target: 1650, active: 1, pending: 1, percent: 0.1 },
      { group: "pekerja_rentan", label: "Pekerja rentan", target: 4000, active: 0, pending: 0, percent: 0 },
      { group: "petugas_syara", label: "Petugas syara'", target: 1316, active: 1, pending: 0, percent: 0.1 },
    ]);
  });

  it("narrows to one kecamatan, and its sheets carry no NIK or name", async () => {
    const { store } = await seedCity();
    const report = await computeCoverageReport(createReportQueries(store), assumptions, {
      kecamatan: "Telanaipura",
    });
    expect(report.kecamatan.map((k) => k.name)).toEqual(["Telanaipura"]);
    expect(report.totals.total).toBe(3);
    const cells = JSON.stringify(toCoverageSheets(report));
    expect(cells).not.toMatch(/Warga \d|1571\d{12}/);
  });
});

describe("APBD budget projection", () => {
  it("by target: (1,650 RT heads + 4,000 pekerja rentan + 1,316 petugas syara') × Rp16.800 × 12", async () => {
    const { store } = await seedCity();
    const report = await computeBudgetReport(createReportQueries(store), assumptions);
    expect(report.byTarget).toMatchObject({ members: 6966, yearly: 1_404_345_600 });
    expect(report.byTarget.rows.map((r) => r.yearly)).toEqual([332_640_000, 806_400_000, 265_305_600]);
    expect(report.assumptions.join("\n")).toContain("Rp16.800/bulan");
  });

  it("by registrations: APBD pays JKK + JKM for active and pending members; self-payers' discount only in its months", async () => {
    const { store } = await seedCity();
    const { byRegistrations } = await computeBudgetReport(createReportQueries(store), assumptions);
    // APBD: 3 members (two RT heads, one petugas syara') × (10.000 + 6.800) × 12.
    expect(byRegistrations.apbdMembers).toBe(3);
    expect(byRegistrations.apbdYearly).toBe(604_800);
    // Self: 1 jt (JKK 120.000 + JKM 81.600), 1,5 jt ojek (180.000 + 81.600, minus 50% of 21.800 in
    // Jan–Mar 2027 = 32.700), 2 jt with JHT (240.000 + 81.600 + 480.000).
    expect(byRegistrations.selfMembers).toBe(3);
    expect(byRegistrations.discountYearly).toBe(32_700);
    expect(byRegistrations.selfYearly).toBe(1_232_100);
    const self = Object.fromEntries(
      byRegistrations.rows.filter((r) => r.fundedBy === "self").map((r) => [r.programme, r.yearly]),
    );
    expect(self).toEqual({ JKK: 540_000, JKM: 244_800, JHT: 480_000, discount: -32_700 });
    expect(
      toBudgetSheets(await computeBudgetReport(createReportQueries(store), assumptions))[0]?.notes,
    ).toEqual(expect.arrayContaining([expect.stringContaining("tidak berlaku untuk iuran APBD")]));
  });
});

describe("claims report", () => {
  it("counts claims per stage and overdue ones, and averages the days spent in each stage", async () => {
    const { store, claims } = await seedCity();
    const report = await computeClaimsReport(
      createReportQueries(store),
      claims,
      new Date("2026-03-20T09:00:00+07:00"),
    );
    const row = (stage: string) => report.rows.find((r) => r.stage === stage);
    expect(report.total).toBe(3);
    expect(report.overdue).toBe(1);
    expect(row("DIPROSES_BPJS")).toEqual({
      stage: "DIPROSES_BPJS",
      now: 1,
      overdue: 1,
      averageDays: 3,
      stays: 1,
    });
    expect(row("LAPORAN_DITERIMA")).toMatchObject({ now: 1, averageDays: 1.5, stays: 2 });
    expect(row("MENUNGGU_DOKUMEN")).toMatchObject({ now: 0, averageDays: 4, stays: 2 });
    expect(row("DIAJUKAN_KE_BPJS")).toMatchObject({ averageDays: 2, stays: 2 });
    expect(row("DIBAYAR")).toMatchObject({ now: 1, stays: 0 });
    expect(row("DIBAYAR")?.averageDays).toBeUndefined();
  });
});
