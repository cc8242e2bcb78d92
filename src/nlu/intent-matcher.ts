/**
 * Intent matching: TF-IDF weighted unigrams and bigrams of normalised stems, cosine similarity
 * against every example utterance, an intent scoring as its best example (nearest neighbour).
 * Why not BM25: the examples are 2–8 words, so BM25's length normalisation and term saturation
 * add little, while cosine gives a bounded 0–1 score that reads directly as a confidence.
 * An inverted index keeps a query to a few hundred multiply-adds (tens of µs).
 */
import { createNormaliser, type Normaliser } from "./normaliser";

export type IntentScore = { intent: string; score: number };

export type IntentMatch = {
  /** Intents by score, best first (only those with a score above zero). */
  ranked: IntentScore[];
  /** The query's canonical tokens. */
  tokens: string[];
  /** Share of the query's tokens seen in in-scope examples (0 when none: likely out of scope). */
  inScopeShare: number;
};

export type IntentMatcher = { normaliser: Normaliser; match(text: string): IntentMatch };

type Posting = { example: number; weight: number };

function toFeatures(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (f: string) => counts.set(f, (counts.get(f) ?? 0) + 1);
  tokens.forEach((t, i) => {
    add(t);
    const nextToken = tokens[i + 1];
    if (nextToken !== undefined) add(`${t}_${nextToken}`);
  });
  return counts;
}

/** Intents whose words do not count as "in scope" (small talk and the out-of-scope examples). */
const outsideScope = new Set(["outOfScope", "greeting", "thanks"]);

export function createIntentMatcher(examples: Readonly<Record<string, readonly string[]>>): IntentMatcher {
  const normaliser = createNormaliser(Object.values(examples).flat());
  const docs: { intent: string; features: Map<string, number> }[] = [];
  for (const [intent, utterances] of Object.entries(examples))
    for (const u of utterances) docs.push({ intent, features: toFeatures(normaliser.toTokens(u)) });
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const idf = (f: string) => Math.log((docs.length + 1) / ((df.get(f) ?? 0) + 1)) + 1;
  const maxIdf = idf("\u0000");
  const index = new Map<string, Posting[]>();
  const inScope = new Set<string>();
  docs.forEach((d, example) => {
    const weights = [...d.features].map(([f, tf]) => [f, (1 + Math.log(tf)) * idf(f)] as const);
    const norm = Math.hypot(...weights.map(([, w]) => w)) || 1;
    for (const [f, w] of weights) index.set(f, [...(index.get(f) ?? []), { example, weight: w / norm }]);
    if (!outsideScope.has(d.intent)) for (const f of d.features.keys()) inScope.add(f);
  });

  function match(text: string): IntentMatch {
    const tokens = normaliser.toTokens(text);
    const features = toFeatures(tokens);
    const weights = [...features].map(
      ([f, tf]) => [f, (1 + Math.log(tf)) * (df.has(f) ? idf(f) : maxIdf)] as const,
    );
    const norm = Math.hypot(...weights.map(([, w]) => w)) || 1;
    const scores = new Float64Array(docs.length);
    for (const [f, w] of weights)
      for (const p of index.get(f) ?? [])
        scores[p.example] = (scores[p.example] ?? 0) + (w / norm) * p.weight;
    const best = new Map<string, number>();
    scores.forEach((s, i) => {
      const intent = docs[i]?.intent ?? "";
      if (s > (best.get(intent) ?? 0)) best.set(intent, s);
    });
    const ranked = [...best].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
    const content = tokens.filter((t) => t !== "num");
    const share = content.length === 0 ? 1 : content.filter((t) => inScope.has(t)).length / content.length;
    return { ranked, tokens, inScopeShare: share };
  }

  return { normaliser, match };
}
