/**
 * Monthly BPU contributions (DOMAIN §1.3, §1.4): JKK 1% of declared income (minimum Rp 1 juta),
 * JKM flat Rp 6.800, JHT 2% (optional). The 2026 50% discount on JKK+JKM applies by month and
 * sector, never to APBD-funded participants, never to JHT.
 */
import { programmeFacts } from "./programme-facts";

export type ProgrammeCode = "JKK" | "JKM" | "JHT";
export type Sector = "transport" | "other";

export type ContributionInput = {
  /** Declared monthly income in rupiah. */
  income: number;
  programmes: readonly ProgrammeCode[];
  /** "YYYY-MM" the contribution is for. */
  month: string;
  sector: Sector;
  fundedBy: "apbd" | "self";
};

export type Contribution = {
  /** The income the rates apply to (never below the minimum). */
  basis: number;
  belowMinimum: boolean;
  jkk: number;
  jkm: number;
  jht: number;
  /** Discount taken off JKK+JKM this month. */
  discount: number;
  discountReason: "applied" | "apbd" | "outsidePeriod" | "none";
  monthly: number;
  yearly: number;
};

function inPeriod(month: string, period: { from: string; to: string }): boolean {
  return month >= period.from && month <= period.to;
}

export function calculateContribution(input: ContributionInput): Contribution {
  const minimum = programmeFacts.minimumIncome.value;
  const basis = Math.max(input.income, minimum);
  const has = (p: ProgrammeCode) => input.programmes.includes(p);
  const jkk = has("JKK") ? Math.round(basis * programmeFacts.jkkRate.value) : 0;
  const jkm = has("JKM") ? programmeFacts.jkmFlat.value : 0;
  const jht = has("JHT") ? Math.round(basis * programmeFacts.jhtRate.value) : 0;
  const { rate, transport, other } = programmeFacts.discount.value;
  const period = input.sector === "transport" ? transport : other;
  let discountReason: Contribution["discountReason"] = "none";
  let discount = 0;
  if (jkk + jkm > 0) {
    if (input.fundedBy === "apbd") discountReason = "apbd";
    else if (!inPeriod(input.month, period)) discountReason = "outsidePeriod";
    else {
      discountReason = "applied";
      discount = Math.round((jkk + jkm) * rate);
    }
  }
  const monthly = jkk + jkm + jht - discount;
  return {
    basis,
    belowMinimum: input.income < minimum,
    jkk,
    jkm,
    jht,
    discount,
    discountReason,
    monthly,
    yearly: monthly * 12,
  };
}

/** "2026-11" + 3 → "2027-02". */
export function toMonthAfter(month: string, count: number): string {
  const [year = 0, mon = 1] = month.split("-").map(Number);
  const index = year * 12 + (mon - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * What twelve months cost from `input.month` on, month by month, so a discount period that ends
 * within the year is counted right (12 × this month's amount would not be).
 */
export function calculateTwelveMonths(input: ContributionInput): number {
  let total = 0;
  for (let i = 0; i < 12; i += 1)
    total += calculateContribution({ ...input, month: toMonthAfter(input.month, i) }).monthly;
  return total;
}
