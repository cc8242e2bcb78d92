/**
 * Name, NIK and mobile number as people type them in one message, in any order and with any
 * separators: "Budi Santoso 1571 0212 0590 0003", "1571021205900003 budi santoso 0812 3456 7001",
 * "nama: Siti, NIK 1571…". Each part is read on its own, so a good name is kept when the NIK is
 * wrong and the re-ask names only what is missing.
 */
import { parseNik, type NikResult } from "../../domain/nik";
import { parsePersonName, toNameCase, type NameResult } from "../../domain/person-name";
import { parsePhone } from "../../domain/phone";
import { isReferenceText } from "../../domain/reference";

export type IdentityInput = {
  /** Absent when the message has no letters besides filler words. */
  name?: NameResult;
  /** Absent when the message has no digits. */
  nik?: NikResult;
  /** A mobile number typed after (or before) the NIK. */
  phone?: string;
};

/** Longest message read: a name, a NIK and a phone with separators fit easily. */
const maxInput = 200;
const digitRuns = /\+?\d(?:[\d\s.-]*\d)?/g;
const filler =
  /\b(nik|nama|name|no|nomor|nmr|hp|telp|telepon|ktp|nya|saya|sy|dan|and|warga|namanya|nik nya)\b[.:]?/gi;

const toNameText = (text: string) =>
  text
    .replace(filler, " ")
    .replace(/[,;:/]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** A NIK and a mobile number typed together, either first; undefined when they do not split. */
function splitNikAndPhone(digits: string, today: Date): Pick<IdentityInput, "nik" | "phone"> | undefined {
  for (const [nikPart, phonePart] of [
    [digits.slice(0, 16), digits.slice(16)],
    [digits.slice(-16), digits.slice(0, -16)],
  ] as const) {
    const nik = parseNik(nikPart, today);
    const phone = parsePhone(phonePart, { mobileOnly: true });
    if (nik.ok && phone.ok) return { nik, phone: phone.value };
  }
  return undefined;
}

/** A NIK typed with letters in it ("1571O807038OOOO1"): one long word mixing digits and letters. */
const mixedNik = /(?<![\p{L}\d])(?=[\p{L}\d]*\d)(?=[\p{L}\d]*\p{L})[\p{L}\d]{12,20}(?![\p{L}\d])/u;

export function readIdentity(input: string, today: Date): IdentityInput {
  if (input.length > maxInput) return { name: { ok: false, reason: "tooLong" } };
  // "DFT-KQMZAB" is a reference (the question answerer shows its status), never a name.
  if (isReferenceText(input)) return { name: { ok: false, reason: "notName" } };
  const mixed = mixedNik.exec(input)?.[0];
  if (mixed) {
    const rest = toNameText(input.replace(mixed, " "));
    const name = rest === "" ? undefined : parsePersonName(rest);
    return {
      ...(name ? { name: name.ok ? { ok: true, value: toNameCase(name.value) } : name } : {}),
      nik: parseNik(mixed, today),
    };
  }
  const runs = input.match(digitRuns) ?? [];
  const digits = runs.join("").replace(/\D/g, "");
  const rest = toNameText(runs.reduce((left, run) => left.replace(run, " "), input));
  const parsedName = rest === "" ? undefined : parsePersonName(rest);
  const name: NameResult | undefined =
    parsedName?.ok === true ? { ok: true, value: toNameCase(parsedName.value) } : parsedName;
  const result: IdentityInput = name ? { name } : {};
  if (digits === "") return result;
  if (digits.length > 16) {
    const both = splitNikAndPhone(digits, today);
    if (both) return { ...result, ...both };
  }
  return { ...result, nik: parseNik(digits, today) };
}
