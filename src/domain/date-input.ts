/**
 * The one parser for dates people type, day first as in Indonesia: "7/3/1980", "07-03-1980",
 * "7 Maret 1980", "7 mar 80", "7-Mar-1980", "1980-03-07", "07031980", and where the caller allows
 * it "hari ini", "kemarin" and "12 mar" (this year). Read in WIB; the result is a day "YYYY-MM-DD".
 * Callers add their own rules on top (birth dates: plausible age; registration: age limits).
 */
import { fromJakarta, toJakartaDay, toJakartaParts } from "./jakarta-time";
import { lookup } from "./lookup";

export type DateRefusal = "empty" | "notDate" | "invalidDate" | "future";
export type DateResult = { ok: true; value: string } | { ok: false; reason: DateRefusal };

const maxInput = 60;

export type DateInputOptions = {
  /** Accept "hari ini", "kemarin", "kemarin lusa", counted back from `now`. */
  relativeWords?: boolean;
  /** Accept "12 mar" or "12/3" without a year, as this year. */
  yearOptional?: boolean;
  /** Two-digit years: 20yy ("recent", the default) or the latest century not after today (birth dates). */
  twoDigitYear?: "recent" | "pastCentury";
  /** Accept days after today (staff scheduling); refused as "future" otherwise. */
  allowFuture?: boolean;
};

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

const daysBack: Record<string, number> = {
  "hari ini": 0,
  tadi: 0,
  today: 0,
  kemarin: 1,
  kemaren: 1,
  yesterday: 1,
  "kemarin lusa": 2,
  "lusa kemarin": 2,
};

/** Parts as typed; `year` is undefined when none was typed, `shortYear` when it had two digits. */
type Parts = { day: number; month: number; year: number | undefined; shortYear: boolean };

const pad = (n: number) => String(n).padStart(2, "0");
const toDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** Whether day/month/year name a day of the calendar (no 31 April, 29 February only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toParts(text: string): Parts | undefined {
  const parts = (day?: string, month?: number, year?: string): Parts => ({
    day: Number(day),
    month: month ?? 0,
    year: year === undefined ? undefined : Number(year),
    shortYear: year?.length === 2,
  });
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return parts(iso[3], Number(iso[2]), iso[1]);
  const numeric = /^(\d{1,2})[-/.\s](\d{1,2})(?:[-/.\s](\d{2}|\d{4}))?$/.exec(text);
  if (numeric) return parts(numeric[1], Number(numeric[2]), numeric[3]);
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (compact) return parts(compact[1], Number(compact[2]), compact[3]);
  const named = /^(\d{1,2})[\s\-/.]*([a-z]+)\.?[\s\-/.]*(\d{2}|\d{4})?$/.exec(text);
  const month = named?.[2] ? monthNames[named[2]] : undefined;
  return named && month ? parts(named[1], month, named[3]) : undefined;
}

function toYear(parts: Parts, today: string, options: DateInputOptions): number | undefined {
  if (parts.year === undefined) return options.yearOptional ? Number(today.slice(0, 4)) : undefined;
  if (!parts.shortYear) return parts.year;
  const year = 2000 + parts.year;
  const pastCentury = options.twoDigitYear === "pastCentury";
  return pastCentury && toDay(year, parts.month, parts.day) > today ? year - 100 : year;
}

/** Parses a typed day; `now` is the current instant (today is its WIB calendar day). */
export function parseDateInput(input: string, now: Date, options: DateInputOptions = {}): DateResult {
  // "tanggal 17 Agustus 1945" is short; longer text is no date and is not read.
  if (input.length > maxInput) return { ok: false, reason: "notDate" };
  const text = input
    .toLowerCase()
    .replace(/^(tanggal|tgl|tg|pada|lahir|born|on)\b[\s.:]*/, "")
    .replace(/,/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (text === "") return { ok: false, reason: "empty" };
  const today = toJakartaDay(now);
  const back = options.relativeWords ? lookup(daysBack, text) : undefined;
  if (back !== undefined) {
    const parts = toJakartaParts(now);
    return { ok: true, value: toJakartaDay(fromJakarta(parts.year, parts.month, parts.day - back, 12)) };
  }
  const parts = toParts(text);
  const year = parts ? toYear(parts, today, options) : undefined;
  if (!parts || year === undefined) return { ok: false, reason: "notDate" };
  if (!isRealDate(year, parts.month, parts.day)) return { ok: false, reason: "invalidDate" };
  const value = toDay(year, parts.month, parts.day);
  if (!options.allowFuture && value > today) return { ok: false, reason: "future" };
  return { ok: true, value };
}
