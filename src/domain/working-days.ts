/**
 * Working days in Asia/Jakarta (DOMAIN §3.3): Monday to Friday, minus national public holidays
 * and configured extra days (cuti bersama). The holiday source is injected so tests are
 * deterministic; `createIndonesianHolidays` is the real one (date-holidays, country ID).
 */
import Holidays from "date-holidays";
import { fromJakarta, toJakartaDay, toJakartaParts } from "./jakarta-time";

/** Answers "is this WIB day (YYYY-MM-DD) a holiday?". */
export type HolidaySource = { isHoliday(day: string): boolean };

export type WorkingCalendar = {
  isWorkingDay(day: string): boolean;
  /** The WIB day `count` working days after the WIB day of `from` (that day itself not counted). */
  addWorkingDays(from: Date, count: number): string;
  /** True when the WIB day of `now` is after `deadline` (YYYY-MM-DD). */
  isPast(deadline: string, now: Date): boolean;
};

/** National public holidays (date-holidays "ID", type public) plus `extra` days, cached per year. */
export function createIndonesianHolidays(extra: readonly string[] = []): HolidaySource {
  const calendar = new Holidays("ID");
  const byYear = new Map<number, Set<string>>();
  const extraDays = new Set(extra);
  const daysOf = (year: number): Set<string> => {
    let days = byYear.get(year);
    if (!days) {
      days = new Set(
        calendar
          .getHolidays(year)
          .filter((h) => h.type === "public")
          .map((h) => h.date.slice(0, 10)),
      );
      byYear.set(year, days);
    }
    return days;
  };
  return { isHoliday: (day) => extraDays.has(day) || daysOf(Number(day.slice(0, 4))).has(day) };
}

function dayAfter(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return toJakartaDay(fromJakarta(y, m, d + 1, 12));
}

export function createWorkingCalendar(holidays: HolidaySource): WorkingCalendar {
  const isWorkingDay = (day: string): boolean => {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    const { weekday } = toJakartaParts(fromJakarta(y, m, d, 12));
    return weekday !== 0 && weekday !== 6 && !holidays.isHoliday(day);
  };
  return {
    isWorkingDay,
    addWorkingDays(from, count) {
      let day = toJakartaDay(from);
      for (let added = 0; added < count;) {
        day = dayAfter(day);
        if (isWorkingDay(day)) added += 1;
      }
      return day;
    },
    isPast: (deadline, now) => toJakartaDay(now) > deadline,
  };
}

/** "2026-03-25" → the instant of noon WIB that day, for formatting a day as a date. */
export function toDisplayDate(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return fromJakarta(y, m, d, 12);
}
