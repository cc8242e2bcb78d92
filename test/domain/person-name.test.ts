import { parsePersonName } from "../../src/domain/person-name";

describe("a full name as on the KTP", () => {
  it.each([
    "Siti Aminah",
    "Ahmad Fauzi",
    "Ni Luh Putu Ayu",
    "M. Ridwan",
    "Abdul-Karim",
    "Ma'ruf Amin",
    "Ali",
  ])("accepts %p", (name) => expect(parsePersonName(name)).toEqual({ ok: true, value: name }));

  it.each([
    ["Budi 123", "notName"],
    ["gak", "notName"],
    ["brp diskonnya", "notName"],
    ["ok", "notName"],
    ["siapa nama saya?", "notName"],
    ["B", "tooShort"],
    ["A".repeat(81), "tooLong"],
  ])("refuses %p (%s)", (input, reason) => expect(parsePersonName(input)).toEqual({ ok: false, reason }));
});
