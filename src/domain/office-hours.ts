/**
 * Office hours for the hand-off to staff (WIB, working days only): when a person can answer, and
 * the moment an answer is due when it must come within so many minutes of office time.
 */
import { fromJakarta, toJakartaDay, toJakartaParts } from "./jakarta-time";
import type { WorkingCalendar } from "./working-days";

/** Minutes after WIB midnight: start inclusive, end exclusive. */
export type OfficeHours = { start: number; end: number };

/** "08:00-16:00" → { start: 480, end: 960 }; undefined for anything else or an empty span. */
export function parseOfficeHours(text: string): OfficeHours | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!match) return undefined;
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  const hours = { start: h1 * 60 + m1, end: h2 * 60 + m2 };
  return hours.end > hours.start ? hours : undefined;
}

const minuteOfDay = (date: Date) => {
  const { hour, minute } = toJakartaParts(date);
  return hour * 60 + minute;
};

const startOf = (day: string, minutes: number) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return fromJakarta(y, m, d, Math.floor(minutes / 60), minutes % 60);
};

/** True on a working day between the opening and closing times. */
export function isOfficeTime(calendar: WorkingCalendar, hours: OfficeHours, at: Date): boolean {
  const minute = minuteOfDay(at);
  return calendar.isWorkingDay(toJakartaDay(at)) && minute >= hours.start && minute < hours.end;
}

/** The instant `minutes` of office time after `from` (counting starts at the next opening when closed). */
export function addOfficeMinutes(
  calendar: WorkingCalendar,
  hours: OfficeHours,
  from: Date,
  minutes: number,
): Date {
  let cursor = from;
  let left = minutes;
  for (let guard = 0; guard < 400; guard++) {
    const day = toJakartaDay(cursor);
    const minute = minuteOfDay(cursor);
    if (calendar.isWorkingDay(day) && minute < hours.end) {
      const begin = Math.max(minute, hours.start);
      const available = hours.end - begin;
      if (left <= available) return new Date(startOf(day, begin).getTime() + left * 60_000);
      left -= available;
    }
    cursor = startOf(toJakartaDay(new Date(startOf(day, 0).getTime() + 36 * 3600_000)), 0);
  }
  return cursor;
}
