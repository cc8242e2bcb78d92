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

/** Words that stay lower case inside a name (Indonesian and Arabic-origin particles). */
const particles = new Set([
  "bin",
  "binti",
  "bt",
  "bte",
  "binte",
  "van",
  "von",
  "der",
  "de",
  "da",
  "al",
  "el",
]);
/** Titles written the usual way whatever the case typed ("HJ." → "Hj."). */
const titles: Readonly<Record<string, string>> = { hj: "Hj.", hjh: "Hjh.", h: "H.", dr: "dr.", ir: "Ir." };

const capitalise = (part: string) =>
  part.charAt(0).toLocaleUpperCase("id") + part.slice(1).toLocaleLowerCase("id");

/** A word typed with capitals inside ("McDonald", "DeWi") is kept as typed. */
const isMixedCase = (word: string) => /\p{Ll}/u.test(word) && /\p{Lu}/u.test(word.slice(1));

function toWordCase(word: string, first: boolean): string {
  const bare = word.toLocaleLowerCase("id").replace(/\.$/, "");
  const title = titles[bare];
  if (title && (word.endsWith(".") || bare.length > 1)) return title;
  if (!first && particles.has(bare) && !word.endsWith(".")) return bare;
  if (isMixedCase(word)) return word;
  // "siti-aminah" → "Siti-Aminah"; after an apostrophe stays small ("ma'ruf" → "Ma'ruf").
  return word.split("-").map(capitalise).join("-");
}

/**
 * A name in title case as the KTP reads it aloud: "rudi hartono" / "RUDI HARTONO" → "Rudi Hartono";
 * particles stay small ("Ahmad bin Yusuf", "Siti binti Ali"), titles keep their form ("Hj. Siti").
 */
export function toNameCase(name: string): string {
  return name
    .split(" ")
    .filter(Boolean)
    .map((word, i) => toWordCase(word, i === 0))
    .join(" ");
}
