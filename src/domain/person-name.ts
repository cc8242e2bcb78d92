/** A full name as on the KTP: letters, spaces and . ' , - only; 3–80 characters. */
export type NameRefusal = "tooShort" | "tooLong" | "notName";
export type NameResult = { ok: true; value: string } | { ok: false; reason: NameRefusal };

export function parsePersonName(input: string): NameResult {
  const name = input.replace(/\s+/g, " ").trim();
  if (!/^[\p{L}][\p{L}\p{M} .',-]*$/u.test(name))
    return name.length < 3 ? { ok: false, reason: "tooShort" } : { ok: false, reason: "notName" };
  const letters = name.replace(/[^\p{L}]/gu, "").length;
  if (letters < 3) return { ok: false, reason: "tooShort" };
  if (name.length > 80) return { ok: false, reason: "tooLong" };
  return { ok: true, value: name };
}
