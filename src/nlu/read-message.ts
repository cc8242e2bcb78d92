/**
 * Reads a message with the intent classifier: the whole message, and each part of it
 * (message-parts.ts), so a greeting or an introduction around a question does not hide it, and two
 * questions give two intents. Classifying (the costly part) and deciding (pure, on the
 * probabilities and nlu-thresholds.ts) are separate, so cross-validation can try thresholds on
 * the same readings (scripts/calibrate.ts). A part is read in the context of the whole message
 * (see inContext): a part and a whole that agree give a confident reading, a part that disagrees
 * with the whole does not. Nothing is answered below the thresholds: the bot offers choices,
 * declines, or says nothing instead.
 */
import type { Classification, IntentClassifier, IntentScore } from "./intent-model";
import { toFollowUpAspect } from "./calc-request";
import { toContentWords } from "./content-words";
import { toFollowUpTopic } from "./conversation-memory";
import { isQuestionPart, toMessageParts } from "./message-parts";
import { thresholds as calibrated, type NluThresholds } from "./nlu-thresholds";

/** Intents that carry no question: they frame one. */
export const framingIntents: ReadonlySet<string> = new Set(["greeting", "thanks", "context"]);

/** A part: `asking` when it may carry the question, `question` when it reads as one ("?", "berapa"…). */
export type PartReading = {
  text: string;
  asking: boolean;
  question: boolean;
  classification: Classification;
};

/** What the classifier made of a message and of each of its parts (more than one). */
export type ClassifiedMessage = { text: string; whole: Classification; parts: PartReading[] };

/** What to do: answer `asks`, greet or thank back, decline, offer `candidates`, or nothing. */
export type Verdict = "answer" | "framing" | "decline" | "suggest" | "none";

export type Reading = {
  verdict: Verdict;
  /** The whole message's classification. */
  whole: Classification;
  /** What the message asks, in the order asked: one intent, two for two questions, none when unclear. */
  asks: IntentScore[];
  /** The framing the message carries (a salam, thanks), when any. */
  framing: IntentScore[];
  /** Intents worth offering as choices when nothing is clear, best first. */
  candidates: IntentScore[];
  /** The parts that ask something, when the message has several parts. */
  askingParts: string[];
};

type Candidate = IntentScore & { margin: number; order: number };

const questionsOf = (ranked: readonly IntentScore[]) => ranked.filter((s) => !framingIntents.has(s.intent));

export function classifyMessage(classifier: IntentClassifier, text: string): ClassifiedMessage {
  const whole = classifier.classify(text);
  const texts = toMessageParts(text);
  const parts =
    texts.length > 1
      ? texts.map((part) => {
          const classification = classifier.classify(part);
          const own = classification.ranked[0];
          const question = isQuestionPart(part);
          const asking = question || (own !== undefined && !framingIntents.has(own.intent));
          return { text: part, asking, question, classification };
        })
      : [];
  return { text, whole, parts };
}

/** The best question of a ranking, with its lead over the next. */
function toCandidate(ranked: readonly IntentScore[], order: number): Candidate | undefined {
  const [top, next] = questionsOf(ranked);
  return top && { ...top, margin: top.p - (next?.p ?? 0), order };
}

/**
 * A part read with the whole message as its context: the mean of the part's probability and the
 * whole message's, doubled (a message asking two things gives each about half), at most 1.
 */
function inContext(part: Classification, whole: Classification): IntentScore[] {
  const wholeP = new Map(whole.ranked.map((r) => [r.intent, r.p]));
  return part.ranked
    .map((r) => ({ intent: r.intent, p: (r.p + Math.min(1, 2 * (wholeP.get(r.intent) ?? 0))) / 2 }))
    .sort((a, b) => b.p - a.p);
}

/**
 * What the message may ask: the whole message's best intent, and each asking part's, read in
 * context. When some part reads as a question, statements around it only give context.
 */
function toMainCandidates(message: ClassifiedMessage): Candidate[] {
  const whole = toCandidate(message.whole.ranked, -1);
  const anyQuestion = message.parts.some((part) => part.question);
  const parts = message.parts.flatMap((part, i) =>
    (anyQuestion ? part.question : part.asking)
      ? (toCandidate(inContext(part.classification, message.whole), i) ?? [])
      : [],
  );
  return [...(whole ? [whole] : []), ...parts].sort((a, b) => b.p - a.p);
}

/** The question part the main intent reads strongest in (-1 when no part reads as a question). */
function toMainPart(message: ClassifiedMessage, main: Candidate): number {
  const pOf = (part: PartReading) => part.classification.ranked.find((r) => r.intent === main.intent)?.p ?? 0;
  let best = -1;
  message.parts.forEach((part, i) => {
    const current = message.parts[best];
    if (part.question && (current === undefined || pOf(part) > pOf(current))) best = i;
  });
  return best;
}

/**
 * What each other part that reads as a question asks on its own (its best intent, so the main
 * question never takes over another part), with its probability read in context and its own lead.
 * The part the main question reads strongest in asks nothing more. The context of a second
 * question is what the whole message asks besides the main question: a part that reads clearly
 * on its own (`secondOwn`, not out of scope) is measured against the whole message's probabilities
 * without the main intent's share (the whole message of two questions leans to one of them);
 * otherwise against the whole's own, doubled. A part with fewer than two content words
 * ("syaratnya apa?") is elliptical: after an out-of-scope question it is out of scope too.
 */
function toSecondCandidates(message: ClassifiedMessage, main: Candidate, t: NluThresholds): Candidate[] {
  const elliptical = (text: string) => toContentWords(text).length < 2;
  const wholeP = new Map(message.whole.ranked.map((r) => [r.intent, r.p]));
  const besideMain = Math.max(1e-6, 1 - (wholeP.get(main.intent) ?? 0));
  const mainPart = toMainPart(message, main);
  return message.parts
    .flatMap((part, i) => {
      if (i === mainPart || !part.question) return [];
      if (main.intent === "outOfScope" && elliptical(part.text)) return [];
      const own = toCandidate(part.classification.ranked, i);
      if (!own) return [];
      const whole = wholeP.get(own.intent) ?? 0;
      const clear = own.intent !== "outOfScope" && own.p >= t.secondOwn;
      const context = Math.min(1, Math.max(2 * whole, clear ? whole / besideMain : 0));
      return [{ ...own, p: (own.p + context) / 2 }];
    })
    .sort((a, b) => b.p - a.p);
}

/** The intents asked clearly enough, in the order asked: the main one, then other parts' own questions. */
function toAsks(message: ClassifiedMessage, mains: readonly Candidate[], t: NluThresholds): IntentScore[] {
  const main = mains.find((c) => c.p >= t.answer && c.margin >= t.margin);
  if (!main) return [];
  const asks: Candidate[] = [main];
  for (const c of toSecondCandidates(message, main, t)) {
    if (asks.length === 3 || asks.some((a) => a.intent === c.intent)) continue;
    if (c.p >= t.second && c.margin >= t.secondMargin) asks.push(c);
  }
  return asks.sort((a, b) => a.order - b.order).map(({ intent, p }) => ({ intent, p }));
}

/** A part that only names an aspect ("trus berkasnya apa aja?") asks it of the main question's topic. */
function withElliptical(asks: IntentScore[], message: ClassifiedMessage): IntentScore[] {
  const main = asks[0];
  if (!main || asks.length > 1) return asks;
  const mainPart = toMainPart(message, { ...main, margin: 0, order: 0 });
  for (const [i, part] of message.parts.entries()) {
    if (!part.question || i === mainPart) continue;
    const aspect = toFollowUpAspect(part.text);
    const topic = aspect ? toFollowUpTopic(aspect, main.intent) : undefined;
    if (topic && topic !== main.intent) return [main, { intent: topic, p: main.p }];
  }
  return asks;
}

function toFraming(message: ClassifiedMessage, t: NluThresholds): IntentScore[] {
  return [message.whole, ...message.parts.map((p) => p.classification)]
    .map((c) => c.ranked[0])
    .filter((s): s is IntentScore => s !== undefined && framingIntents.has(s.intent) && s.p >= t.answer);
}

/** Nothing asked clearly: greet or thank back, decline, offer choices, or nothing. */
function toUnclearVerdict(message: ClassifiedMessage, candidates: Candidate[], t: NluThresholds): Verdict {
  const top = message.whole.ranked[0];
  const p = top?.p ?? 0;
  if (top && (top.intent === "greeting" || top.intent === "thanks") && p >= t.answer) return "framing";
  // One unclear word ("iya", "belum") is an answer to something, not an off-topic question.
  if (message.text.trim().split(/\s+/).length <= 1) return "none";
  if (top?.intent === "outOfScope" && p >= t.decline) return "decline";
  if (message.whole.domain < t.domain && p < t.answer) return "decline";
  return (candidates[0]?.p ?? 0) >= t.suggest ? "suggest" : "none";
}

export function toReading(message: ClassifiedMessage, t: NluThresholds = calibrated): Reading {
  const candidates = toMainCandidates(message);
  const asks = withElliptical(toAsks(message, candidates, t), message);
  const main = asks[0];
  const verdict: Verdict =
    main === undefined
      ? toUnclearVerdict(message, candidates, t)
      : asks.every((a) => a.intent === "outOfScope")
        ? "decline"
        : "answer";
  return {
    verdict,
    whole: message.whole,
    asks,
    framing: toFraming(message, t),
    candidates: [...candidates, ...questionsOf(message.whole.ranked).slice(1, 4)]
      .filter((c) => c.intent !== "outOfScope")
      .sort((a, b) => b.p - a.p)
      .map(({ intent, p }) => ({ intent, p })),
    askingParts: message.parts.filter((p) => p.asking).map((p) => p.text),
  };
}

export function readMessage(
  classifier: IntentClassifier,
  text: string,
  t: NluThresholds = calibrated,
): Reading {
  return toReading(classifyMessage(classifier, text), t);
}
