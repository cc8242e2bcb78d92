/**
 * Informal Indonesian → canonical tokens for matching: lower case, numbers and amounts as one
 * token, repeated letters ("dafftarrr"), chat slang and English words, missing or extra spaces,
 * typos (edit distance against the known vocabulary), phrases folded ("meninggal dunia" → wafat),
 * affixes removed with the Sastrawi stemmer, synonyms, filler words dropped.
 */
import { lookup } from "../domain/lookup";
import { closest, distance } from "fastest-levenshtein";
import { Stemmer } from "sastrawijs";
import { toComparable } from "../core/text";
import { english, phrases, slang, stemSynonyms, stopwords } from "./lexicon";

const stemmer = new Stemmer();
/**
 * A question is a few dozen words: only the first `maxWords` are read, and a word longer than
 * `maxRepairLength` is kept as it is (no typo repair or split, whose cost grows with its length).
 */
const maxWords = 60;
const maxRepairLength = 30;
const stemCache = new Map<string, string>();

/** Sastrawi stem, cached (2 µs uncached); canonical synonym applied. */
export function toStem(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(word) && word.length > 3 ? stemmer.stem(word) : word;
    if (stemCache.size < 50_000) stemCache.set(word, stem);
  }
  return lookup(stemSynonyms, stem) ?? stem;
}

/** "dafftarrr" → "daftar" is left to `toSingleLetters`; this only collapses runs of three or more. */
export function toCollapsedRuns(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, "$1");
}

/** Every doubled letter made single ("dafftar" → "daftar", "manfaat" → "manfat"): a lookup key. */
export function toSingleLetters(word: string): string {
  return word.replace(/(\p{L})\1+/gu, "$1");
}

/** Splits "2jt" → "2 jt", "iuran2" → "iuran 2"; numbers become the token "num". */
function toRawTokens(text: string): string[] {
  return toComparable(text)
    .replace(/(\d)(\p{L})/gu, "$1 $2")
    .replace(/(\p{L})(\d)/gu, "$1 $2")
    .split(" ", maxWords * 4)
    .filter((t) => t !== "")
    .slice(0, maxWords)
    .map((t) => (/^\d+$/.test(t) ? "num" : toCollapsedRuns(t)));
}

function expand(token: string): string[] {
  const replaced = lookup(slang, token) ?? lookup(english, token);
  return replaced === undefined ? [token] : replaced.split(" ");
}

function foldPhrases(tokens: string[]): string[] {
  let joined = ` ${tokens.join(" ")} `;
  for (const [phrase, word] of phrases) joined = joined.replaceAll(` ${phrase} `, ` ${word} `);
  return joined
    .trim()
    .split(" ")
    .filter((t) => t !== "");
}

export type Normaliser = {
  /** Canonical tokens (stems) of a text, filler words removed. */
  toTokens(text: string): string[];
  /** Surface words after slang, spacing and typo repair, before stemming (for tests and debugging). */
  toWords(text: string): string[];
};

/**
 * A normaliser that repairs words against `vocabulary` (the words of the intent examples and the
 * lexicon). Unknown words that are close to a known one are corrected; others are kept as they are.
 */
export function createNormaliser(vocabulary: Iterable<string>): Normaliser {
  const known = new Set<string>();
  for (const word of vocabulary) for (const w of toRawTokens(word).flatMap(expand)) known.add(w);
  for (const value of [...Object.values(slang), ...Object.values(english)])
    for (const w of value.split(" ")) known.add(w);
  for (const [phrase] of phrases) for (const w of phrase.split(" ")) known.add(w);
  const knownStems = new Set([...known].map(toStem));
  const bySingle = new Map<string, string>();
  for (const w of known) if (!bySingle.has(toSingleLetters(w))) bySingle.set(toSingleLetters(w), w);
  const byLength = new Map<number, string[]>();
  for (const w of known) if (w.length >= 3) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
  const repairs = new Map<string, string[]>();

  const isKnown = (w: string) =>
    known.has(w) || knownStems.has(toStem(w)) || Object.hasOwn(slang, w) || Object.hasOwn(english, w);

  function correctTypo(word: string): string | undefined {
    if (word.length < 4 || /\d/.test(word)) return undefined;
    const allowed = word.length >= 7 ? 2 : 1;
    const candidates: string[] = [];
    for (let len = word.length - allowed; len <= word.length + allowed; len += 1)
      candidates.push(...(byLength.get(len) ?? []));
    if (candidates.length === 0) return undefined;
    const best = closest(word, candidates);
    return distance(word, best) <= allowed ? best : undefined;
  }

  function splitJoined(word: string): string[] | undefined {
    if (word.length < 6) return undefined;
    for (let i = 2; i <= word.length - 2; i += 1) {
      const left = word.slice(0, i);
      const right = word.slice(i);
      if (known.has(left) && (known.has(right) || knownStems.has(toStem(right)))) return [left, right];
    }
    return undefined;
  }

  /** One unknown word repaired: doubled letters, slang, a missing space, a typo. */
  function repair(word: string): string[] {
    if (word.length > maxRepairLength) return [word];
    const cached = repairs.get(word);
    if (cached) return cached;
    const single = bySingle.get(toSingleLetters(word));
    const fixed = single
      ? [single]
      : (splitJoined(word) ?? [correctTypo(word) ?? word]).flatMap((w) => (w === word ? [w] : expand(w)));
    if (repairs.size < 20_000) repairs.set(word, fixed);
    return fixed;
  }

  function toWords(text: string): string[] {
    const raw = toRawTokens(text).flatMap(expand);
    const words: string[] = [];
    for (let i = 0; i < raw.length; i += 1) {
      const word = raw[i] ?? "";
      if (isKnown(word)) {
        words.push(word);
        continue;
      }
      const joined = word + (raw[i + 1] ?? "");
      if (i + 1 < raw.length && known.has(joined)) {
        words.push(joined);
        i += 1;
        continue;
      }
      words.push(...repair(word));
    }
    return foldPhrases(words);
  }

  return {
    toWords,
    toTokens: (text) =>
      toWords(text)
        .map(toStem)
        .filter((t) => !stopwords.has(t)),
  };
}
