/** A full name as on the KTP: letters, spaces and . ' - only; 2–80 characters, two letters or more. */
export type NameRefusal = "tooShort" | "tooLong" | "notName" | "badCharacters";
export type NameResult = { ok: true; value: string } | { ok: false; reason: NameRefusal };

/**
 * Chat words that are never part of a name: a reply made of them ("gak", "brp diskonnya", "ok")
 * is refused, so the question answerer or the re-ask can deal with it.
 */
const chatWords = new Set([
  "apa",
  "apakah",
  "berapa",
  "brp",
  "bagaimana",
  "gimana",
  "gmn",
  "kenapa",
  "knp",
  "kapan",
  "dimana",
  "mana",
  "gak",
  "ga",
  "nggak",
  "enggak",
  "tidak",
  "tdk",
  "iya",
  "ya",
  "ok",
  "oke",
  "halo",
  "hai",
  "hallo",
  "bisa",
  "bs",
  "tanya",
  "mau",
  "saya",
  "sy",
  "aku",
  "daftar",
  "iuran",
  "diskon",
  "diskonnya",
  "klaim",
  "syarat",
  "menu",
]);

/** Words a program, not a person, would write in a name field ("NaN", "undefined", "constructor"). */
const placeholderWords = new Set([
  "nan",
  "null",
  "undefined",
  "none",
  "nil",
  "true",
  "false",
  "infinity",
  "object",
  "function",
  "constructor",
  "prototype",
  "tostring",
  "valueof",
  "hasownproperty",
  "isprototypeof",
  "propertyisenumerable",
  "tolocalestring",
]);

const wordsOf = (name: string) =>
  name
    .toLowerCase()
    .split(/[ .'-]+/)
    .filter(Boolean);

/** Longest input read: a name field holds at most 80 characters; longer text is refused unread. */
const maxInput = 200;

/**
 * Letters (any script, accents composed), spaces, apostrophes, dots and hyphens; 2–80 characters
 * with at least two letters. Combining marks that do not compose into a letter (zalgo text) are
 * refused. The curly apostrophe phones type becomes a straight one.
 */
export function parsePersonName(input: string): NameResult {
  if (input.length > maxInput) return { ok: false, reason: "tooLong" };
  const name = input
    .normalize("NFC")
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  const words = wordsOf(name);
  if (name.includes("?") || words.some((w) => chatWords.has(w))) return { ok: false, reason: "notName" };
  if (!/^[\p{L}][\p{L} .'-]*$/u.test(name))
    return name.replace(/[^\p{L}]/gu, "").length < 2
      ? { ok: false, reason: "tooShort" }
      : { ok: false, reason: "badCharacters" };
  if (name.replace(/[^\p{L}]/gu, "").length < 2) return { ok: false, reason: "tooShort" };
  if (name.length > 80) return { ok: false, reason: "tooLong" };
  if (words.every((w) => placeholderWords.has(w))) return { ok: false, reason: "notName" };
  return { ok: true, value: name };
}
