/**
 * The death report's free-text answers, read with the registration's own domain parsers (NIK,
 * names, kelurahan, RT, references) so both flows accept and store the same things. Several
 * answers may come in one message: "1571 0201 0180 0001 Ahmad Yani", "Payo Lebar RT 5",
 * "Siti Aminah 1571…".
 */
import type { Parsed } from "../../core/steps";
import { toOfficialAreaName } from "../../domain/area-match";
import { parseNik, type ParsedNik } from "../../domain/nik";
import { parsePersonName } from "../../domain/person-name";
import { parsePhone } from "../../domain/phone";
import { parseReference, registrationPrefix } from "../../domain/reference";
import { parseRt as parseRtNumber } from "../../domain/rt-rw";

/** A run of digits with spaces, dots or dashes between them (a NIK, KPJ or phone as typed). */
const numberRun = /\+?\d[\d\s.-]{6,}\d/;
const filler = /\b(nik|nama|name|no|nomor|kpj|ktp|almarhum|almarhumah|alm|almh|saya|sy|dan|and)\b[.:]?/gi;

const nameOf = (rest: string) => rest.replace(filler, " ").replace(/[,;:]/g, " ").replace(/\s+/g, " ").trim();

export type DeceasedAnswer =
  | { by: "nik"; nik: ParsedNik; name?: string }
  | { by: "kpj"; kpj: string; name?: string }
  | { by: "name"; name: string; area?: { kelurahan: string; rt: string } };

/**
 * "Budi Santoso Payo Lebar RT 7": the name, then a kelurahan of Kota Jambi and the RT. The
 * kelurahan is the longest run of words before "RT" that names one clearly; the rest is the name.
 */
function parseNameWithArea(
  text: string,
): { name: string; area: { kelurahan: string; rt: string } } | undefined {
  const rt = text.match(/\brt\.?\s*(?:no\.?\s*)?(\d{1,3})\b/i);
  if (!rt?.[1] || rt.index === undefined) return undefined;
  const words = text.slice(0, rt.index).replace(/[,;]/g, " ").trim().split(/\s+/);
  const rtNumber = parseRt(rt[1]);
  if (!rtNumber.ok) return undefined;
  const sizes = Array.from(
    { length: Math.min(4, words.length - 1) },
    (_, i) => Math.min(4, words.length - 1) - i,
  );
  const splits = sizes.flatMap((size) => {
    const kelurahan = toOfficialAreaName("kelurahan", words.slice(-size).join(" "));
    const name = parsePersonName(nameOf(words.slice(0, -size).join(" ")));
    return kelurahan && name.ok ? [{ size, kelurahan, name: name.value }] : [];
  });
  // A run as long as the kelurahan's own name first: "Santoso Payo Lebar" also reads as Payo Lebar.
  const best = splits.find((s) => s.size === s.kelurahan.split(/\s+/).length) ?? splits[0];
  return best && { name: best.name, area: { kelurahan: best.kelurahan, rt: rtNumber.value } };
}

/** NIK (or KPJ / DFT- reference) and name, or the name alone. */
export function parseDeceased(text: string, today: Date): Parsed<DeceasedAnswer> {
  const reference = parseReference(text.match(/dft[\s-]*\w{6}/i)?.[0] ?? "", registrationPrefix);
  const run = text.match(numberRun)?.[0];
  const digits = run?.replace(/\D/g, "") ?? "";
  const rest = (
    reference ? text.replace(/dft[\s-]*\w{6}/i, " ") : run ? text.replace(run, " ") : text
  ).trim();
  const name = rest === "" ? undefined : parsePersonName(nameOf(rest));
  if (name && !name.ok && !run && !reference && !parseNameWithArea(text))
    return { ok: false, reason: "name" };
  const withName = name?.ok ? { name: name.value } : {};
  if (reference) return { ok: true, value: { by: "kpj", kpj: reference, ...withName } };
  if (digits.length === 16) {
    const nik = parseNik(digits, today);
    return nik.ok
      ? { ok: true, value: { by: "nik", nik: nik.value, ...withName } }
      : { ok: false, reason: nik.reason };
  }
  if (digits.length >= 8 && digits.length <= 15)
    return { ok: true, value: { by: "kpj", kpj: digits, ...withName } };
  if (run) return { ok: false, reason: "number" };
  const withArea = parseNameWithArea(text);
  if (withArea) return { ok: true, value: { by: "name", ...withArea } };
  return name?.ok ? { ok: true, value: { by: "name", name: name.value } } : { ok: false, reason: "name" };
}

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

/** "Payo Lebar RT 5", "rt 05 kel. payo lebar", "payo lebar 5": kelurahan and RT in one answer. */
export function parseArea(text: string): Parsed<{ kelurahan: string; rt: string }> {
  const rtMatch = text.match(/\brt\.?\s*(?:no\.?\s*)?(\d{1,3})\b/i) ?? text.match(/\b(\d{1,3})\s*$/);
  const rest = (rtMatch ? text.replace(rtMatch[0], " ") : text).replace(/\brw\.?\s*\d{1,3}\b/i, " ").trim();
  const kelurahan = parseKelurahan(rest.replace(/[,;]/g, " "));
  const rt = rtMatch?.[1] ? parseRt(rtMatch[1]) : undefined;
  if (!kelurahan.ok) return { ok: false, reason: rt?.ok ? "noKelurahan" : "invalid" };
  if (!rt?.ok) return { ok: false, reason: "noRt" };
  return { ok: true, value: { kelurahan: kelurahan.value, rt: rt.value } };
}

export type HeirIdentity = { name?: string; nik?: ParsedNik; phone?: string };

/** A NIK and a mobile number typed together ("1571… 0812…", either first): split by their shapes. */
function splitNumbers(digits: string, today: Date): { nik?: ParsedNik; phone?: string } | undefined {
  const nikFirst = parseNik(digits.slice(0, 16), today);
  const phoneAfter = parsePhone(digits.slice(16), { mobileOnly: true });
  if (nikFirst.ok && phoneAfter.ok) return { nik: nikFirst.value, phone: phoneAfter.value };
  const nikLast = parseNik(digits.slice(-16), today);
  const phoneBefore = parsePhone(digits.slice(0, -16), { mobileOnly: true });
  if (nikLast.ok && phoneBefore.ok) return { nik: nikLast.value, phone: phoneBefore.value };
  return undefined;
}

/** The heir's name, NIK and (when asked) mobile number in one answer, in any order; any may be missing. */
export function parseHeirIdentity(text: string, today: Date): Parsed<HeirIdentity> {
  const runs = text.match(new RegExp(numberRun.source, "g")) ?? [];
  const digits = runs.join("").replace(/\D/g, "");
  const rest = nameOf(runs.reduce((left, run) => left.replace(run, " "), text));
  const name = rest === "" ? undefined : parsePersonName(rest);
  const withName = name?.ok ? { name: name.value } : {};
  if (digits.length === 0) return name?.ok ? { ok: true, value: withName } : { ok: false, reason: "name" };
  if (digits.length > 16) {
    const both = splitNumbers(digits, today);
    if (both) return { ok: true, value: { ...both, ...withName } };
  }
  const nik = parseNik(digits, today);
  return nik.ok ? { ok: true, value: { nik: nik.value, ...withName } } : { ok: false, reason: nik.reason };
}
