/**
 * Splits a message into the parts that may each ask something: sentences (at "?", "!", ".", ";",
 * line breaks), then clauses joined by a joiner ("terus", "trus", "lalu", "satu lagi", "sekalian",
 * a voice note's turn "nah", "jadi gini", "soalnya", so context and question fall apart),
 * "oh iya", "dan", "sama", "tapi", "and", "also", "plus", "&"…). A joiner splits only where both
 * sides have two words or more ("jkk dan jkm" stays whole); "sama" and "dan", which also join
 * nouns ("beda sama bpjs kesehatan", "ngomong samo petugas"), split only between two questions. A comma splits two
 * clauses that both read as questions. Whether a part really asks something else is for the
 * classifier to say (read-message.ts): a part is never answered on its own with low confidence.
 */

const sentenceEnd = /(?<=[?!.])\s+|\n+|(?<=\?)(?=\S)|\s*;\s*/u;
/** Joiners that start a new question wherever both sides say something. */
const strong =
  /\b(?:terus|trus|trs|terusnya|lalu|lantas|kemudian|satu lagi|sama satu lagi|selain itu|sekalian|oh iya|oh ya|oiya|juga mau tanya|mau tanya juga|dan juga|and also|also|one more thing|besides|plus|nah|jadi gini|soalnya)\b|&/giu;
/** Joiners that also join words inside one question: they split after a question word only. */
const weak = /\b(?:dan|and|sama|samo|serta|tapi|tp|tetapi|but)\b/giu;

const questionWords =
  /\?|\b(apa|apakah|apo|apaan|bagaimana|gimana|gmn|gmna|cakmano|cak mano|kek mano|berapa|brp|berapo|kapan|kpn|dimana|di mana|dmn|dimano|di mano|mana|mano|kemana|ke mana|kmn|siapa|siapo|kenapa|knp|ngapo|bisa|bisakah|bs|biso|boleh|bole|harus|hrs|musti|mesti|tolong|tlg|mohon|minta|mau|ingin|pengen|pingin|nak|mau tanya|ga|gak|gk|ngga|nggak|engga|enggak|ndak|dak|cara|caranya|caro|please|want|would like|i.d like|like to|need|how|what|when|where|who|which|can|could|is|are|do|does|will|should|may)\b/iu;

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w)).length;

/** True when a part reads as a question or a request ("mau…", "tolong…") rather than a statement of context. */
export function isQuestionPart(part: string): boolean {
  return questionWords.test(part);
}

type Cut = { start: number; end: number };

/** Where a clause may be cut: strong joiners anywhere, weak ones after a question word. */
function toCuts(sentence: string): Cut[] {
  const cuts: Cut[] = [];
  for (const m of sentence.matchAll(strong)) cuts.push({ start: m.index, end: m.index + m[0].length });
  for (const m of sentence.matchAll(weak)) {
    const [left, right] = [sentence.slice(0, m.index), sentence.slice(m.index + m[0].length)];
    if (isQuestionPart(left) && isQuestionPart(right))
      cuts.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of sentence.matchAll(/,\s*/gu)) {
    const rest = sentence.slice(m.index + m[0].length);
    if (isQuestionPart(sentence.slice(0, m.index)) && isQuestionPart(rest.split(/[,]/u)[0] ?? ""))
      cuts.push({ start: m.index, end: m.index + m[0].length });
  }
  return cuts.sort((a, b) => a.start - b.start);
}

/** The clauses of a sentence, cut where both sides keep at least two words. */
function splitClauses(sentence: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const cut of toCuts(sentence)) {
    if (cut.start < from) continue;
    const left = sentence.slice(from, cut.start);
    const right = sentence.slice(cut.end);
    if (wordCount(left) === 0) from = cut.end; // ", satu lagi …": the joiner opens the part
    if (wordCount(left) < 2 || wordCount(right) < 2) continue;
    parts.push(left);
    from = cut.end;
  }
  return [...parts, sentence.slice(from)];
}

/**
 * Only the first characters are split, with runs of spaces made one: a pattern around spaces on
 * a long run of them would try every start (65,536 spaces once took 40 s).
 */
const maxLength = 1_000;

/** The message's parts, in order (at most 8); a one-part message gives one part. */
export function toMessageParts(text: string): string[] {
  return text
    .slice(0, maxLength)
    .replace(/[^\S\n]+/gu, " ")
    .split(sentenceEnd)
    .flatMap((s) => splitClauses(s.replace(/^[\s,]+|[\s,]+$/gu, "")))
    .map((s) => s.replace(/^[\s,]+|[\s,]+$/gu, ""))
    .filter((s) => /\p{L}{2}/u.test(s))
    .slice(0, 8);
}
