/**
 * Splits a message into the parts that may each ask something: sentences, and clauses joined by
 * "terus", "trus", "lalu", "satu lagi", "sama satu lagi", "and also"… A greeting, an introduction
 * and a question in one message become three parts, and two questions become two.
 */

const sentenceEnd = /(?<=[?!.])\s+|\n+|(?<=\?)(?=\S)/u;
const joiners =
  /\s*(?:,\s*)?(?:\b(?:terus|trus|trs|lalu|lantas|satu lagi|sama satu lagi|selain itu|kemudian|juga mau tanya|mau tanya juga|dan juga|dan|and also|also|and|plus)\b|&)\s*/iu;

function splitClauses(sentence: string): string[] {
  const parts: string[] = [];
  let rest = sentence;
  for (let guard = 0; guard < 6; guard += 1) {
    const found = joiners.exec(rest);
    if (!found || found.index === 0) break;
    const left = rest.slice(0, found.index);
    const right = rest.slice(found.index + found[0].length);
    // A joiner splits only when both sides say something ("kalau gitu terus?" stays whole).
    if (left.split(/\s+/).length < 3 || right.split(/\s+/).length < 3) break;
    parts.push(left);
    rest = right;
  }
  return [...parts, rest];
}

/**
 * Only the first characters are split, with runs of spaces made one: the joiner pattern starts
 * with `\s*`, which on a long run of spaces would try every start (65,536 spaces took 40 s).
 */
const maxLength = 1_000;

/** The message's parts, in order (at most 8); a one-part message gives one part. */
export function toMessageParts(text: string): string[] {
  return text
    .slice(0, maxLength)
    .replace(/[^\S\n]+/gu, " ")
    .split(sentenceEnd)
    .flatMap((s) => s.split(/\s*[;]\s*/u))
    .flatMap(splitClauses)
    .map((s) => s.trim())
    .filter((s) => /\p{L}{2}/u.test(s))
    .slice(0, 8);
}

const questionWords =
  /\?|\b(apa|apakah|apo|bagaimana|gimana|gmn|gmna|cakmano|cak mano|kek mano|berapa|brp|berapo|kapan|kpn|dimana|di mana|dimano|di mano|mana|mano|siapa|siapo|kenapa|knp|ngapo|bisa|bisakah|bs|biso|boleh|harus|musti|mesti|apakah|tolong|mohon|minta|mau tanya|how|what|when|where|who|which|can|could|is|are|do|does|will|should|may)\b/iu;

/** True when a part reads as a question or a request rather than a statement of context. */
export function isQuestionPart(part: string): boolean {
  return questionWords.test(part);
}
