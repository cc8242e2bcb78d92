/**
 * Reads a message with the intent classifier: the whole message, and each part of it (message-parts.ts),
 * so a greeting or an introduction around a question does not hide it, and two questions give two
 * intents. The result is what the answerer acts on; thresholds are calibrated on the internal
 * validation set (see scripts/bench/nlu.bench.ts) and live in nlu-thresholds.ts.
 */
import type { Classification, IntentClassifier, IntentScore } from "./intent-model";
import { isQuestionPart, toMessageParts } from "./message-parts";
import { thresholds } from "./nlu-thresholds";

/** Intents that carry no question: they frame one. */
export const framingIntents: ReadonlySet<string> = new Set(["greeting", "thanks", "context"]);

export type Reading = {
  /** The whole message's classification. */
  whole: Classification;
  /** What the message asks, best first: one intent, two for two questions, none when unclear. */
  asks: IntentScore[];
  /** The framing the message carries (a salam, thanks), when any. */
  framing: IntentScore[];
  /** Intents worth offering as choices when nothing is clear, best first. */
  candidates: IntentScore[];
  /** The parts that ask something, when the message has several parts. */
  askingParts: string[];
};

function best(c: Classification): IntentScore {
  return c.ranked[0] ?? { intent: "outOfScope", p: 0 };
}

/** The best non-framing intent of a classification. */
function bestQuestion(c: Classification): IntentScore | undefined {
  return c.ranked.find((s) => !framingIntents.has(s.intent));
}

export function readMessage(classifier: IntentClassifier, text: string): Reading {
  const whole = classifier.classify(text);
  const parts = toMessageParts(text);
  const partReadings =
    parts.length > 1 ? parts.map((p) => ({ part: p, reading: classifier.classify(p) })) : [];
  const framing = [whole, ...partReadings.map((r) => r.reading)]
    .map(best)
    .filter((s) => framingIntents.has(s.intent) && s.p >= thresholds.answer);
  const wholeQuestion = bestQuestion(whole);
  // Parts that ask something (a question word, "?", "tolong…"): statements around them are context.
  const partQuestions = partReadings
    .filter((r) => isQuestionPart(r.part))
    .map((r) => best(r.reading))
    .filter((s) => !framingIntents.has(s.intent) && s.intent !== "outOfScope");
  // Each asking part is read with the whole message as its context: the mean of both probabilities.
  const wholeP = new Map(whole.ranked.map((r) => [r.intent, r.p]));
  const scores = new Map<string, number>();
  const consider = (intent: string, p: number) => {
    if (!framingIntents.has(intent) && p > (scores.get(intent) ?? 0)) scores.set(intent, p);
  };
  for (const r of whole.ranked.slice(0, 5)) consider(r.intent, r.p);
  for (const { part, reading } of partReadings)
    if (isQuestionPart(part))
      for (const r of reading.ranked.slice(0, 3)) consider(r.intent, (r.p + (wholeP.get(r.intent) ?? 0)) / 2);
  const ranked = [...scores].map(([intent, p]) => ({ intent, p })).sort((a, b) => b.p - a.p);
  const asks: IntentScore[] = [];
  const main = ranked[0];
  if (main && main.p >= thresholds.answer) asks.push(main);
  // A second question: another asking part that clearly reads as something else.
  for (const part of partQuestions) {
    if (asks.length !== 1 || asks.some((a) => a.intent === part.intent)) continue;
    const supported = (wholeP.get(part.intent) ?? 0) >= thresholds.secondSupport;
    if (part.p >= thresholds.secondAlone || (part.p >= thresholds.second && supported)) asks.push(part);
  }
  const candidates = [
    ...(wholeQuestion ? [wholeQuestion] : []),
    ...whole.ranked.filter((s) => !framingIntents.has(s.intent)).slice(1, 4),
    ...partQuestions,
  ];
  const askingParts = partReadings.filter((r) => isQuestionPart(r.part)).map((r) => r.part);
  return { whole, asks, framing, candidates, askingParts };
}
