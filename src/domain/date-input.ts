/**
 * Dates as people type them: "12/03/2026", "12-3-26", "12 Maret 2026", "12 mar", "2026-03-12",
 * "hari ini", "kemarin". Interpreted in WIB; the result is a calendar day YYYY-MM-DD.
 */
import { fromJakarta, toJakartaDay, toJakartaParts } from "./jakarta-time";

export type DateRefusal = "empty" | "notDate" | "invalidDate" | "future";
export type DateResult = { ok: true; value: string } | { ok: false; reason: DateRefusal };

const monthNames: Record<string, number> = {};
const names: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ["januari", "january", "jan"]],
  [2, ["februari", "pebruari", "february", "feb", "peb"]],
  [3, ["maret", "march", "mar"]],
  [4, ["april", "apr"]],
  [5, ["mei", "may"]],
  [6, ["juni", "june", "jun"]],
  [7, ["juli", "july", "jul"]],
  [8, ["agustus", "august", "agu", "agt", "aug", "ags"]],
  [9, ["september", "sept", "sep"]],
  [10, ["oktober", "october", "okt", "oct"]],
  [11, ["november", "nopember", "nov", "nop"]],
  [12, ["desember", "december", "des", "dec"]],
];
for (const [month, words] of names) for (const word of words) monthNames[word] = month;

const relative: Record<string, number> = {
  "hari ini": 0,
  tadi: 0,
  today: 0,
  kemarin: 1,
  kemaren: 1,
  yesterday: 1,
  "kemarin lusa": 2,
  "lusa kemarin": 2,
};

function toYear(text: string | undefined, today: { year: number }): number {
  if (text === undefined) return today.year;
  const year = Number(text);
  return text.length <= 2 ? 2000 + year : year;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toParts(text: string, today: { year: number }): [number, number, number] | undefined {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const numeric = /^(\d{1,2})[-/.\s](\d{1,2})(?:[-/.\s](\d{2}|\d{4}))?$/.exec(text);
  if (numeric) return [toYear(numeric[3], today), Number(numeric[2]), Number(numeric[1])];
  const named = /^(\d{1,2})\s*([a-z]+)\.?\s*(\d{2}|\d{4})?$/.exec(text);
  const month = named?.[2] ? monthNames[named[2]] : undefined;
  if (named && month) return [toYear(named[3], today), month, Number(named[1])];
  return undefined;
}

/** Parses a day that is not after `now` (WIB). */
export function parseDateInput(input: string, now: Date): DateResult {
  const text = input
    .toLowerCase()
    .replace(/^(tanggal|tgl\.?|tg\.?|pada)\s*/, "")
    .replace(/,/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (text === "") return { ok: false, reason: "empty" };
  const today = toJakartaParts(now);
  const back = relative[text];
  if (back !== undefined)
    return { ok: true, value: toJakartaDay(fromJakarta(today.year, today.month, today.day - back, 12)) };
  const parts = toParts(text, today);
  if (!parts) return { ok: false, reason: "notDate" };
  const [year, month, day] = parts;
  if (!isRealDate(year, month, day)) return { ok: false, reason: "invalidDate" };
  const value = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (value > toJakartaDay(now)) return { ok: false, reason: "future" };
  return { ok: true, value };
}
