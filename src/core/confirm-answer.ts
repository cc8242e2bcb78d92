/**
 * Reading a yes/no answer: which words are an unambiguous yes or no, in Indonesian (Jambi
 * included) and English, with politeness words aside. `confirm` (steps.ts) asks with it.
 */
import { matchChoice, negations, toChoiceNumber, type ChoiceOption } from "./choice-match";
import type { InboundContent } from "./messages";
import { languages } from "./messages";
import type { Translator } from "./ports";
import { toComparable } from "./text";

export const yesAliases = [
  "ya",
  "y",
  "iya",
  "yes",
  "ok",
  "oke",
  "setuju",
  "benar",
  "betul",
  "bener",
  "sudah",
  "yup",
  "yap",
  "iyo",
];
export const noAliases = [
  "tidak",
  "tdk",
  "gak",
  "ga",
  "nggak",
  "enggak",
  "no",
  "n",
  "bukan",
  "salah",
  "belum",
  "tolak",
  "dak",
  "idak",
  "ndak",
];

/** Whole answers that are an unambiguous yes (politeness words aside). */
const clearYes = new Set([
  ...yesAliases,
  "ya setuju",
  "iya setuju",
  "ok setuju",
  "oke setuju",
  "setuju sekali",
  "ya benar",
  "ya betul",
  "iya benar",
  "iya betul",
  "benar sekali",
  "boleh",
  "lanjut",
  "lanjutkan",
  "siap",
  "baik",
  "i agree",
  "agree",
  "sure",
  "yes i agree",
  "okay",
  "okey",
  "sip",
  "iyaa",
  "yaa",
  "yoi",
]);
/** Whole answers that are an unambiguous no. */
const clearNo = new Set([
  ...noAliases,
  "tidak setuju",
  "ga setuju",
  "gak setuju",
  "tidak mau",
  "ga mau",
  "gak mau",
  "nggak mau",
  "dak galak",
  "dak nak",
  "jangan",
  "no thanks",
  "i do not agree",
  "i disagree",
  "disagree",
  "nope",
  "tidak jadi",
  "ga jadi",
  "batal",
]);
const politeness = new Set(
  "pak bu bapak ibu min kak mas mbak bang dong deh sih saya aku awak please".split(" "),
);

function toBareAnswer(text: string): string {
  const words = toComparable(text)
    .split(" ")
    .filter((w) => !politeness.has(w));
  if (words.length > 1 && words.at(-1) === "ya") words.pop();
  return words.join(" ");
}

/**
 * Reads a yes/no answer. Only an unambiguous yes counts: the button, "1", the label, or a clear
 * affirmative such as "ya", "setuju", "iya benar". Anything with a negation ("ya, saya tidak setuju",
 * "ok tidak") or a question mark ("setuju tidak?") is neither, so the question is asked again; a clear
 * no ("tidak", "ga mau") is no. `legal`: the answer records a legal act (consent, deletion,
 * withdrawal, claim submission), so nothing but those forms is read at all.
 */
export function matchConfirm(
  content: InboundContent,
  options: readonly ChoiceOption[],
  translator: Translator,
  legal: boolean,
): "yes" | "no" | undefined {
  if (content.type === "choice")
    return content.value === "yes" ? "yes" : content.value === "no" ? "no" : undefined;
  if (content.type !== "text") return undefined;
  const number = toChoiceNumber(content.text);
  if (number !== undefined) return number === 1 ? "yes" : number === 2 ? "no" : undefined;
  if (content.text.includes("?") || /^\s*[-+]\s*\d/.test(content.text)) return undefined;
  const bare = toBareAnswer(content.text);
  if (clearNo.has(bare)) return "no";
  if (bare.split(" ").some((w) => negations.has(w))) return undefined;
  if (clearYes.has(bare)) return "yes";
  const label = (value: string) => options.find((o) => o.value === value);
  const picked = legal
    ? matchLabelOnly(bare, [label("yes"), label("no")], translator)
    : matchChoice(content, options, translator);
  return picked === "yes" || picked === "no" ? picked : undefined;
}

function matchLabelOnly(
  bare: string,
  options: (ChoiceOption | undefined)[],
  translator: Translator,
): string | undefined {
  for (const option of options)
    if (option && languages.some((lng) => toComparable(translator.t(lng, option.label)) === bare))
      return option.value;
  return undefined;
}
