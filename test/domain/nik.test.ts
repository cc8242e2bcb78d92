import { maskNik, parseNik } from "../../src/domain/nik";

const today = new Date("2026-03-02T00:00:00Z");

describe("parseNik accepts real NIKs and derives birth date and sex", () => {
  it.each([
    ["man born 7 March 1980 in Jelutung", "1571080703800001", "1980-03-07", "L", true],
    ["woman born 7 March 1980 (day + 40)", "1571084703800001", "1980-03-07", "P", true],
    ["woman born on the 31st (day 71)", "1571087101900002", "1990-01-31", "P", true],
    ["man born on the 1st", "1571010101900003", "1990-01-01", "L", true],
    ["woman born on the 1st (day 41)", "1571014101900003", "1990-01-01", "P", true],
    ["man born on the 31st", "1571013112850001", "1985-12-31", "L", true],
    ["29 February in a leap year (2000)", "1571012902000001", "2000-02-29", "L", true],
    ["29 February of a woman in a leap year (1996)", "1571016902960001", "1996-02-29", "P", true],
    ["29 February 2004 (20xx leap)", "1571012902040001", "2004-02-29", "L", true],
    ["birth in the 2000s", "1571020505050001", "2005-05-05", "L", true],
    ["birth in 2008 (two-digit year 08)", "1571024512080009", "2008-12-05", "P", true],
    ["birth in the 1960s", "1571031708620001", "1962-08-17", "L", true],
    ["year 00 is 2000", "1571040101000001", "2000-01-01", "L", true],
    ["year 27 is 1927 (2027 is in the future)", "1571040101270001", "1927-01-01", "L", true],
    ["year 26 after today is 1926", "1571041012260001", "1926-12-10", "L", true],
    ["year 26 before today is 2026", "1571040101260001", "2026-01-01", "L", true],
    ["spaces as on the card", "1571 0807 0380 0001", "1980-03-07", "L", true],
    ["dots", "1571.08.070380.0001", "1980-03-07", "L", true],
    ["dashes", "157108-070380-0001", "1980-03-07", "L", true],
    ["mixed separators", " 1571-08 070380.0001 ", "1980-03-07", "L", true],
    ["Kota Sungai Penuh prefix (outside Kota Jambi)", "1572010703800001", "1980-03-07", "L", false],
    ["Muaro Jambi regency", "1505010703800001", "1980-03-07", "L", false],
    ["a migrant from DKI Jakarta", "3171014703800001", "1980-03-07", "P", false],
    ["legacy province code 96 (Papua Barat Daya)", "9601010703800001", "1980-03-07", "L", false],
    ["serial 9999", "1571080703809999", "1980-03-07", "L", true],
  ])("%s", (_name, input, birthDate, sex, inKotaJambi) => {
    const result = parseNik(input, today);
    expect(result).toMatchObject({ ok: true, value: { birthDate, sex, inKotaJambi } });
  });

  it("returns the 16 digits and region codes", () => {
    const result = parseNik("1571 0807 0380 0001", today);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        nik: "1571080703800001",
        province: "15",
        regency: "1571",
        kecamatan: "157108",
        serial: "0001",
      }),
    });
  });
});

describe("parseNik refuses with the specific reason", () => {
  it.each([
    ["empty", "", "empty"],
    ["only separators", " - . ", "empty"],
    ["letters", "1571O80703800001", "notDigits"],
    ["words", "nik saya", "notDigits"],
    ["15 digits", "157108070380000", "tooShort"],
    ["12 digits", "1571 0807 0380", "tooShort"],
    ["17 digits", "15710807038000011", "tooLong"],
    ["province 00", "0071080703800001", "unknownProvince"],
    ["province 10", "1071080703800001", "unknownProvince"],
    ["province 20", "2071080703800001", "unknownProvince"],
    ["province 99", "9971080703800001", "unknownProvince"],
    ["day 00", "1571080003800001", "invalidDay"],
    ["day 32", "1571083203800001", "invalidDay"],
    ["day 40", "1571084003800001", "invalidDay"],
    ["day 72", "1571087203800001", "invalidDay"],
    ["month 00", "1571080700800001", "invalidMonth"],
    ["month 13", "1571080713800001", "invalidMonth"],
    ["31 April", "1571083104800001", "invalidDate"],
    ["30 February (woman, day 70)", "1571087002800001", "invalidDate"],
    ["29 February in a non-leap year (1981 and 2081)", "1571012902810001", "invalidDate"],
    ["29 February 2023 and 1923 (non-leap)", "1571016902230001", "invalidDate"],
    ["serial 0000", "1571080703800000", "zeroSerial"],
  ])("%s", (_name, input, reason) => {
    expect(parseNik(input, today)).toMatchObject({ ok: false, reason });
  });

  it("tells how many digits were typed", () => {
    expect(parseNik("1571 0807 0380 001", today)).toEqual({ ok: false, reason: "tooShort", digits: 15 });
    expect(parseNik("15710807038000011", today)).toEqual({ ok: false, reason: "tooLong", digits: 17 });
  });

  it("refuses a birth date later this year, which would be in the future", () => {
    // 10 December 2026 has not happened on 2 March 2026, so the year is 1926, never 2026.
    expect(parseNik("1571041012260001", today)).toMatchObject({
      ok: true,
      value: { birthDate: "1926-12-10" },
    });
  });
});

describe("maskNik", () => {
  it("shows only the first and last four digits", () => {
    expect(maskNik("1571080703800001")).toBe("1571********0001");
    expect(maskNik("1571 0807 0380 0001")).toBe("1571********0001");
  });
});
