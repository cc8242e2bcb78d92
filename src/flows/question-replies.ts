/**
 * The answers a decision carries: a FAQ answer, a calculation, a JKK death illustration, an amount
 * in words, each with what to remember for follow-ups.
 */
import type { FlowContext } from "../core/flow";
import type { Reply } from "../core/messages";
import { toAmountInWords } from "../domain/amount-words";
import { programmeFacts } from "../domain/programme-facts";
import { toAmount, toProgrammes, toSector } from "../nlu/calc-request";
import type { NluMemory } from "../nlu/conversation-memory";
import { toFaqParams } from "../nlu/faq-params";
import type { FaqTopic } from "../nlu/faq-topics";
import { toCalculationReplies, toJkkDeathReplies, type CalculationRequest } from "./calculation.replies";

export type Decision =
  | { type: "replies"; replies: Reply[]; memory?: NluMemory; outOfScope?: boolean; showMenu?: boolean }
  /** Starts a flow; `replies` (an answer to another question in the same message) come first. */
  | { type: "start"; flow: string; data?: unknown; memory?: NluMemory; replies?: Reply[] }
  | { type: "suggest"; topics: FaqTopic[] }
  | { type: "none" };

/** An amount a topic's answer states, for "tulis dengan huruf" right after it. */
const topicAmounts: Partial<Record<FaqTopic, number>> = {
  jkmBenefit: programmeFacts.jkm.value.total,
  scholarship: programmeFacts.scholarshipMaxTotal.value,
  earlyDeath: programmeFacts.jkmBeforeThreeMonths.value,
  whoPays: programmeFacts.apbdYearlyPerWorker.value,
};

export function faqAnswer(topic: FaqTopic, ctx: FlowContext): Decision {
  const amount = topicAmounts[topic] ?? (topic === "contribution" ? 16_800 : undefined);
  return {
    type: "replies",
    replies: [{ key: `faq:${topic}.answer`, params: toFaqParams(ctx.language) }],
    memory: { topic, ...(amount === undefined ? {} : { amount }) },
  };
}

export function calculation(request: CalculationRequest, ctx: FlowContext): Decision {
  const replies = toCalculationReplies(request, ctx);
  const monthly = replies[0]?.params?.monthly;
  return {
    type: "replies",
    replies,
    memory: {
      topic: "calculate",
      calc: request,
      ...(typeof monthly === "number" ? { amount: monthly } : {}),
    },
  };
}

export function jkkDeath(income: number): Decision {
  const replies = toJkkDeathReplies(income);
  const total = replies[0]?.params?.total;
  return {
    type: "replies",
    replies,
    memory: { topic: "jkkDeath", ...(typeof total === "number" ? { amount: total } : {}) },
  };
}

export function inWords(amount: number | undefined, ctx: FlowContext, memory: NluMemory): Decision {
  if (amount === undefined) return { type: "replies", replies: [{ key: "calculator:words.askAmount" }] };
  const words = toAmountInWords(amount, ctx.language);
  if (words === undefined) return { type: "replies", replies: [{ key: "calculator:words.tooLarge" }] };
  return {
    type: "replies",
    replies: [{ key: "calculator:words.result", params: { amount, words } }],
    memory: { ...memory, amount },
  };
}

export const defaultRequest = (): CalculationRequest => ({
  income: programmeFacts.minimumIncome.value,
  programmes: ["JKK", "JKM"],
  sector: "other",
  fundedBy: "self",
  sectorAssumed: true,
});

/** A calculation request from a one-line question. */
export function toRequest(text: string): CalculationRequest {
  const sector = toSector(text);
  return {
    ...defaultRequest(),
    income: toAmount(text) ?? programmeFacts.minimumIncome.value,
    programmes: toProgrammes(text) ?? ["JKK", "JKM"],
    sector: sector ?? "other",
    sectorAssumed: sector === undefined,
  };
}
