/**
 * Figures the bot states that can change, in one place with their source and date
 * (DOMAIN §0, §1.3, §1.4, §2). Staff update them here, not in flows or locale texts.
 * `uncertain: true` marks [U] facts: the bot words them "silakan konfirmasi ke Kantor Cabang".
 */
export type Fact<T> = { value: T; source: string; asOf: string; uncertain?: boolean };

export const programmeFacts = {
  jkkRate: {
    value: 0.01,
    source: "PP 44/2015 Lampiran II jo. PP 49/2023; PP 50/2025 (CNBC Indonesia 2026-02-04)",
    asOf: "2026-02-04",
  },
  jkmFlat: { value: 6_800, source: "PP 44/2015 jo. PP 49/2023; PP 50/2025", asOf: "2026-02-04" },
  jhtRate: { value: 0.02, source: "Permenaker 5/2021; Brosur BPU 2026", asOf: "2026-01-01" },
  minimumIncome: { value: 1_000_000, source: "Brosur BPU 2026 (transcription)", asOf: "2026-01-01" },
  /** JKK income brackets of Lampiran II were not retrieved: 1% of declared income is the safe statement. */
  jkkBracketsUncertain: { value: true, source: "DOMAIN §1.3 [U]", asOf: "2026-01-01", uncertain: true },
  discount: {
    value: {
      rate: 0.5,
      transport: { from: "2026-01", to: "2027-03" },
      other: { from: "2026-04", to: "2026-12" },
    },
    source: "PP 50/2025 (promulgated 2025-12-22); CNBC Indonesia 2026-02-04",
    asOf: "2026-02-04",
  },
  maxRegistrationAge: {
    value: 65,
    source: "Brosur BPU 2026 (transcription); not found in regulation text",
    asOf: "2026-01-01",
    uncertain: true,
  },
  apbdYearlyPerWorker: {
    value: 201_600,
    source: "Kampung Bahagia programme (Tribun 2025-07-08)",
    asOf: "2025-07-08",
  },
  jkm: {
    value: { lumpSum: 20_000_000, periodic: 12_000_000, burial: 10_000_000, total: 42_000_000 },
    source: "PP 82/2019",
    asOf: "2019-12-02",
  },
  jkmBeforeThreeMonths: {
    value: 10_000_000,
    source: "Brosur BPU 2026; BPJS Meulaboh (split disputed)",
    asOf: "2026-01-01",
    uncertain: true,
  },
  jkkDeath: {
    value: { incomeMultiplier: 48, periodic: 12_000_000, burial: 10_000_000 },
    source: "PP 82/2019; Brosur BPU 2026",
    asOf: "2026-01-01",
  },
  scholarshipMaxTotal: { value: 174_000_000, source: "PP 82/2019", asOf: "2019-12-02" },
  /** BPU: full JKM after this many consecutive months of contributions, the limited amount before. */
  jkmFullAfterMonths: { value: 3, source: "Brosur BPU 2026; bursakota (DOMAIN §2.2)", asOf: "2026-01-01" },
  /** JKM scholarship needs this many years of contributions (JKK death: none). */
  scholarshipMinYears: { value: 3, source: "PP 82/2019", asOf: "2019-12-02" },
  scholarshipMaxChildren: { value: 2, source: "PP 82/2019", asOf: "2019-12-02" },
  /** Report a work accident within this many hours, first at a PLKK (DOMAIN §2.3). */
  workAccidentReportHours: {
    value: 48,
    source: "Permenaker 1/2025 Art. 48A; inews (DOMAIN §2.3)",
    asOf: "2025-02-24",
  },
  /** JKM is paid within this many working days of a complete application (DOMAIN §3.3). */
  jkmPaymentWorkingDays: {
    value: 3,
    source: "Permenaker 44/2015 Art. 19; Permenaker 1/2025 Art. 79; Kompas 2022-01-18",
    asOf: "2025-02-24",
  },
  /** JKK cash benefits within this many working days (PP 44/2015 Art. 37). */
  jkkPaymentWorkingDays: { value: 7, source: "PP 44/2015 Art. 37", asOf: "2015-07-01" },
  /** JKK claims lapse this many years after the accident. */
  jkkClaimLapseYears: { value: 5, source: "PP 82/2019", asOf: "2019-12-02" },
} satisfies Record<string, Fact<unknown>>;
