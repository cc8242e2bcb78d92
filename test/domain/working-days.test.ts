import { fromJakarta } from "../../src/domain/jakarta-time";
import { createIndonesianHolidays, createWorkingCalendar } from "../../src/domain/working-days";

const at = (day: string, hour = 10) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return fromJakarta(y, m, d, hour);
};

describe("working days (Asia/Jakarta)", () => {
  const calendar = createWorkingCalendar(createIndonesianHolidays());

  it("skips a weekend: submitted on Friday, due on Wednesday", () => {
    expect(calendar.addWorkingDays(at("2026-03-06"), 3)).toBe("2026-03-11");
  });

  it("skips Nyepi, Idul Fitri and the weekend after them", () => {
    expect(calendar.addWorkingDays(at("2026-03-18"), 3)).toBe("2026-03-25");
  });

  it("skips configured cuti bersama days too", () => {
    const withLeave = createWorkingCalendar(createIndonesianHolidays(["2026-03-23", "2026-03-24"]));
    expect(withLeave.addWorkingDays(at("2026-03-18"), 3)).toBe("2026-03-27");
  });

  it("counts the day in WIB, not UTC: 23:30 WIB on Friday is still Friday", () => {
    expect(calendar.addWorkingDays(fromJakarta(2026, 3, 6, 23, 30), 1)).toBe("2026-03-09");
  });

  it("takes an injected holiday source, so tests do not depend on a holiday table", () => {
    const fake = createWorkingCalendar({ isHoliday: (day) => day === "2026-03-03" });
    expect(fake.addWorkingDays(at("2026-03-02"), 1)).toBe("2026-03-04");
    expect(fake.isWorkingDay("2026-03-07")).toBe(false);
  });

  it("says a deadline is past only from the next WIB day", () => {
    expect(calendar.isPast("2026-03-11", at("2026-03-11", 23))).toBe(false);
    expect(calendar.isPast("2026-03-11", at("2026-03-12", 0))).toBe(true);
  });
});
