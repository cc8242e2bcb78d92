/**
 * The intent classifier: a multinomial logistic regression over the features of text-features.ts,
 * trained in this repository (train-intent-model.ts, `npm run train`) and stored as JSON. Given a
 * message it returns every intent with a probability, best first, and how much of the message the
 * model has seen features of (little: probably out of scope).
 */
import { createDomainLexicon } from "./content-words";
import { toFeatures } from "./text-features";

/** The stored model: labels, and per feature the non-zero weights as [label index, weight] pairs. */
export type IntentModel = {
  version: 2;
  /** Fingerprint of the training data the model was trained on (see train-intent-model.ts). */
  dataHash: string;
  labels: string[];
  /** Content words the in-scope training data uses (content-words.ts). */
  domainWords: string[];
  bias: number[];
  weights: Record<string, number[]>;
};

export type IntentScore = { intent: string; p: number };

export type Classification = {
  /** Every intent with its probability, best first. */
  ranked: IntentScore[];
  /** Share of the message's features the model knows (0–1). */
  known: number;
  /** Share of the message's content words the in-scope training data uses (1 when it has none). */
  domain: number;
};

export type IntentClassifier = { labels: readonly string[]; classify(text: string): Classification };

/** Softmax of scores, in place. */
export function toProbabilities(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let i = 0; i < scores.length; i += 1) {
    const e = Math.exp((scores[i] ?? 0) - max);
    scores[i] = e;
    sum += e;
  }
  for (let i = 0; i < scores.length; i += 1) scores[i] = (scores[i] ?? 0) / sum;
  return scores;
}

/** Per feature, its [label index, weight] pairs packed in one typed array (a few MB for the model). */
function toPackedWeights(weights: Record<string, number[]>): Map<string, Float32Array> {
  const packed = new Map<string, Float32Array>();
  for (const [feature, row] of Object.entries(weights)) packed.set(feature, Float32Array.from(row));
  return packed;
}

export function createIntentClassifier(model: IntentModel): IntentClassifier {
  const weights = toPackedWeights(model.weights);
  const labels = [...model.labels];
  const bias = Float64Array.from(model.bias);
  const domain = createDomainLexicon(model.domainWords);
  function classify(text: string): Classification {
    const features = toFeatures(text);
    const scores = Float64Array.from(bias);
    const value = 1 / Math.sqrt(Math.max(1, features.length));
    let known = 0;
    for (const f of features) {
      const row = weights.get(f);
      if (!row) continue;
      known += 1;
      for (let i = 0; i + 1 < row.length; i += 2)
        scores[row[i] ?? 0] = (scores[row[i] ?? 0] ?? 0) + (row[i + 1] ?? 0) * value;
    }
    const p = toProbabilities(scores);
    const ranked = labels.map((intent, i) => ({ intent, p: p[i] ?? 0 })).sort((a, b) => b.p - a.p);
    return {
      ranked,
      known: features.length === 0 ? 0 : known / features.length,
      domain: domain.share(text),
    };
  }
  return { labels, classify };
}
