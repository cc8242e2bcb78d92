/**
 * Quiet hours in WIB (default 20:00–07:00): broadcasts and reminders wait until they end.
 * A window whose start is after its end wraps over midnight; start = end means never quiet.
 */
import { fromJakarta, toJakartaParts } from "./jakarta-time";

/** "HH:MM" wall-clock times in WIB. */
export type QuietHours = { start: string; end: string };

function toMinutes(hhmm: string): number {
  const [hours, minutes] = hhmm.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** True when `at` falls inside the quiet window (WIB). */
export function isQuietTime(at: Date, quiet: QuietHours): boolean {
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  if (start === end) return false;
  const { hour, minute } = toJakartaParts(at);
  const now = hour * 60 + minute;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** `at` itself when sending is allowed, else the instant the quiet window ends. */
export function toSendableTime(at: Date, quiet: QuietHours): Date {
  if (!isQuietTime(at, quiet)) return at;
  const { year, month, day, hour, minute } = toJakartaParts(at);
  const end = toMinutes(quiet.end);
  const endsTomorrow = hour * 60 + minute >= end;
  return fromJakarta(year, month, day + (endsTomorrow ? 1 : 0), Math.floor(end / 60), end % 60);
}
