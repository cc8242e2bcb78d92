/**
 * Cross-validation of the intent model on its own training data: k folds (stratified by label,
 * assigned by a hash of the text, so deterministic), a model trained on the other folds reads each
 * held-out row (whole message and parts), and the readings are scored under any thresholds
 * without classifying again. This is where nlu-thresholds.ts and the training options are chosen;
 * the held-out files in test/nlu/heldout are never used for that.
 */
import { createHash } from "node:crypto";
import { createIntentClassifier } from "../../src/nlu/intent-model";
import type { NluThresholds } from "../../src/nlu/nlu-thresholds";
import { classifyMessage, toReading, type ClassifiedMessage } from "../../src/nlu/read-message";
import { toLabelParts, trainIntentModel, type TrainingOptions } from "../../src/nlu/train-intent-model";
import type { LabelledRow } from "../../src/nlu/training-data";

export type FoldReading = { row: LabelledRow; message: ClassifiedMessage };

const hashOf = (text: string) => createHash("sha1").update(text).digest("hex");

/** The fold (0…k-1) of each row: stratified by label, in the order of the text's hash. */
export function toFolds(rows: readonly LabelledRow[], k: number, salt = 0): number[] {
  const order = rows
    .map((row, i) => ({ i, key: `${row.label}\t${hashOf(`${salt}\t${row.text}`)}` }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const folds = new Array<number>(rows.length).fill(0);
  order.forEach(({ i }, position) => (folds[i] = position % k));
  return folds;
}

/**
 * Every row read by a model that never saw it; with `repeats` > 1, the whole cross-validation
 * again over other folds (each row read once per repeat), which steadies the figures.
 */
export function crossValidate(
  rows: readonly LabelledRow[],
  options: TrainingOptions,
  k = 5,
  repeats = 1,
): FoldReading[] {
  const readings: FoldReading[] = [];
  for (let salt = 0; salt < repeats; salt += 1) readings.push(...crossValidateOnce(rows, options, k, salt));
  return readings;
}

function crossValidateOnce(
  rows: readonly LabelledRow[],
  options: TrainingOptions,
  k: number,
  salt: number,
): FoldReading[] {
  const folds = toFolds(rows, k, salt);
  const readings: FoldReading[] = [];
  for (let fold = 0; fold < k; fold += 1) {
    const model = trainIntentModel(
      rows.filter((_, i) => folds[i] !== fold),
      options,
    );
    const classifier = createIntentClassifier(model);
    rows.forEach((row, i) => {
      if (folds[i] === fold) readings.push({ row, message: classifyMessage(classifier, row.text) });
    });
  }
  return readings;
}

export type CvOutcome = "direct" | "wrong" | "partial" | "menu" | "declined" | "none";

export type CvFigures = {
  total: number;
  direct: number;
  wrong: number;
  partial: number;
  menu: number;
  declined: number;
  /** Answered rows that also got an answer to something they did not ask. */
  extra: number;
  outOfScope: number;
  /** Out-of-scope rows answered with a programme figure (the budget allows none)… */
  outOfScopeAnswered: number;
  /** …and answered with something that states no figure (contacts, a flow). */
  outOfScopeRouted: number;
};

/** True when the reading answers an intent the row's label does not name. */
function answersExtra(reading: FoldReading, t: NluThresholds): boolean {
  const { verdict, asks } = toGuardedReading(reading, t);
  const wanted = reading.row.label.split(/[+|]/);
  return verdict === "answer" && asks.some((a) => !wanted.includes(a.intent) && !framing.has(a.intent));
}

const framing = new Set(["greeting", "thanks", "context"]);

/** Intents whose answer states a programme figure (see figure-guard.ts); set by the caller. */
export const figureIntents = new Set<string>();

/** The reading, with the figure guard: no figure for a message mostly unknown to the domain. */
function toGuardedReading(reading: FoldReading, t: NluThresholds) {
  const result = toReading(reading.message, t);
  const unfamiliar = reading.message.whole.domain < t.domain;
  if (result.verdict === "answer" && unfamiliar && result.asks.some((a) => figureIntents.has(a.intent)))
    return { ...result, verdict: "decline" as const, asks: [] };
  return result;
}

/** What the bot would do with one reading, against the row's label (`a|b` either, `a+b` both). */
export function toCvOutcome(reading: FoldReading, t: NluThresholds): CvOutcome {
  const { verdict, asks } = toGuardedReading(reading, t);
  const label = reading.row.label;
  const answered = verdict === "answer" ? asks.map((a) => a.intent) : [];
  if (label === "outOfScope" || label === "context")
    return answered.some((a) => a !== "outOfScope") ? "wrong" : verdict === "suggest" ? "menu" : "declined";
  const wanted = label.includes("+") ? toLabelParts(label) : label.split("|");
  const hits = wanted.filter((w) => answered.includes(w));
  if (hits.length > 0) return label.includes("+") && hits.length < wanted.length ? "partial" : "direct";
  if (answered.some((a) => !framing.has(a) || wanted.includes(a))) return "wrong";
  if (verdict === "framing" && wanted.some((w) => framing.has(w))) return "direct";
  return verdict === "suggest" ? "menu" : verdict === "decline" ? "declined" : "none";
}

export function toCvFigures(readings: readonly FoldReading[], t: NluThresholds): CvFigures {
  const figures: CvFigures = {
    total: 0,
    direct: 0,
    wrong: 0,
    partial: 0,
    menu: 0,
    declined: 0,
    extra: 0,
    outOfScope: 0,
    outOfScopeAnswered: 0,
    outOfScopeRouted: 0,
  };
  for (const reading of readings) {
    const outcome = toCvOutcome(reading, t);
    if (reading.row.label === "context") continue;
    if (reading.row.label === "outOfScope") {
      figures.outOfScope += 1;
      if (outcome === "wrong") {
        const { asks } = toGuardedReading(reading, t);
        if (asks.some((a) => figureIntents.has(a.intent))) figures.outOfScopeAnswered += 1;
        else figures.outOfScopeRouted += 1;
      }
      continue;
    }
    figures.total += 1;
    if (outcome !== "none") figures[outcome] += 1;
    if ((outcome === "direct" || outcome === "partial") && answersExtra(reading, t)) figures.extra += 1;
  }
  return figures;
}
