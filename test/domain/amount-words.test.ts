import { toAmountInWords } from "../../src/domain/amount-words";

describe("amounts in words", () => {
  it("spells Rp 42 juta in Indonesian and English", () => {
    expect(toAmountInWords(42_000_000)).toBe("empat puluh dua juta rupiah");
    expect(toAmountInWords(42_000_000, "en")).toBe("forty-two million rupiah");
  });

  it("writes the KBBI 'miliar', not 'milyar'", () => {
    expect(toAmountInWords(1_500_000_000)).toBe("satu miliar lima ratus juta rupiah");
  });

  it("spells odd amounts in English", () => {
    expect(toAmountInWords(16_800, "en")).toBe("sixteen thousand eight hundred rupiah");
    expect(toAmountInWords(174_000_000, "en")).toBe("one hundred and seventy-four million rupiah");
  });

  it.each([-5, 1.5, Number.NaN, 1e16])("refuses %p instead of spelling nonsense", (value) => {
    expect(toAmountInWords(value)).toBeUndefined();
  });
});
