/**
 * Reads a message with the intent classifier: the whole message, and each part of it (message-parts.ts),
 * so a greeting or an introduction around a question does not hide it, and two questions give two
 * intents. The result is what the answerer acts on; thresholds are calibrated on the internal
 * validation set (see scripts/bench/nlu.bench.ts) and live in nlu-thresholds.ts.
 */
import type { Classification, IntentClassifier, IntentScore } from "./intent-model";
import { toMessageParts } from "./message-parts";
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
  const partReadings = parts.length > 1 ? parts.map((p) => classifier.classify(p)) : [];
  const framing = [whole, ...partReadings]
    .map(best)
    .filter((s) => framingIntents.has(s.intent) && s.p >= thresholds.answer);
  const asks: IntentScore[] = [];
  const wholeQuestion = bestQuestion(whole);
  const partQuestions = partReadings
    .map(best)
    .filter((s) => !framingIntents.has(s.intent) && s.intent !== "outOfScope");
  // The main question: the whole message's reading, or a part's when that is clearer.
  const clearestPart = [...partQuestions].sort((a, b) => b.p - a.p)[0];
  const main =
    clearestPart && wholeQuestion && clearestPart.p > wholeQuestion.p && best(whole).intent !== clearestPart.intent
      ? clearestPart
      : wholeQuestion;
  if (main && main.p >= thresholds.answer) asks.push(main);
  // A second question: another part that clearly asks something else.
  for (const part of partQuestions) {
    if (asks.length === 0 || asks.length >= 2 || asks.some((a) => a.intent === part.intent)) continue;
    if (part.p >= thresholds.second) asks.push(part);
  }
  const candidates = [
    ...(wholeQuestion ? [wholeQuestion] : []),
    ...whole.ranked.filter((s) => !framingIntents.has(s.intent)).slice(1, 4),
    ...partQuestions,
  ];
  return { whole, asks, framing, candidates };
}
