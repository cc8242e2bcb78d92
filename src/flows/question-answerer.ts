/**
 * Decides what free text asks for: a FAQ answer, a calculation, an amount in words, a flow to
 * start, a few topics to choose from when unsure, or a polite "outside what I can help with".
 * Pure apart from reading the session's memory; callers store `memory` and render the decision.
 */
import { lookup } from "../domain/lookup";
import type { FlowContext } from "../core/flow";
import {
  isFollowUp,
  isWordsRequest,
  toAmount,
  toFollowUpAspect,
  toProgrammes,
  toSector,
} from "../nlu/calc-request";
import { calculationTopics, toFollowUpTopic, toNluMemory, type NluMemory } from "../nlu/conversation-memory";
import { isFaqTopic, type FaqTopic } from "../nlu/faq-topics";
import { intentExamples } from "../nlu/intent-examples";
import { createIntentMatcher, type IntentMatch } from "../nlu/intent-matcher";
import {
  calculation,
  defaultRequest,
  faqAnswer,
  inWords,
  jkkDeath,
  toRequest,
  type Decision,
} from "./question-replies";

export type { Decision } from "./question-replies";

/** Scores at or above this answer directly; between `suggestAt` and this, topics are offered. */
export const answerAt = 0.45;
export const suggestAt = 0.2;

const matcher = createIntentMatcher(intentExamples);

/** The matcher used for answers (exported for the benchmark and the accuracy floor test). */
export const questionMatcher = matcher;

const flowIntents: Readonly<Record<string, string>> = {
  registration: "registration",
  deathReport: "deathReport",
  claimStatus: "claimStatus",
  myData: "myData",
  eligibility: "eligibility",
};
/** The FAQ topic standing in for an action intent in suggestions and mid-flow answers. */
const topicOfAction: Readonly<Record<string, FaqTopic>> = {
  registration: "howToRegister",
  deathReport: "claimHelp",
  claimStatus: "claimStatusHow",
  myData: "privacy",
  eligibility: "requirements",
  calculate: "contribution",
};
/** Reads `text` against what was said before: a new figure, programme, sector or aspect. */
function followUp(text: string, memory: NluMemory, ctx: FlowContext): Decision | undefined {
  if ((memory.topic === undefined && memory.calc === undefined) || !isFollowUp(text)) return undefined;
  const aspect = toFollowUpAspect(text);
  const topic = aspect ? toFollowUpTopic(aspect, memory.topic) : undefined;
  if (topic) return faqAnswer(topic, ctx);
  const amount = toAmount(text);
  if (memory.topic === "jkkDeath" && amount !== undefined) return jkkDeath(amount);
  const programmes = toProgrammes(text);
  const sector = toSector(text);
  if (amount === undefined && programmes === undefined && sector === undefined) return undefined;
  if (memory.calc === undefined && !calculationTopics.has(memory.topic ?? "")) return undefined;
  const base = memory.calc ?? defaultRequest();
  return calculation(
    {
      ...base,
      income: amount ?? base.income,
      programmes: programmes ?? base.programmes,
      sector: sector ?? base.sector,
      sectorAssumed: sector === undefined && base.sectorAssumed === true,
    },
    ctx,
  );
}

const smallTalk = new Set(["thanks", "greeting"]);

/** Weak matches made mostly of words no in-scope example uses: cooking, politics, gadgets… */
function isOutOfScope(match: IntentMatch): boolean {
  const top = match.ranked[0];
  if (top === undefined || smallTalk.has(top.intent)) return false;
  if (top.intent === "outOfScope" && top.score >= suggestAt) return true;
  if (match.inScopeShare === 0 && match.tokens.some((t) => t !== "num")) return true;
  return match.inScopeShare < 0.5 && top.score < 0.3;
}

/**
 * The intent the answer acts on: the matcher's best, overridden by what the words say plainly
 * (an amount with "iuran" is a calculation, "terbilang" asks for words). The benchmark scores this.
 */
export function toEffectiveIntent(text: string, match: IntentMatch = matcher.match(text)): string {
  if (isWordsRequest(text)) return "words";
  const top = match.ranked[0];
  const amount = toAmount(text);
  if (top?.intent === "jkkDeath" && amount !== undefined) return "jkkDeath";
  const asksCost = match.tokens.some((t) => t === "iuran" || t === "hitung" || t === "bayar");
  if ((amount !== undefined || toProgrammes(text) !== undefined) && (asksCost || top?.intent === "calculate"))
    return "calculate";
  if (match.tokens.length === 0) return "greeting";
  if (isOutOfScope(match)) return "outOfScope";
  return top?.intent ?? "none";
}

/** Topics to offer when unsure: the best two or three distinct FAQ topics. */
function toSuggestions(match: IntentMatch): FaqTopic[] {
  const topics: FaqTopic[] = [];
  for (const { intent, score } of match.ranked) {
    const topic = isFaqTopic(intent) ? intent : lookup(topicOfAction, intent);
    if (score >= 0.12 && topic && !topics.includes(topic)) topics.push(topic);
    if (topics.length === 3) break;
  }
  return topics;
}

function act(intent: string, text: string, ctx: FlowContext, memory: NluMemory): Decision {
  if (isFaqTopic(intent)) return faqAnswer(intent, ctx);
  const flow = lookup(flowIntents, intent);
  if (flow)
    return ctx.session.flow?.id === flow
      ? { type: "none" }
      : {
          type: "start",
          flow,
          memory: { topic: intent },
          // The death report reads what the heir already said ("suami sy meninggal kemarin").
          ...(flow === "deathReport" ? { data: { said: text } } : {}),
        };
  switch (intent) {
    case "calculate":
      return { type: "start", flow: "calculator", memory: { topic: "calculate" } };
    case "words":
      return inWords(toAmount(text) ?? memory.amount, ctx, memory);
    case "thanks":
      return { type: "replies", replies: [{ key: "questions:thanks" }] };
    case "outOfScope":
      return { type: "replies", replies: [{ key: "questions:outOfScope" }], outOfScope: true };
    default:
      return { type: "none" };
  }
}

/** What to do with free text; `minimum` raises the bar (mid-flow, an answer must be clear). */
export function decideAnswer(text: string, ctx: FlowContext, minimum = answerAt): Decision {
  if (!/\p{L}{2}/u.test(text)) return { type: "none" };
  const memory = toNluMemory(ctx.session.context);
  const follow = isWordsRequest(text) ? undefined : followUp(text, memory, ctx);
  if (follow) return follow;
  const match = matcher.match(text);
  const intent = toEffectiveIntent(text, match);
  const top = match.ranked[0];
  switch (intent) {
    case "words":
      return inWords(toAmount(text) ?? memory.amount, ctx, memory);
    case "calculate":
      if (toAmount(text) === undefined && toProgrammes(text) === undefined) break;
      return calculation(toRequest(text), ctx);
    case "jkkDeath":
      if (toAmount(text) === undefined) break;
      return jkkDeath(toAmount(text) ?? 0);
    case "outOfScope":
      return { type: "replies", replies: [{ key: "questions:outOfScope" }], outOfScope: true };
    case "greeting":
      return { type: "none" };
  }
  if (!top || top.score < suggestAt) return { type: "none" };
  if (top.score < minimum) {
    const topics = toSuggestions(match);
    return topics.length > 0 ? { type: "suggest", topics } : { type: "none" };
  }
  return act(top.intent, text, ctx, memory);
}
