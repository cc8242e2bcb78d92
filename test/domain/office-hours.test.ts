import { addOfficeMinutes, isOfficeTime, parseOfficeHours } from "../../src/domain/office-hours";
import { createIndonesianHolidays, createWorkingCalendar } from "../../src/domain/working-days";

const calendar = createWorkingCalendar(createIndonesianHolidays());
const hours = parseOfficeHours("08:00-16:00")!;
const wib = (text: string) => new Date(`${text}+07:00`);

describe("office hours", () => {
  it("reads HH:MM-HH:MM and refuses an empty or reversed span", () => {
    expect(parseOfficeHours("08:00-16:00")).toEqual({ start: 480, end: 960 });
    expect(parseOfficeHours("16:00-08:00")).toBeUndefined();
    expect(parseOfficeHours("8-16")).toBeUndefined();
  });

  it.each([
    ["Monday 09:00, within the day", "2026-03-02T09:00:00", 120, "2026-03-02T11:00:00"],
    ["Monday 15:00, running into Tuesday", "2026-03-02T15:00:00", 120, "2026-03-03T09:00:00"],
    ["Friday 19:00, after closing: Monday", "2026-03-06T19:00:00", 240, "2026-03-09T12:00:00"],
    ["Saturday: Monday", "2026-03-07T10:00:00", 60, "2026-03-09T09:00:00"],
    ["before opening", "2026-03-02T06:30:00", 30, "2026-03-02T08:30:00"],
  ])("adds office minutes from %s", (_case, from, minutes, due) => {
    expect(addOfficeMinutes(calendar, hours, wib(from), minutes)).toEqual(wib(due));
  });

  it("knows office time on working days only", () => {
    expect(isOfficeTime(calendar, hours, wib("2026-03-02T10:00:00"))).toBe(true);
    expect(isOfficeTime(calendar, hours, wib("2026-03-02T16:00:00"))).toBe(false);
    expect(isOfficeTime(calendar, hours, wib("2026-03-07T10:00:00"))).toBe(false);
  });
});
