/**
 * What the heirs may receive (DOMAIN §2), never promised: an amount is given as the estimate only
 * when membership is confirmed (an active, verified record with its start date from BPJS data or
 * staff, cover not lapsed before the death). Otherwise the estimate says what it depends on:
 * contributions for 3 months or more → JKM Rp 42 juta; fewer → about Rp 10 juta [U]; never a
 * participant → no JKM. JKK death: 48 × declared income + periodic + burial. The scholarship needs
 * 3 years of contributions for JKM, none for JKK.
 */
import type { MembershipAnswer } from "./membership";
import { programmeFacts } from "./programme-facts";

export type MembershipFacts = {
  /** What the heir said (or the record shows) about the deceased's membership. */
  answer: MembershipAnswer;
  /** Whole months of membership before the death, from BPJS data; undefined while unknown. */
  months: number | undefined;
  /** An active, verified record with BPJS membership data and cover running at the death. */
  confirmed: boolean;
};

export type BenefitInput = {
  programme: "JKK" | "JKM";
  membership: MembershipFacts;
  /** Declared monthly income when the record is known; the minimum is used otherwise (JKK). */
  income: number | undefined;
  /** Children under 23 at school (or not yet of school age). */
  schoolChildren: boolean;
};

export type BenefitEstimate =
  /** Never a participant: no JKM or JKK. */
  | { type: "none" }
  | { type: "jkmFull"; total: number; lumpSum: number; periodic: number; burial: number }
  | { type: "jkmLimited"; total: number }
  /** Membership not confirmed: what each case would give, checked by staff. */
  | { type: "jkmDepends"; full: number; limited: number }
  | {
      type: "jkk" | "jkkDepends";
      total: number;
      lumpSum: number;
      periodic: number;
      burial: number;
      income: number;
      incomeKnown: boolean;
    };

/** "eligible": may be claimed; "notApplicable": JKM with fewer than 3 known years; "depends": dicek petugas. */
export type ScholarshipEstimate = "eligible" | "notApplicable" | "depends" | "none";

/** Whole calendar months between two YYYY-MM-DD days (the day of month counts). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

function estimateJkk(input: BenefitInput): BenefitEstimate {
  const { incomeMultiplier, periodic, burial } = programmeFacts.jkkDeath.value;
  const income = Math.max(input.income ?? 0, programmeFacts.minimumIncome.value);
  const lumpSum = incomeMultiplier * income;
  return {
    type: input.membership.confirmed ? "jkk" : "jkkDepends",
    total: lumpSum + periodic + burial,
    lumpSum,
    periodic,
    burial,
    income,
    incomeKnown: input.income !== undefined,
  };
}

export function estimateBenefit(input: BenefitInput): BenefitEstimate {
  const { membership } = input;
  if (membership.answer === "never" && !membership.confirmed) return { type: "none" };
  if (input.programme === "JKK") return estimateJkk(input);
  const jkm = programmeFacts.jkm.value;
  const limited = programmeFacts.jkmBeforeThreeMonths.value;
  if (!membership.confirmed || membership.months === undefined)
    return { type: "jkmDepends", full: jkm.total, limited };
  if (membership.months < programmeFacts.fullJkmMonths.value) return { type: "jkmLimited", total: limited };
  return { type: "jkmFull", ...jkm };
}

/** Whether asking about school-age children makes sense: the scholarship could still apply. */
export function scholarshipMayApply(input: Omit<BenefitInput, "schoolChildren">): boolean {
  return (
    estimateScholarship({ ...input, schoolChildren: true }) !== "notApplicable" &&
    !(input.membership.answer === "never" && !input.membership.confirmed)
  );
}

export function estimateScholarship(input: BenefitInput): ScholarshipEstimate {
  const { membership } = input;
  if (!input.schoolChildren || (membership.answer === "never" && !membership.confirmed)) return "none";
  if (!membership.confirmed) return "depends";
  if (input.programme === "JKK") return "eligible";
  if (membership.months === undefined) return "depends";
  const years = programmeFacts.scholarship.value.minContributionYears;
  return membership.months >= years * 12 ? "eligible" : "notApplicable";
}
