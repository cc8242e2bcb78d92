/**
 * Maps what a user typed to one of the offered choices: a button press, the option's number
 * ("2", "2.", "no 2"), or its label typed loosely (case, punctuation, a small typo, any language).
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

const numberPattern = /^(?:no\.?\s*|nomor\s*|pilih\s*|opsi\s*)?(\d{1,2})[.)]?$/i;

function isClose(typed: string, target: string): boolean {
  if (typed === target) return true;
  if (typed.length < 4 || target.length < 4) return false;
  const allowed = target.length >= 8 ? 2 : 1;
  return distance(typed, target) <= allowed;
}

/** Returns the chosen option's value, or undefined when the input picks none (or several). */
export function matchChoice(
  content: InboundContent,
  options: readonly ChoiceOption[],
  translator: Translator,
): string | undefined {
  if (content.type === "choice") return options.find((o) => o.value === content.value)?.value;
  if (content.type !== "text") return undefined;
  const typed = toComparable(content.text);
  if (typed === "") return undefined;
  const numbered = numberPattern.exec(typed.replace(/\s+/g, " "));
  if (numbered?.[1]) {
    const index = Number(numbered[1]) - 1;
    return options[index]?.value;
  }
  const scored = options.map((option) => {
    const words = [
      ...languages.map((lng: Language) => toComparable(translator.t(lng, option.label, option.params))),
      ...(option.aliases ?? []).map(toComparable),
      toComparable(option.value),
    ].filter((w) => w !== "");
    const exact = words.some((w) => w === typed);
    const close = words.some((w) => isClose(typed, w));
    const prefix = typed.length >= 3 && words.some((w) => w.startsWith(typed) || typed.startsWith(w + " "));
    return { value: option.value, score: exact ? 3 : close ? 2 : prefix ? 1 : 0 };
  });
  const best = Math.max(...scored.map((s) => s.score));
  if (best === 0) return undefined;
  const winners = scored.filter((s) => s.score === best);
  return winners.length === 1 ? winners[0]?.value : undefined;
}
