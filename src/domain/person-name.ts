/** A full name as on the KTP: letters, spaces and . ' , - only; 3–80 characters. */
export type NameRefusal = "tooShort" | "tooLong" | "notName";
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

function isChat(name: string): boolean {
  const words = name
    .toLowerCase()
    .split(/[ .',-]+/)
    .filter(Boolean);
  return words.some((w) => chatWords.has(w));
}

export function parsePersonName(input: string): NameResult {
  const name = input.replace(/\s+/g, " ").trim();
  if (name.includes("?") || isChat(name)) return { ok: false, reason: "notName" };
  if (!/^[\p{L}][\p{L}\p{M} .',-]*$/u.test(name))
    return name.length < 3 ? { ok: false, reason: "tooShort" } : { ok: false, reason: "notName" };
  const letters = name.replace(/[^\p{L}]/gu, "").length;
  if (letters < 3) return { ok: false, reason: "tooShort" };
  if (name.length > 80) return { ok: false, reason: "tooLong" };
  return { ok: true, value: name };
}
