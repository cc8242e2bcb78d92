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
import type { IntentScore } from "../nlu/intent-model";
import { getIntentClassifier } from "../nlu/load-intent-model";
import { thresholds, type NluThresholds } from "../nlu/nlu-thresholds";
import { readMessage, type Reading } from "../nlu/read-message";
import { toGuardedDecision } from "./answers/figure-guard";
import { actOn, hasSalam } from "./answers/intent-actions";
import { toAsksInContext, toDeathReportFirst } from "./answers/death-context";
import { toUnclearDecision } from "./answers/unclear-answers";
import { claimPrefix, registrationPrefix } from "../domain/reference";
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

const calculationIntents = new Set(["calculate", "contribution", "jkkDeath"]);
const costWords = /\b(iuran|iur|bayar|hitung|biaya|contribution|pay|cost|fee)/i;

/** An amount with a cost word (or a calculation intent) is a calculation; with JKK death, its illustration. */
function byAmount(text: string, reading: Reading, ctx: FlowContext): Decision | undefined {
  const { asks } = reading;
  const amount = toAmount(text);
  const asked = (intent: string) => asks.some((a) => a.intent === intent);
  if (asked("jkkDeath") && amount !== undefined) return jkkDeath(amount);
  const named = amount !== undefined || toProgrammes(text) !== undefined;
  if (
    named &&
    (asked("calculate") || (costWords.test(text) && (asked("contribution") || reading.verdict === "suggest")))
  )
    return calculation(toRequest(text), ctx);
  return undefined;
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

/** Replies said around the answers: "Waalaikumsalam" first for a salam, "Sama-sama" last for thanks. */
function withFraming(decision: Decision, text: string, reading: Reading): Decision {
  const asked = new Set(reading.asks.map((a) => a.intent));
  const before: Reply[] =
    hasSalam(text) && !asked.has("greeting") ? [{ key: "questions:greeting.salam" }] : [];
  const thanked =
    (thanks.test(text) || reading.framing.some((f) => f.intent === "thanks")) && !asked.has("thanks");
  const after: Reply[] = thanked ? [{ key: "questions:thanks" }] : [];
  if (decision.type === "replies")
    return { ...decision, replies: [...before, ...decision.replies, ...after] };
  if (decision.type === "start")
    return { ...decision, replies: [...before, ...(decision.replies ?? []), ...after] };
  return decision;
}

const thanks = /\b(terima ?kasih|makasih|makasi|mksh|trims|thanks|thank you|thx|nuhun)\b/i;

const statusIntents = new Set(["registrationStatus", "claimStatus", "registration", "howToRegister"]);

/** A registration reference or the asker's own claim: looked up, whatever else the message asks. */
async function toStatusDecision(text: string, ctx: FlowContext): Promise<Decision | undefined> {
  if (findReference(text, registrationPrefix))
    return {
      type: "replies",
      replies: await toRegistrationStatusReplies(text, ctx),
      memory: { topic: "registrationStatus" },
    };
  const ownClaim = await toOwnClaimReplies(text, ctx);
  return ownClaim && { type: "replies", replies: ownClaim, memory: { topic: "claimStatus" } };
}

/** The message's other questions, answered after a deterministic answer (a status, a calculation). */
async function withOthers(first: Decision, others: readonly IntentScore[], text: string, ctx: FlowContext) {
  return merge([first, ...(await Promise.all(others.map((a) => actOn(a.intent, text, ctx))))]);
}

/** The bar a reading must clear; mid-flow (`minimum` above the calibrated one) it is higher. */
function toThresholds(minimum: number): NluThresholds {
  if (minimum <= thresholds.answer) return thresholds;
  return { ...thresholds, answer: minimum, second: Math.max(thresholds.second, minimum) };
}

/** What the classifier's reading says to do, deterministic parsers first. */
async function toReadingDecision(text: string, reading: Reading, ctx: FlowContext): Promise<Decision> {
  const status = await toStatusDecision(text, ctx);
  const seconds = reading.asks.length > 1 ? reading.asks : [];
  if (status)
    return withOthers(
      status,
      seconds.filter((a) => !statusIntents.has(a.intent)),
      text,
      ctx,
    );
  const calc = byAmount(text, reading, ctx);
  if (calc)
    return withOthers(
      calc,
      seconds.filter((a) => !calculationIntents.has(a.intent)),
      text,
      ctx,
    );
  // A KLM- reference in a message read as nothing clear asks that claim's status (it was reported).
  if (reading.verdict !== "answer" && findReference(text, claimPrefix))
    return actOn("claimStatus", text, ctx);
  const report = toDeathReportFirst(text, reading);
  if (!report && reading.verdict !== "answer") return toUnclearDecision(text, reading, ctx);
  const asks = toAsksInContext(report ?? reading.asks);
  return merge(await Promise.all(asks.map((a) => actOn(a.intent, text, ctx))));
}

/** What to do with free text; `minimum` raises the bar (mid-flow, an answer must be clear). */
export async function decideAnswer(
  text: string,
  ctx: FlowContext,
  minimum: number = thresholds.answer,
): Promise<Decision> {
  if (!/\p{L}{2}/u.test(text)) return { type: "none" };
  const memory = toNluMemory(ctx.session.context);
  // A reference first: "DFT-222222" is no amount to calculate with, nor a follow-up.
  const referenced = findReference(text, registrationPrefix) !== undefined;
  if (!referenced && isWordsRequest(text)) return inWords(toAmount(text) ?? memory.amount, ctx, memory);
  const follow = referenced ? undefined : followUp(text, memory, ctx);
  if (follow) return follow;
  const reading = readMessage(getIntentClassifier(), text, toThresholds(minimum));
  const decision = await toReadingDecision(text, reading, ctx);
  const framed = reading.verdict === "answer" ? withFraming(decision, text, reading) : decision;
  return toGuardedDecision(framed, reading, text, ctx);
}
