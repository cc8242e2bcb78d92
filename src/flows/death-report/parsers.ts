/**
 * The death report's free-text answers, read with the registration's own domain parsers
 * (kelurahan, RT, references; names come from domain/person-name.ts directly) so both flows accept and store the same things.
 */
import type { Parsed } from "../../core/steps";
import { toOfficialAreaName } from "../../domain/area-match";
import { parseReference, registrationPrefix } from "../../domain/reference";
import { parseRt as parseRtNumber } from "../../domain/rt-rw";

/** A kelurahan: its official name when it matches one of Kota Jambi's, else as typed (staff check it). */
export function parseKelurahan(text: string): Parsed<string> {
  const name = text.replace(/\s+/g, " ").trim();
  if (name.length < 3 || name.length > 60 || !/\p{L}/u.test(name)) return { ok: false, reason: "invalid" };
  const typed = name.replace(/^(kel\.?|kelurahan)\s+/i, "");
  return { ok: true, value: toOfficialAreaName("kelurahan", name) ?? typed };
}

/** "RT 05", "rt.5", "005", "5/3" → "5", as registrations store it. */
export function parseRt(text: string): Parsed<string> {
  const rt = parseRtNumber(text);
  return rt ? { ok: true, value: rt } : { ok: false, reason: "invalid" };
}

/** A KPJ card number (digits) or a registration reference (DFT-…). */
export function parseKpjOrReference(text: string): Parsed<string> {
  const reference = parseReference(text, registrationPrefix);
  if (reference) return { ok: true, value: reference };
  const digits = text.replace(/[\s.]/g, "");
  return /^\d{8,16}$/.test(digits) ? { ok: true, value: digits } : { ok: false, reason: "invalid" };
}
