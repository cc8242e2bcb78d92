/** Small parsers for the death report's free-text answers; each returns a reason code when refused. */
import type { Parsed } from "../../core/steps";

/** A person's name: 2–80 characters, letters with spaces, dots, apostrophes and dashes. */
export function parsePersonName(text: string): Parsed<string> {
  const name = text.replace(/\s+/g, " ").trim();
  if (name.length < 2) return { ok: false, reason: "tooShort" };
  if (name.length > 80) return { ok: false, reason: "tooLong" };
  if (!/^[\p{L}][\p{L}\s.'`-]*$/u.test(name)) return { ok: false, reason: "notName" };
  return { ok: true, value: name };
}

/** A kelurahan name as typed (checked by staff later). */
export function parsePlaceName(text: string): Parsed<string> {
  const name = text.replace(/\s+/g, " ").trim();
  if (name.length < 3 || name.length > 60 || !/\p{L}/u.test(name)) return { ok: false, reason: "invalid" };
  return { ok: true, value: name.replace(/^(kel\.?|kelurahan)\s+/i, "") };
}

/** "RT 05", "rt.5", "005" → "05"-style number as typed, digits only. */
export function parseRt(text: string): Parsed<string> {
  const match = /^(?:rt\.?\s*)?0*(\d{1,3})(?:\s*\/\s*(?:rw\.?\s*)?\d{1,3})?$/i.exec(text.trim());
  if (!match?.[1] || match[1] === "0") return { ok: false, reason: "invalid" };
  return { ok: true, value: match[1].padStart(2, "0") };
}

/** A KPJ card number (digits) or a registration reference (DFT-…). */
export function parseKpjOrReference(text: string): Parsed<string> {
  const cleaned = text.replace(/[\s.]/g, "").toUpperCase();
  if (/^DFT-?[A-Z0-9]{6}$/.test(cleaned)) return { ok: true, value: cleaned.replace(/^DFT-?/, "DFT-") };
  if (/^\d{8,16}$/.test(cleaned)) return { ok: true, value: cleaned };
  return { ok: false, reason: "invalid" };
}
