/**
 * Whether a name typed by an heir fits a registered name, with the typos people make ("Siti
 * Aminah" / "siti aminnah", "Ahmad Yani" / "Achmad Yani"), ignoring honorifics ("Pak", "alm.",
 * "Hj."). Used to confirm a NIK lookup (any shared word will do: the NIK is the strong factor) and
 * to pick one person among an RT's residents (every typed word, and two words at least).
 */
import { distance } from "fastest-levenshtein";

const honorifics = new Set([
  "pak", "bapak", "bpk", "bp", "bu", "ibu", "alm", "almarhum", "almarhumah", "almh",
  "h", "hj", "haji", "hajjah", "ustadz", "ust", "mbak", "mas", "bang", "kak",
]); // prettier-ignore

/** Lower-case words without accents, punctuation or honorifics; "ch" read as "h" ("Achmad"). */
export function toNameWords(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "" && !honorifics.has(w))
    .map((w) => w.replace(/ch/g, "h"));
}

/** Typos allowed in a word of this length: none under 3 letters, 1 up to 5, 2 beyond. */
const tolerance = (length: number) => (length < 3 ? 0 : length <= 5 ? 1 : 2);

function wordsMatch(typed: string, registered: string): boolean {
  if (typed === registered) return true;
  return distance(typed, registered) <= tolerance(Math.min(typed.length, registered.length));
}

/** How many of the typed words fit a registered word, each registered word used once. */
function matchedWords(typed: readonly string[], registered: readonly string[]): number {
  const left = [...registered];
  let matched = 0;
  for (const word of typed) {
    const at = left.findIndex((r) => wordsMatch(word, r));
    if (at >= 0) {
      matched += 1;
      left.splice(at, 1);
    }
  }
  return matched;
}

/** Loose: some typed word of 3+ letters fits (the NIK already identifies the person). */
export function namesShareWord(typedName: string, registeredName: string): boolean {
  const typed = toNameWords(typedName).filter((w) => w.length >= 3);
  return matchedWords(typed, toNameWords(registeredName)) > 0;
}

/**
 * Strict, for finding someone by name among many: every typed word fits, and at least two (or
 * the whole name when it has one word). Returns how well (matched words), 0 when it does not fit.
 */
export function toNameScore(typedName: string, registeredName: string): number {
  const typed = toNameWords(typedName);
  const registered = toNameWords(registeredName);
  if (typed.length === 0 || registered.length === 0) return 0;
  const matched = matchedWords(typed, registered);
  if (matched < typed.length || matched < Math.min(2, registered.length)) return 0;
  return matched / Math.max(typed.length, registered.length);
}
