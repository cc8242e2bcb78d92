/**
 * Birth dates as people type them (day first, as in Indonesia): "7/3/1980", "07-03-1980",
 * "7 Maret 1980", "7 mar 80", "1980-03-07", "07031980", read by the shared date parser
 * (`date-input.ts`). On top: refused when implausibly old. Also the registration age rule.
 */
import { parseDateInput, type DateRefusal } from "./date-input";

export type BirthDateRefusal = DateRefusal | "tooOld";
export type BirthDateResult = { ok: true; value: string } | { ok: false; reason: BirthDateRefusal };

/** The oldest age we accept as a typing mistake guard. */
const maxPlausibleAge = 120;

/**
 * Parses a birth date; `today` is the current WIB calendar day as a UTC midnight Date
 * (e.g. `new Date(toJakartaDay(now))`). Two-digit years take the latest century not in the future;
 * a year is required and "kemarin" is no birth date.
 */
export function parseBirthDate(input: string, today: Date): BirthDateResult {
  const result = parseDateInput(input, today, { twoDigitYear: "pastCentury" });
  if (!result.ok) return result;
  if (ageOn(result.value, today) > maxPlausibleAge) return { ok: false, reason: "tooOld" };
  return result;
}

/** Whole years between a "YYYY-MM-DD" birth date and `today` (a UTC-midnight calendar day). */
export function ageOn(birthDate: string, today: Date): number {
  const [year, month, day] = birthDate.split("-").map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - year;
  const beforeBirthday =
    today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}

/** A KTP (and so a NIK-based registration) is normally held from 17 (DOMAIN §1.1, [U]). */
export const minimumRegistrationAge = 17;

export type AgeCheck =
  { ok: true; age: number } | { ok: false; reason: "tooYoung" | "tooOld"; age: number; limit: number };

/** Registration is open from 17 (KTP) to under `maxAge` (65 by BPJS material, [U], configurable). */
export function checkRegistrationAge(birthDate: string, today: Date, maxAge: number): AgeCheck {
  const age = ageOn(birthDate, today);
  if (age < minimumRegistrationAge)
    return { ok: false, reason: "tooYoung", age, limit: minimumRegistrationAge };
  if (age >= maxAge) return { ok: false, reason: "tooOld", age, limit: maxAge };
  return { ok: true, age };
}
