import { parsePersonName, toNameCase } from "../../src/domain/person-name";

describe("a full name as on the KTP", () => {
  it.each([
    "Siti Aminah",
    "Ahmad Fauzi",
    "Ni Luh Putu Ayu",
    "M. Ridwan",
    "Abdul-Karim",
    "Ma'ruf Amin",
    "Ali",
    "Al",
    "Yu",
    "Nguyễn Văn An",
    "Dr. Ahmad",
    "O'Neil",
    "Ni Made Suastini",
  ])("accepts %p", (name) => expect(parsePersonName(name)).toEqual({ ok: true, value: name }));

  it("composes accents typed as combining marks and straightens a curly apostrophe", () => {
    expect(parsePersonName("Jose\u0301  Ma\u2019ruf ")).toEqual({ ok: true, value: "José Ma'ruf" });
  });

  it.each([
    ["Budi 123", "badCharacters"],
    ["Siti, Aminah", "badCharacters"],
    ["NaN", "notName"],
    ["undefined", "notName"],
    ["constructor", "notName"],
    ["Null Undefined", "notName"],
    ["Z\u0337\u0338a\u0335\u0336l\u0334g\u0337o\u0338 Siti", "badCharacters"],
    ["S\u0301\u0302\u0303\u0304iti", "badCharacters"],
    ["<script>", "badCharacters"],
    ["-Siti", "badCharacters"],
    ["1", "tooShort"],
    [".-'", "tooShort"],
    ["gak", "notName"],
    ["brp diskonnya", "notName"],
    ["ok", "notName"],
    ["siapa nama saya?", "notName"],
    ["B", "tooShort"],
    ["A".repeat(81), "tooLong"],
    ["Siti ".repeat(13_000), "tooLong"],
  ])("refuses %p (%s)", (input, reason) => expect(parsePersonName(input)).toEqual({ ok: false, reason }));
});

describe("a name in title case, as staff and greetings show it", () => {
  it.each([
    ["rudi hartono", "Rudi Hartono"],
    ["RUDI HARTONO", "Rudi Hartono"],
    ["siti binti ahmad", "Siti binti Ahmad"],
    ["MUHAMMAD BIN ABDULLAH", "Muhammad bin Abdullah"],
    ["hj. siti aminah", "Hj. Siti Aminah"],
    ["HJ SITI", "Hj. Siti"],
    ["m. rizki", "M. Rizki"],
    ["ma'ruf amin", "Ma'ruf Amin"],
    ["abdul-karim", "Abdul-Karim"],
    ["McDonald budi", "McDonald Budi"],
  ])("%p → %p", (typed, shown) => expect(toNameCase(typed)).toBe(shown));
});
