/** Dates and times staff type, read as WIB: "31-12-2026", "2026-12-31", "08:30", "24-12-2026 08:30". */
import { parseDateInput } from "./date-input";
import { fromJakarta, toJakartaParts } from "./jakarta-time";

export type WibParse<T> = { ok: true; value: T } | { ok: false; reason: "invalid" | "past" };

/** A calendar day as YYYY-MM-DD, past or future ("31-12-2026", "31 Des 2026", "2026-12-31"). */
export function parseDay(text: string, now: Date): WibParse<string> {
  const day = parseDateInput(text, now, { allowFuture: true });
  return day.ok ? day : { ok: false, reason: "invalid" };
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
  const day = parseDay(match[1], now);
  if (!day.ok) return day;
  const [y, m, d] = day.value.split("-").map(Number);
  const at = fromJakarta(y ?? 0, m ?? 0, d ?? 0, hour, minute);
  return at <= now ? { ok: false, reason: "past" } : { ok: true, value: at };
}
