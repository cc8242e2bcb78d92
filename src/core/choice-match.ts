/**
 * Maps what a user typed to one of the offered choices: a button press, the option's number
 * ("2", "2.", "no 2"), its label or an alias typed loosely (case, punctuation, a small typo, any
 * language), or an alias inside a sentence ("sy istrinya" → "Suami/istri"). A word that is common on
 * its own ("rt", "ya", "saya") never picks an option from inside a sentence, and a negation right
 * before a word keeps it from picking ("bukan suami"). "-1" is no number.
 */
import { distance } from "fastest-levenshtein";
import type { Choice, InboundContent, Language } from "./messages";
import { languages } from "./messages";
import type { Translator } from "./ports";
import { toComparable } from "./text";

export type ChoiceOption = Choice & {
  /** Extra words that pick this option ("ya", "y", "iya", "yes"). */
  aliases?: readonly string[];
};

const numberPattern = /^(?:no\.?\s*|nomor\s*|pilih\s*|opsi\s*|option\s*)?(\d{1,2})\s*[.)]?$/i;

/** Negations in Indonesian, chat spelling, Jambi Malay and English. */
export const negations: ReadonlySet<string> = new Set(
  "tidak tdk tak ga gak gk g nggak ngga enggak engga kagak bukan bkn jangan jgn no not dont don t nope dak idak ndak belum blm never".split(
    " ",
  ),
);

/** Words too common to pick an option from inside a sentence (they still work as the whole answer). */
const commonWords = new Set(
  "ya y iya yes ok oke no rt rw saya aku sy lain lainnya data sudah belum benar salah ada baru lama iya".split(
    " ",
  ),
);

function isClose(typed: string, target: string): boolean {
  if (typed === target) return true;
  if (typed.length < 4 || target.length < 4) return false;
  const allowed = target.length >= 8 ? 2 : 1;
  return distance(typed, target) <= allowed;
}

/** The option's number typed alone ("2", "2.", "no 2"); never "-1" or "1,5". */
export function toChoiceNumber(raw: string): number | undefined {
  const found = numberPattern.exec(raw.trim().replace(/\s+/g, " "));
  return found?.[1] ? Number(found[1]) : undefined;
}

/** "istrinya", "kakaknyo" → "istri", "kakak". */
const withoutSuffix = (word: string) => word.replace(/(nya|nyo|ny)$/, "");

/** True when `phrase` occurs in `words` as whole words, with no negation right before it. */
function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i += 1) {
    const hit = phrase.every((p, j) => {
      const word = words[i + j] ?? "";
      return isClose(word, p) || (word.length > p.length && withoutSuffix(word) === p);
    });
    if (hit && !negations.has(words[i - 1] ?? "")) return true;
  }
  return false;
}

function scoreOption(typed: string, words: readonly string[], phrases: readonly string[]): number {
  if (phrases.some((w) => w === typed)) return 4;
  if (phrases.some((w) => isClose(typed, w))) return 3;
  const prefix = typed.length >= 3 && phrases.some((w) => w.startsWith(typed) && !negations.has(typed));
  if (prefix) return 2;
  const inside = phrases.some((p) => {
    const parts = p.split(" ");
    if (parts.length === 1 && (commonWords.has(p) || p.length < 3)) return false;
    return words.length > parts.length && containsPhrase(words, parts);
  });
  return inside ? 1 : 0;
}

function phrasesOf(option: ChoiceOption, translator: Translator): string[] {
  return [
    ...languages.map((lng: Language) => toComparable(translator.t(lng, option.label, option.params))),
    ...(option.aliases ?? []).map(toComparable),
    toComparable(option.value),
  ].filter((w) => w !== "");
}

/** Returns the chosen option's value, or undefined when the input picks none (or several). */
export function matchChoice(
  content: InboundContent,
  options: readonly ChoiceOption[],
  translator: Translator,
  /** False where a sentence should go to the question answerer instead (the home menu). */
  inSentence = true,
): string | undefined {
  if (content.type === "choice") return options.find((o) => o.value === content.value)?.value;
  if (content.type !== "text") return undefined;
  const typed = toComparable(content.text);
  if (typed === "") return undefined;
  const number = toChoiceNumber(content.text);
  if (number !== undefined) return options[number - 1]?.value;
  if (/^\s*[-+]\s*\d/.test(content.text)) return undefined;
  const words = typed.split(" ");
  const scored = options.map((option) => ({
    value: option.value,
    score: scoreOption(typed, words, phrasesOf(option, translator)),
  }));
  if (!inSentence) for (const s of scored) if (s.score === 1) s.score = 0;
  const best = Math.max(...scored.map((s) => s.score));
  if (best === 0) return undefined;
  const winners = scored.filter((s) => s.score === best);
  return winners.length === 1 ? winners[0]?.value : undefined;
}
