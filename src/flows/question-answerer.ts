/**
 * Decides what free text asks for: a FAQ answer (read against who asks), a calculation, an amount
 * in words, a flow to start, both answers for two questions, a few topics to choose from when
 * unsure, or a polite "outside what I can help with". The trained classifier reads the message
 * (nlu/read-message.ts); deterministic parsers (amounts, programmes, references, follow-ups) go first.
 */
import type { FlowContext } from "../core/flow";
import type { Reply } from "../core/messages";
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
import type { IntentScore } from "../nlu/intent-model";
import { getIntentClassifier } from "../nlu/load-intent-model";
import { thresholds } from "../nlu/nlu-thresholds";
import { readMessage, type Reading } from "../nlu/read-message";
import { actOn, hasSalam, topicOfIntent } from "./answers/intent-actions";
import { registrationPrefix } from "../domain/reference";
import { findReference, toOwnClaimReplies, toRegistrationStatusReplies } from "./answers/status-answers";
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

const costWords = /\b(iuran|iur|bayar|hitung|biaya|contribution|pay|cost|fee)/i;

/** An amount with a cost word (or a calculation intent) is a calculation; with JKK death, its illustration. */
function byAmount(text: string, asks: readonly IntentScore[], ctx: FlowContext): Decision | undefined {
  const amount = toAmount(text);
  const main = asks[0]?.intent;
  if (main === "jkkDeath" && amount !== undefined) return jkkDeath(amount);
  const named = amount !== undefined || toProgrammes(text) !== undefined;
  if (
    named &&
    (main === "calculate" || (costWords.test(text) && (main === "contribution" || main === undefined)))
  )
    return calculation(toRequest(text), ctx);
  return undefined;
}

/** Topics to offer when unsure: the best two or three distinct FAQ topics. */
function toSuggestions(reading: Reading): FaqTopic[] {
  const topics: FaqTopic[] = [];
  for (const { intent, p } of reading.candidates) {
    const topic = isFaqTopic(intent) ? intent : topicOfIntent[intent];
    if (p >= thresholds.candidate && topic && !topics.includes(topic)) topics.push(topic);
    if (topics.length === 3) break;
  }
  return topics;
}

/** Nothing asked clearly: a greeting or thanks, a decline, choices, or nothing. */
async function unclear(text: string, reading: Reading, ctx: FlowContext): Promise<Decision> {
  const top = reading.whole.ranked[0];
  if (top && (top.intent === "greeting" || top.intent === "thanks") && top.p >= thresholds.answer)
    return actOn(top.intent, text, ctx);
  // One unclear word ("iya", "belum") is an answer to something, not an off-topic question.
  if (text.trim().split(/\s+/).length <= 1 && (top?.p ?? 0) < thresholds.answer) return { type: "none" };
  const declined = top?.intent === "outOfScope" && top.p >= thresholds.suggest;
  if (declined || (reading.whole.known < thresholds.unknownShare && (top?.p ?? 0) < thresholds.answer))
    return actOn("outOfScope", text, ctx);
  if ((reading.candidates[0]?.p ?? 0) < thresholds.suggest) return { type: "none" };
  const topics = toSuggestions(reading);
  return topics.length > 0 ? { type: "suggest", topics } : { type: "none" };
}

const familyDeath =
  /\b(suami|istri|bini|laki|bapak|bapaknya|ayah|abah|ibu|emak|umak|mak|anak|abang|kakak|adik|adek|mertua|orang tua|ortu|kakek|nenek|pak rt|ketua rt|husband|wife|father|mother|son|daughter|brother|sister)\b.{0,60}\b(meninggal|wafat|berpulang|died|passed away|tiada|sudah tidak ada|udah ga ada|udh ga ada)\b/i;

/** A family member's death told with a question about the benefit: condolences and the report first. */
function toDeathReportFirst(text: string, asks: readonly IntentScore[], reading: Reading): IntentScore[] {
  const main = asks[0];
  if (!main || !["jkmBenefit", "claimHelp"].includes(main.intent) || !familyDeath.test(text))
    return [...asks];
  const report = reading.whole.ranked.find((r) => r.intent === "deathReport");
  return report && report.p >= 0.1 ? [{ intent: "deathReport", p: main.p }] : [...asks];
}

const deathContext = new Set(["deathReport", "jkmBenefit", "earlyDeath", "jkkDeath", "claimHelp", "heirs"]);
/** In a message about a death, "documents" and "how" are the claim's, not the registration's. */
const inDeathContext: Readonly<Record<string, string>> = {
  requirements: "claimDocuments",
  howToRegister: "claimHelp",
};

function toAsksInContext(asks: readonly IntentScore[]): IntentScore[] {
  if (!asks.some((a) => deathContext.has(a.intent))) return [...asks];
  return asks.map((a) => ({ ...a, intent: inDeathContext[a.intent] ?? a.intent }));
}

/** A second part that only names an aspect ("trus berkasnya apa aja?") asks it of the first part's topic. */
function withElliptical(asks: IntentScore[], reading: Reading): IntentScore[] {
  const main = asks[0];
  if (!main || asks.length > 1) return asks;
  for (const part of reading.askingParts.slice(1)) {
    const aspect = toFollowUpAspect(part);
    const topic = aspect ? toFollowUpTopic(aspect, main.intent) : undefined;
    if (topic && topic !== main.intent) return [main, { intent: topic, p: main.p }];
  }
  return asks;
}

/** Puts two answers together: replies first, then a flow to start (at most one). */
function merge(decisions: Decision[]): Decision {
  const replies: Reply[] = [];
  let start: Extract<Decision, { type: "start" }> | undefined;
  let memory: NluMemory | undefined;
  for (const d of decisions) {
    if (d.type === "replies") {
      replies.push(...d.replies);
      memory ??= d.memory;
    }
    if (d.type === "start" && !start) start = d;
  }
  if (start) return { ...start, replies: [...replies, ...(start.replies ?? [])] };
  if (replies.length === 0) return decisions[0] ?? { type: "none" };
  return { type: "replies", replies, ...(memory ? { memory } : {}) };
}

/** What to do with free text; `minimum` raises the bar (mid-flow, an answer must be clear). */
export async function decideAnswer(
  text: string,
  ctx: FlowContext,
  minimum: number = thresholds.answer,
): Promise<Decision> {
  if (!/\p{L}{2}/u.test(text)) return { type: "none" };
  const memory = toNluMemory(ctx.session.context);
  // A reference first: "DFT-222222" is no amount to calculate with.
  if (findReference(text, registrationPrefix))
    return {
      type: "replies",
      replies: await toRegistrationStatusReplies(text, ctx),
      memory: { topic: "registrationStatus" },
    };
  const ownClaim = await toOwnClaimReplies(text, ctx);
  if (ownClaim) return { type: "replies", replies: ownClaim, memory: { topic: "claimStatus" } };
  if (isWordsRequest(text)) return inWords(toAmount(text) ?? memory.amount, ctx, memory);
  const follow = followUp(text, memory, ctx);
  if (follow) return follow;
  const reading = readMessage(getIntentClassifier(), text);
  const calc = byAmount(text, reading.asks, ctx);
  if (calc) return calc;
  const asks = toAsksInContext(withElliptical(toDeathReportFirst(text, reading.asks, reading), reading));
  if (asks.length === 0 || (asks[0]?.p ?? 0) < minimum || asks[0]?.intent === "outOfScope")
    return unclear(text, reading, ctx);
  const merged = merge(await Promise.all(asks.map((a) => actOn(a.intent, text, ctx))));
  // A salam around a question is answered too ("Waalaikumsalam"), before the answer.
  if (!hasSalam(text) || asks[0]?.intent === "greeting") return merged;
  const salamBack: Reply = { key: "questions:greeting.salam" };
  if (merged.type === "replies") return { ...merged, replies: [salamBack, ...merged.replies] };
  if (merged.type === "start") return { ...merged, replies: [salamBack, ...(merged.replies ?? [])] };
  return merged;
}
