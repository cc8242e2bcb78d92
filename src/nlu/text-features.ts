/**
 * What the intent classifier sees of a message: its words (as typed and in standard Indonesian),
 * word pairs, character n-grams and the consonant skeleton of each word. The n-grams make typos, joined words ("brpiuran")
 * and affixes ("pendaftarannya") share most features with the clean word, so nothing is rewritten
 * by guesswork.
 */
import { toComparable } from "../core/text";
import { toStandardWord } from "./word-map";

/** Lower-cased words; digits split from letters, numbers as "0", runs of 3+ letters shortened. */
export function toWords(text: string): string[] {
  return toComparable(text)
    .replace(/(\d)(\p{L})/gu, "$1 $2")
    .replace(/(\p{L})(\d)/gu, "$1 $2")
    .split(" ")
    .filter((w) => w !== "")
    .map((w) => (/^\d+$/.test(w) ? "0" : w.replace(/(\p{L})\1{2,}/gu, "$1")));
}

/** The words in standard Indonesian (chat, Jambi Malay and English words mapped one by one). */
export function toStandardWords(words: readonly string[]): string[] {
  return words.flatMap((w) => (toStandardWord(w) ?? w).split(" "));
}

function addCharGrams(word: string, into: Set<string>): void {
  if (word === "0") return;
  const padded = `<${word}>`;
  for (let n = 3; n <= 5; n += 1)
    for (let i = 0; i + n <= padded.length; i += 1) into.add(`c:${padded.slice(i, i + n)}`);
}

/** The word without vowels and doubled letters: "meninggal", "mnggl" → "mngl"; "kerja", "krja" → "krj". */
export function toSkeleton(word: string): string {
  return word.replace(/(?<=.)[aeiou]/g, "").replace(/(.)\1+/g, "$1");
}

/**
 * The message's features (unique): w: words, b: word pairs, c: character 3–5-grams, k: consonant
 * skeletons (so "mnggl krn kcelakaan" meets "meninggal karena kecelakaan").
 */
export function toFeatures(text: string): string[] {
  const typed = toWords(text).slice(0, 120);
  const standard = toStandardWords(typed);
  const features = new Set<string>();
  for (const w of typed) features.add(`w:${w}`);
  for (const w of standard) {
    features.add(`w:${w}`);
    addCharGrams(w, features);
    if (w.length >= 3 && w !== "0") features.add(`k:${toSkeleton(w)}`);
  }
  for (let i = 0; i + 1 < standard.length; i += 1) features.add(`b:${standard[i]}_${standard[i + 1]}`);
  return [...features];
}
