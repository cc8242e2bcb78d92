/**
 * The intent classifier: a multinomial logistic regression over the features of text-features.ts,
 * trained in this repository (train-intent-model.ts, `npm run train`) and stored as JSON. Given a
 * message it returns every intent with a probability, best first, and how much of the message the
 * model has seen features of (little: probably out of scope).
 */
import { createDomainLexicon } from "./content-words";
import { toFeatures } from "./text-features";

/**
 * The stored model: labels, and the weights flat (one entry per kept weight, in feature order):
 * feature i's weights are entries ends[i-1] … ends[i]-1, each a label index and a weight.
 */
export type IntentModel = {
  version: 3;
  /** Fingerprint of the training data the model was trained on (see train-intent-model.ts). */
  dataHash: string;
  labels: string[];
  /** Content words the in-scope training data uses (content-words.ts). */
  domainWords: string[];
  bias: number[];
  weights: { features: string[]; ends: number[]; labels: number[]; values: number[] };
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

/** The weights in typed arrays, and each feature's row number: a few MB, no object per feature. */
type PackedWeights = { row: Map<string, number>; ends: Int32Array; labels: Uint8Array; values: Float32Array };

function toPackedWeights(weights: IntentModel["weights"]): PackedWeights {
  return {
    row: new Map(weights.features.map((feature, i) => [feature, i])),
    ends: Int32Array.from(weights.ends),
    labels: Uint8Array.from(weights.labels),
    values: Float32Array.from(weights.values),
  };
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
    for (const feature of features) {
      const f = weights.row.get(feature);
      if (f === undefined) continue;
      known += 1;
      for (let i = f === 0 ? 0 : (weights.ends[f - 1] ?? 0); i < (weights.ends[f] ?? 0); i += 1) {
        const label = weights.labels[i] ?? 0;
        scores[label] = (scores[label] ?? 0) + (weights.values[i] ?? 0) * value;
      }
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
