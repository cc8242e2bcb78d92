import { parseRupiah } from "../../src/domain/rupiah-input";

describe("parseRupiah reads amounts as people type them", () => {
  it.each([
    ["1,5 juta", 1_500_000],
    ["1.5 juta", 1_500_000],
    ["1.500.000", 1_500_000],
    ["1,500,000", 1_500_000],
    ["1500000", 1_500_000],
    ["1500rb", 1_500_000],
    ["1500 ribu", 1_500_000],
    ["1500k", 1_500_000],
    ["2jt", 2_000_000],
    ["2 jt", 2_000_000],
    ["Rp 1.000.000", 1_000_000],
    ["Rp1.000.000/bulan", 1_000_000],
    ["1 juta 500 ribu", 1_500_000],
    ["dua juta", 2_000_000],
    ["setengah juta", 500_000],
    ["sejuta", 1_000_000],
    ["3 juta per bulan", 3_000_000],
  ])("%s → %d", (input, expected) => {
    expect(parseRupiah(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", "empty"],
    ["banyak", "notAmount"],
    ["Rp", "empty"],
  ])("refuses %p as %s", (input, reason) => {
    expect(parseRupiah(input)).toEqual({ ok: false, reason });
  });

  it("applies bounds", () => {
    expect(parseRupiah("500", { min: 1000 })).toEqual({ ok: false, reason: "tooSmall" });
    expect(parseRupiah("200 juta", { max: 100_000_000 })).toEqual({ ok: false, reason: "tooLarge" });
  });
});
