/**
 * Answers about money that depend on who asks and when: the contribution (Rp 0 for a
 * Pemkot-funded member, the discounted amount with its end date for a self-payer in the discount
 * period, the normal amount when asked "normal"), who pays, and whether the discount still runs.
 */
import type { FlowContext } from "../../core/flow";
import type { Reply } from "../../core/messages";
import { calculateContribution, type Sector } from "../../domain/contributions";
import { toJakartaParts } from "../../domain/jakarta-time";
import { programmeFacts as f } from "../../domain/programme-facts";
import { toFaqParams, toMonthName } from "../../nlu/faq-params";
import type { AskerSituation } from "./asker-situation";

const currentMonth = (now: Date) => {
  const { year, month } = toJakartaParts(now);
  return `${year}-${String(month).padStart(2, "0")}`;
};

/** The month a sector's discount ends, when it runs in `month`; undefined otherwise. */
export function toDiscountEnd(sector: Sector, month: string): string | undefined {
  const period = f.discount.value[sector];
  return month >= period.from && month <= period.to ? period.to : undefined;
}

const asksNormal = (text: string) => /\b(normal|biasa|tanpa diskon|full|penuh|sebelum diskon)\b/i.test(text);

function monthly(sector: Sector, month: string, income: number): number {
  return calculateContribution({ income, programmes: ["JKK", "JKM"], month, sector, fundedBy: "self" })
    .monthly;
}

/** The contribution answer for this asker, this month. */
export function toContributionReplies(text: string, situation: AskerSituation, ctx: FlowContext): Reply[] {
  const params = toFaqParams(ctx.language);
  if (situation.fundedBy === "apbd")
    return [{ key: "faq:contribution.apbd", params: { ...params, amount: 0 } }];
  const month = currentMonth(ctx.now);
  const replies: Reply[] = [{ key: "faq:contribution.answer", params }];
  if (asksNormal(text)) return replies;
  const sector = situation.sector;
  if (situation.fundedBy === "self" && sector) {
    const end = toDiscountEnd(sector, month);
    if (end) {
      const amount = monthly(sector, month, situation.income ?? f.minimumIncome.value);
      const until = toMonthName(end, ctx.language);
      return [{ key: "faq:contribution.yourDiscount", params: { ...params, amount, until } }, ...replies];
    }
    return replies;
  }
  const running = (["transport", "other"] as const).filter((s) => toDiscountEnd(s, month));
  if (running.length > 0)
    replies.push({
      key:
        running.length === 2
          ? "faq:contribution.discountNowBoth"
          : `faq:contribution.discountNow.${running[0] ?? "other"}`,
      params: {
        ...params,
        amount: monthly(running[0] ?? "other", month, f.minimumIncome.value),
        transportUntil: toMonthName(f.discount.value.transport.to, ctx.language),
        otherUntil: toMonthName(f.discount.value.other.to, ctx.language),
      },
    });
  replies.push({ key: "faq:contribution.pemkotZero", params });
  return replies;
}

/** Who pays: for a known Pemkot-funded member "Pemkot, Rp 0"; for a self-payer "you"; else both cases. */
export function toWhoPaysReplies(situation: AskerSituation, ctx: FlowContext): Reply[] {
  const params = toFaqParams(ctx.language);
  if (situation.fundedBy === "apbd") return [{ key: "faq:whoPays.apbd", params }];
  if (situation.fundedBy === "self") return [{ key: "faq:whoPays.self", params }];
  return [{ key: "faq:whoPays.answer", params }];
}

/** The discount answer against today's date: running for which sectors, or ended. */
export function toDiscountReplies(situation: AskerSituation, ctx: FlowContext): Reply[] {
  const month = currentMonth(ctx.now);
  const params = toFaqParams(ctx.language);
  if (situation.fundedBy === "apbd") return [{ key: "faq:discount.apbd", params }];
  const running = (["transport", "other"] as const).filter((s) => toDiscountEnd(s, month));
  if (running.length === 0)
    return [
      { key: month < f.discount.value.transport.from ? "faq:discount.notYet" : "faq:discount.ended", params },
    ];
  return [{ key: "faq:discount.answer", params }];
}
