import { ageOn, checkRegistrationAge, parseBirthDate } from "../../src/domain/birth-date";

const today = new Date("2026-03-02T00:00:00Z");

describe("parseBirthDate reads the common forms, day first", () => {
  it.each([
    ["7/3/1980", "1980-03-07"],
    ["07/03/1980", "1980-03-07"],
    ["07-03-1980", "1980-03-07"],
    ["7.3.1980", "1980-03-07"],
    ["7 3 1980", "1980-03-07"],
    ["7 Maret 1980", "1980-03-07"],
    ["7 maret 1980", "1980-03-07"],
    ["7 mar 80", "1980-03-07"],
    ["7-Mar-1980", "1980-03-07"],
    ["7 March 1980", "1980-03-07"],
    ["17 Agustus 1975", "1975-08-17"],
    ["17 agt 75", "1975-08-17"],
    ["1 Des 1990", "1990-12-01"],
    ["1 nopember 1990", "1990-11-01"],
    ["5 Mei 2005", "2005-05-05"],
    ["1980-03-07", "1980-03-07"],
    ["1980/3/7", "1980-03-07"],
    ["07031980", "1980-03-07"],
    ["tgl 7/3/1980", "1980-03-07"],
    ["29/2/2000", "2000-02-29"],
    ["7/3/05", "2005-03-07"],
    ["1/1/26", "2026-01-01"],
    ["1/12/26", "1926-12-01"],
  ])("%s → %s", (input, expected) => {
    expect(parseBirthDate(input, today)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", "empty"],
    ["kemarin", "notDate"],
    ["7 maretz", "notDate"],
    ["1980", "notDate"],
    ["31/4/1980", "invalidDate"],
    ["29/2/1981", "invalidDate"],
    ["30 Februari 1990", "invalidDate"],
    ["7/13/1980", "invalidDate"],
    ["0/3/1980", "invalidDate"],
    ["3/3/2026", "future"],
    ["1/1/2030", "future"],
    ["1/1/1890", "tooOld"],
  ])("refuses %p as %s", (input, reason) => {
    expect(parseBirthDate(input, today)).toEqual({ ok: false, reason });
  });
});

describe("ageOn and the registration age rule", () => {
  it("counts whole years, birthday included", () => {
    expect(ageOn("1980-03-02", today)).toBe(46);
    expect(ageOn("1980-03-03", today)).toBe(45);
  });

  it("accepts 17 up to the day before the maximum age", () => {
    expect(checkRegistrationAge("2009-03-02", today, 65)).toEqual({ ok: true, age: 17 });
    expect(checkRegistrationAge("1961-03-03", today, 65)).toEqual({ ok: true, age: 64 });
  });

  it("refuses under 17 and from the maximum age, naming the limit", () => {
    expect(checkRegistrationAge("2009-03-03", today, 65)).toEqual({
      ok: false,
      reason: "tooYoung",
      age: 16,
      limit: 17,
    });
    expect(checkRegistrationAge("1961-03-02", today, 65)).toEqual({
      ok: false,
      reason: "tooOld",
      age: 65,
      limit: 65,
    });
    expect(checkRegistrationAge("1961-03-02", today, 70)).toEqual({ ok: true, age: 65 });
  });
});
