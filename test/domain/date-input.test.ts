import { parseDateInput } from "../../src/domain/date-input";
import { parseDay } from "../../src/domain/wib-input";

const now = new Date("2026-03-02T09:00:00+07:00");
const deathDate = { relativeWords: true, yearOptional: true } as const;

describe("dates of death as typed", () => {
  it.each([
    ["12-02-2026", "2026-02-12"],
    ["12/2/26", "2026-02-12"],
    ["12 Februari 2026", "2026-02-12"],
    ["12 feb, 2026", "2026-02-12"],
    ["tgl 1 mar", "2026-03-01"],
    ["1/3", "2026-03-01"],
    ["2026-02-28", "2026-02-28"],
    ["12022026", "2026-02-12"],
    ["kemarin", "2026-03-01"],
    ["hari ini", "2026-03-02"],
  ])("reads %s", (typed, day) =>
    expect(parseDateInput(typed, now, deathDate)).toEqual({ ok: true, value: day }),
  );

  it.each([
    ["3 Maret 2026", "future"],
    ["1/1/27", "future"],
    ["31-02-2026", "invalidDate"],
    ["minggu lalu", "notDate"],
  ])("refuses %s (%s)", (typed, reason) =>
    expect(parseDateInput(typed, now, deathDate)).toEqual({ ok: false, reason }),
  );

  it("counts 'kemarin' from the WIB day, not the UTC one", () => {
    const earlyMorningWib = new Date("2026-03-02T01:00:00+07:00");
    expect(parseDateInput("kemarin", earlyMorningWib, deathDate)).toEqual({ ok: true, value: "2026-03-01" });
  });
});

describe("the same parser without the relative words and optional year", () => {
  it("wants a year and takes no 'kemarin' unless the caller allows them", () => {
    expect(parseDateInput("kemarin", now)).toEqual({ ok: false, reason: "notDate" });
    expect(parseDateInput("1 mar", now)).toEqual({ ok: false, reason: "notDate" });
  });
});

describe("days staff type for broadcasts", () => {
  it.each([
    ["31-12-2026", "2026-12-31"],
    ["31/12/2026", "2026-12-31"],
    ["2026-12-31", "2026-12-31"],
    ["31 Des 2026", "2026-12-31"],
    ["1-1-2025", "2025-01-01"],
  ])("reads %s as %s, past or future", (typed, day) =>
    expect(parseDay(typed, now)).toEqual({ ok: true, value: day }),
  );

  it.each(["31-02-2026", "besok", "31-12"])("refuses %s", (typed) =>
    expect(parseDay(typed, now)).toEqual({ ok: false, reason: "invalid" }),
  );
});
