/**
 * Birth dates as people type them (day first, as in Indonesia): "7/3/1980", "07-03-1980",
 * "7 Maret 1980", "7 mar 80", "1980-03-07", "07031980". Refused with a reason: not a date,
 * not a real calendar date, in the future, or implausibly old. Also the registration age rule.
 */
export type BirthDateRefusal = "empty" | "notDate" | "invalidDate" | "future" | "tooOld";
export type BirthDateResult = { ok: true; value: string } | { ok: false; reason: BirthDateRefusal };

const monthNames: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, peb: 2, februari: 2, pebruari: 2, february: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  agu: 8, agt: 8, ags: 8, agus: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oct: 10, oktober: 10, october: 10,
  nov: 11, nop: 11, november: 11, nopember: 11,
  des: 12, dec: 12, desember: 12, december: 12,
}; // prettier-ignore

/** The oldest age we accept as a typing mistake guard. */
const maxPlausibleAge = 120;

type Parts = { day: number; month: number; year: number; shortYear: boolean };

const pad = (n: number) => String(n).padStart(2, "0");

export function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toParts(text: string): Parts | undefined {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), shortYear: false };
  const numeric = /^(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{2}|\d{4})$/.exec(text);
  if (numeric)
    return {
      day: Number(numeric[1]),
      month: Number(numeric[2]),
      year: Number(numeric[3]),
      shortYear: numeric[3]?.length === 2,
    };
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (compact)
    return { day: Number(compact[1]), month: Number(compact[2]), year: Number(compact[3]), shortYear: false };
  const named = /^(\d{1,2})[\s\-/.]*([a-z]+)\.?[\s\-/.,]*(\d{2}|\d{4})$/.exec(text);
  const month = named?.[2] ? monthNames[named[2]] : undefined;
  if (named && month)
    return { day: Number(named[1]), month, year: Number(named[3]), shortYear: named[3]?.length === 2 };
  return undefined;
}

/** "YYYY-MM-DD" of `today` as a calendar day (the caller passes the WIB day). */
function toDay(today: Date): string {
  return `${today.getUTCFullYear()}-${pad(today.getUTCMonth() + 1)}-${pad(today.getUTCDate())}`;
}

/**
 * Parses a birth date; `today` is the current WIB calendar day as a UTC midnight Date
 * (e.g. `new Date(toJakartaDay(now))`). Two-digit years take the latest century not in the future.
 */
export function parseBirthDate(input: string, today: Date): BirthDateResult {
  const text = input
    .toLowerCase()
    .replace(/^(tgl|tanggal|lahir|born|on)\b[\s:]*/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text === "") return { ok: false, reason: "empty" };
  const parts = toParts(text);
  if (!parts) return { ok: false, reason: "notDate" };
  const todayDay = toDay(today);
  let year = parts.year;
  if (parts.shortYear) {
    year = 2000 + parts.year;
    if (`${year}-${pad(parts.month)}-${pad(parts.day)}` > todayDay) year -= 100;
  }
  if (!isRealDate(year, parts.month, parts.day)) return { ok: false, reason: "invalidDate" };
  const value = `${year}-${pad(parts.month)}-${pad(parts.day)}`;
  if (value > todayDay) return { ok: false, reason: "future" };
  if (ageOn(value, today) > maxPlausibleAge) return { ok: false, reason: "tooOld" };
  return { ok: true, value };
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
