/** Reads the labelled hold-out set (test/nlu/utterances.tsv) and scores the answerer's intents on it. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { questionMatcher, toEffectiveIntent } from "../../src/flows/question-answerer";

export type Labelled = { label: string; text: string };

export function loadLabelledSet(file = path.join(__dirname, "utterances.tsv")): Labelled[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const [label = "", text = ""] = line.split("\t");
      return { label, text };
    });
}

export type Evaluation = {
  accuracy: number;
  correct: number;
  total: number;
  /** "expected → predicted" with counts, most frequent first. */
  confusions: { pair: string; count: number }[];
};

export function evaluateLabelledSet(rows: Labelled[]): Evaluation {
  const confusions = new Map<string, number>();
  let correct = 0;
  for (const { label, text } of rows) {
    const predicted = toEffectiveIntent(text, questionMatcher.match(text));
    if (predicted === label) correct += 1;
    else confusions.set(`${label} → ${predicted}`, (confusions.get(`${label} → ${predicted}`) ?? 0) + 1);
  }
  return {
    accuracy: correct / rows.length,
    correct,
    total: rows.length,
    confusions: [...confusions].map(([pair, count]) => ({ pair, count })).sort((a, b) => b.count - a.count),
  };
}
