/**
 * Replies for a contribution calculation and a JKK death-benefit illustration, shared by the
 * calculator flow and the question answerer (one-line requests and follow-ups).
 */
import type { FlowContext } from "../core/flow";
import type { Reply } from "../core/messages";
import {
  calculateContribution,
  calculateTwelveMonths,
  type ProgrammeCode,
  type Sector,
} from "../domain/contributions";
import { toJakartaParts } from "../domain/jakarta-time";
import { programmeFacts as f } from "../domain/programme-facts";
import { toJkkDeathBenefit, toMonthName } from "../nlu/faq-params";

export type CalculationRequest = {
  income: number;
  programmes: ProgrammeCode[];
  sector: Sector;
  fundedBy: "self" | "apbd";
  /** The sector was not asked but assumed ("other"): say so and how to change it. */
  sectorAssumed?: boolean;
};

/** "YYYY-MM" of now in WIB. */
export function toCurrentMonth(now: Date): string {
  const { year, month } = toJakartaParts(now);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** The calculation, its discount note and any caveats, as replies. */
export function toCalculationReplies(request: CalculationRequest, ctx: FlowContext): Reply[] {
  const input = { ...request, month: toCurrentMonth(ctx.now) };
  const result = calculateContribution(input);
  const period = f.discount.value[request.sector];
  const params = {
    ...result,
    yearly: calculateTwelveMonths(input),
    jkkPercent: f.jkkRate.value * 100,
    jhtPercent: f.jhtRate.value * 100,
    discountPercent: f.discount.value.rate * 100,
    minIncome: f.minimumIncome.value,
    period: `${toMonthName(period.from, ctx.language)}–${toMonthName(period.to, ctx.language)}`,
  };
  const withJht = request.programmes.includes("JHT");
  const discounted = result.discount > 0;
  const main = withJht
    ? discounted
      ? "calculator:result.fullDiscount"
      : "calculator:result.full"
    : discounted
      ? "calculator:result.basicDiscount"
      : "calculator:result.basic";
  const replies: Reply[] = [{ key: main, params }];
  if (result.discountReason !== "none")
    replies.push({ key: `calculator:result.${result.discountReason}`, params });
  if (result.belowMinimum) replies.push({ key: "calculator:result.belowMinimum", params });
  else if (result.basis !== f.minimumIncome.value)
    replies.push({ key: "calculator:result.brackets", params });
  if (request.sectorAssumed) replies.push({ key: "calculator:result.sectorAssumed" });
  return replies;
}

/** The JKK death benefit worked out for a declared income (an illustration, [U]). */
export function toJkkDeathReplies(income: number): Reply[] {
  const { lumpSum, total } = toJkkDeathBenefit(income);
  return [
    {
      key: "calculator:jkkDeath.result",
      params: {
        basis: Math.max(income, f.minimumIncome.value),
        multiplier: f.jkkDeath.value.incomeMultiplier,
        lumpSum,
        periodic: f.jkkDeath.value.periodic,
        burial: f.jkkDeath.value.burial,
        total,
        children: f.scholarship.value.maxChildren,
      },
    },
  ];
}
