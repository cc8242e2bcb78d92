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
  scholarship: {
    value: {
      maxChildren: 2,
      /** Years of contributions needed for a JKM (non-work-accident) death; none for JKK death. */
      minContributionYears: 3,
      maxPerChild: 87_000_000,
      endsAtAge: 23,
      arrearsSchoolYears: 3,
      levels: [
        { level: "tk", yearly: 1_500_000, maxYears: 2 },
        { level: "sd", yearly: 1_500_000, maxYears: 6 },
        { level: "smp", yearly: 2_000_000, maxYears: 3 },
        { level: "sma", yearly: 3_000_000, maxYears: 3 },
        { level: "college", yearly: 12_000_000, maxYears: 5 },
      ],
    },
    source: "PP 82/2019; Permenaker 1/2025 (Brosur BPU 2026 transcription, Okezone 2025-03-09)",
    asOf: "2025-03-09",
  },
  /** Consecutive months of contributions before a BPU member's heirs get the full JKM. */
  fullJkmMonths: { value: 3, source: "Brosur BPU 2026; bursakota", asOf: "2026-01-01", uncertain: true },
  /** A KTP is normally issued from 17: the practical lower age, to be confirmed by BPJS. */
  practicalMinAge: {
    value: 17,
    source: "DOMAIN §1.1 (no minimum age found)",
    asOf: "2026-01-01",
    uncertain: true,
  },
  maxOccupations: { value: 2, source: "Brosur BPU 2026 (transcription)", asOf: "2026-01-01" },
  paymentDeadlineDay: { value: 15, source: "Kompas via Kontan", asOf: "2026-01-01" },
  advancePaymentMonths: { value: [3, 6, 12], source: "alkhairaat (BPJS Sulteng)", asOf: "2026-01-01" },
  /** Months unpaid after which a BPU membership becomes non-active; reactivation rules are [U]. */
  lapseMonths: { value: 3, source: "alkhairaat (BPJS Sulteng)", asOf: "2026-01-01" },
  jkmPaymentWorkingDays: {
    value: 3,
    source: "Permenaker 44/2015 Pasal 19; Permenaker 1/2025 Pasal 79; Kompas 2022-01-18",
    asOf: "2025-02-24",
  },
  latePaymentCompensationPerDay: {
    value: 0.01,
    source: "Permenaker 1/2025 Pasal 79 (construction sector; BPU presumed the same)",
    asOf: "2025-02-24",
    uncertain: true,
  },
  jkkPaymentWorkingDays: { value: 7, source: "PP 44/2015 Pasal 37", asOf: "2015-07-01" },
  /** JKK benefits while alive (DOMAIN §2.3 "Other JKK benefits for BPU", [S]). */
  jkkBenefits: {
    value: {
      transportLand: 5_000_000,
      transportSea: 2_000_000,
      transportAir: 10_000_000,
      stmbFirstMonths: 12,
      totalDisabilityMultiplier: 56,
      partialDisabilityMultiplier: 80,
      homecare: 20_000_000,
      dentures: 5_000_000,
      hearingAid: 2_500_000,
      glasses: 1_000_000,
    },
    source: "Brosur BPU 2026 (transcription); PP 82/2019; Okezone 2025-03-09 on Permenaker 1/2025",
    asOf: "2026-01-01",
    uncertain: true,
  },
  jkkClaimLapseYears: { value: 5, source: "PP 82/2019", asOf: "2019-12-02" },
  accidentReportHours: { value: 48, source: "inews; Permenaker 1/2025 Pasal 48A", asOf: "2025-02-24" },
  dataRequestHours: { value: 72, source: "UU 27/2022 Pasal 5–8, 30, 32, 46", asOf: "2024-10-17" },
  contacts: {
    value: {
      callCentre: "175",
      email: "care@bpjsketenagakerjaan.go.id",
      website: "bpjsketenagakerjaan.go.id",
      tracking: "bpjsketenagakerjaan.go.id/tracking",
      lapakAsik: "lapakasik.bpjsketenagakerjaan.go.id",
      app: "JMO (Jamsostek Mobile)",
      branch: "Kantor Cabang BPJS Ketenagakerjaan Jambi",
    },
    source: "DOMAIN §0, §7 (ipol, kepotimes, Brosur BPU 2026); no confirmed national WhatsApp number",
    asOf: "2026-01-01",
  },
} satisfies Record<string, Fact<unknown>>;
