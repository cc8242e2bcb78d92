/**
 * Trains the intent model from labelled utterances: multinomial logistic regression, AdaGrad,
 * a fixed number of epochs over a seeded shuffle, so the same data always gives the same model.
 * A row labelled `a+b` (a message asking two things) is trained with half the target on each.
 * Small weights are dropped and the rest rounded, which keeps the stored model to a few MB.
 * Regularisation and epochs were chosen by cross-validation (`npm run calibrate`).
 */
import { createHash } from "node:crypto";
import { toContentWords } from "./content-words";
import { toProbabilities, type IntentModel } from "./intent-model";
import { toFeatures } from "./text-features";

export type Labelled = { label: string; text: string };

/** The single labels a training label names (`a+b` names two). */
export const toLabelParts = (label: string): string[] => label.split("+").filter(Boolean);

export type TrainingOptions = {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
  keepAbove: number;
  /** Gradients smaller than this are skipped: keeps the weights sparse. */
  skipBelow: number;
  /** Share of a row's features left out at random in each epoch (a regulariser: no single feature decides). */
  dropout: number;
};

export const defaultTraining: TrainingOptions = {
  epochs: 18,
  rate: 0.35,
  l2: 1e-6,
  seed: 19,
  keepAbove: 0.03,
  skipBelow: 0.05,
  dropout: 0.3,
};

/** Same rows (in any order) → same fingerprint. */
export function toDataHash(rows: readonly Labelled[]): string {
  const lines = rows.map((r) => `${r.label}\t${r.text}`).sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16);
}

/** A small deterministic PRNG (mulberry32). */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(indices: number[], random: () => number): number[] {
  for (let i = indices.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [indices[i], indices[j]] = [indices[j] ?? 0, indices[i] ?? 0];
  }
  return indices;
}

type Encoded = { features: Int32Array; targets: number[] };

function encode(rows: readonly Labelled[], labels: string[]) {
  const index = new Map<string, number>();
  const names: string[] = [];
  const encoded: Encoded[] = rows.map((row) => {
    const ids = toFeatures(row.text).map((f) => {
      let id = index.get(f);
      if (id === undefined) {
        id = names.length;
        index.set(f, id);
        names.push(f);
      }
      return id;
    });
    return { features: Int32Array.from(ids), targets: toLabelParts(row.label).map((l) => labels.indexOf(l)) };
  });
  return { encoded, names };
}

/** Content words the in-scope rows use at least twice (what "known to the domain" means). */
function toDomainWords(rows: readonly Labelled[]): string[] {
  const counts = new Map<string, number>();
  for (const row of rows)
    if (row.label !== "outOfScope")
      for (const w of new Set(toContentWords(row.text))) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= 2)
    .map(([w]) => w)
    .sort();
}

export function trainIntentModel(rows: readonly Labelled[], options = defaultTraining): IntentModel {
  const labels = [...new Set(rows.flatMap((r) => toLabelParts(r.label)))].sort();
  const { encoded, names } = encode(rows, labels);
  const C = labels.length;
  const W = new Float64Array(names.length * C);
  const G = new Float64Array(names.length * C);
  const bias = new Float64Array(C);
  const biasG = new Float64Array(C);
  const random = createRandom(options.seed);
  const order = encoded.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch += 1)
    for (const i of shuffle(order, random)) {
      const row = encoded[i] ?? { features: new Int32Array(), targets: [] };
      const targets = row.targets;
      const features =
        options.dropout > 0 ? row.features.filter(() => random() >= options.dropout) : row.features;
      const value = 1 / Math.sqrt(Math.max(1, features.length));
      const scores = Float64Array.from(bias);
      for (const f of features) for (let c = 0; c < C; c += 1) scores[c]! += W[f * C + c]! * value;
      const p = toProbabilities(scores);
      for (let c = 0; c < C; c += 1) {
        const g = p[c]! - (targets.includes(c) ? 1 / targets.length : 0);
        if (Math.abs(g) < options.skipBelow) continue;
        biasG[c]! += g * g;
        bias[c]! -= (options.rate * g) / Math.sqrt(biasG[c]! + 1e-8);
        for (const f of features) {
          const k = f * C + c;
          const grad = g * value + options.l2 * W[k]!;
          G[k]! += grad * grad;
          W[k]! -= (options.rate * grad) / Math.sqrt(G[k]! + 1e-8);
        }
      }
    }
  const weights: IntentModel["weights"] = { features: [], ends: [], labels: [], values: [] };
  names.forEach((name, f) => {
    const before = weights.labels.length;
    for (let c = 0; c < C; c += 1) {
      const w = W[f * C + c]!;
      if (Math.abs(w) < options.keepAbove) continue;
      weights.labels.push(c);
      weights.values.push(Math.round(w * 1000) / 1000);
    }
    if (weights.labels.length === before) return;
    weights.features.push(name);
    weights.ends.push(weights.labels.length);
  });
  return {
    version: 3,
    dataHash: toDataHash(rows),
    labels,
    domainWords: toDomainWords(rows),
    bias: [...bias].map((b) => Math.round(b * 1000) / 1000),
    weights,
  };
}
