/**
 * An estimate of what the heirs may receive (DOMAIN §2), always shown as "dikonfirmasi BPJS":
 * JKM Rp 42 juta after 3 months of contributions, the limited amount [U] before; JKK death
 * 48 × declared income + periodic + burial; the scholarship (JKM after 3 years, JKK always).
 */
import { programmeFacts } from "./programme-facts";

export type BenefitInput = {
  programme: "JKK" | "JKM";
  /** Whole months of membership before the death; undefined when the deceased was not found. */
  contributionMonths: number | undefined;
  /** Declared monthly income; undefined when unknown (the minimum is used for JKK). */
  income: number | undefined;
  schoolChildren: boolean;
};

export type BenefitEstimate =
  | { type: "jkmFull"; total: number; lumpSum: number; periodic: number; burial: number }
  | { type: "jkmLimited"; total: number }
  /** Deceased not found: the full amount if contributions ran 3 months, the limited one if not. */
  | { type: "jkmUnknown"; full: number; limited: number }
  | {
      type: "jkk";
      total: number;
      lumpSum: number;
      periodic: number;
      burial: number;
      income: number;
      incomeKnown: boolean;
    };

export type ScholarshipEstimate = "eligible" | "notYet" | "unknown" | "none";

/** Whole calendar months between two YYYY-MM-DD days (the day of month counts). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

export function estimateBenefit(input: BenefitInput): BenefitEstimate {
  const jkm = programmeFacts.jkm.value;
  const limited = programmeFacts.jkmBeforeThreeMonths.value;
  if (input.programme === "JKK") {
    const { incomeMultiplier, periodic, burial } = programmeFacts.jkkDeath.value;
    const income = Math.max(input.income ?? 0, programmeFacts.minimumIncome.value);
    const lumpSum = incomeMultiplier * income;
    return {
      type: "jkk",
      total: lumpSum + periodic + burial,
      lumpSum,
      periodic,
      burial,
      income,
      incomeKnown: input.income !== undefined,
    };
  }
  if (input.contributionMonths === undefined) return { type: "jkmUnknown", full: jkm.total, limited };
  if (input.contributionMonths < programmeFacts.fullJkmMonths.value)
    return { type: "jkmLimited", total: limited };
  return { type: "jkmFull", ...jkm };
}

export function estimateScholarship(input: BenefitInput): ScholarshipEstimate {
  if (!input.schoolChildren) return "none";
  if (input.programme === "JKK") return "eligible";
  if (input.contributionMonths === undefined) return "unknown";
  return input.contributionMonths >= programmeFacts.scholarship.value.minContributionYears * 12
    ? "eligible"
    : "notYet";
}
