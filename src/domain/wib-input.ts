/** Dates and times staff type, read as WIB: "31-12-2026", "2026-12-31", "08:30", "24-12-2026 08:30". */
import { fromJakarta, toJakartaParts } from "./jakarta-time";

export type WibParse<T> = { ok: true; value: T } | { ok: false; reason: "invalid" | "past" };

function toValidDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A calendar day as YYYY-MM-DD. */
export function parseDay(text: string): WibParse<string> {
  const trimmed = text.trim();
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : undefined;
  const day = parts ? toValidDay(Number(parts[0]), Number(parts[1]), Number(parts[2])) : undefined;
  return day ? { ok: true, value: day } : { ok: false, reason: "invalid" };
}

/** A moment after `now`: "HH:MM" (today, or tomorrow if already past) or "DD-MM-YYYY HH:MM". */
export function parseWibMoment(text: string, now: Date): WibParse<Date> {
  const match = /^(?:(\S+)\s+)?(\d{1,2})[.:](\d{2})$/.exec(text.trim().replace(/\s*wib$/i, ""));
  if (!match) return { ok: false, reason: "invalid" };
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  if (hour > 23 || minute > 59) return { ok: false, reason: "invalid" };
  if (!match[1]) {
    const today = toJakartaParts(now);
    let at = fromJakarta(today.year, today.month, today.day, hour, minute);
    if (at <= now) at = fromJakarta(today.year, today.month, today.day + 1, hour, minute);
    return { ok: true, value: at };
  }
  const day = parseDay(match[1]);
  if (!day.ok) return day;
  const [y, m, d] = day.value.split("-").map(Number);
  const at = fromJakarta(y ?? 0, m ?? 0, d ?? 0, hour, minute);
  return at <= now ? { ok: false, reason: "past" } : { ok: true, value: at };
}
