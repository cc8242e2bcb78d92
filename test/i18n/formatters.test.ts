import { formatDate, formatTime, fromJakarta } from "../../src/domain/jakarta-time";
import { formatRupiah } from "../../src/domain/money";
import { createTranslator, loadResources } from "../../src/i18n/translator";
import type { I18nKey } from "../../src/i18n/keys";

const resources = loadResources();
for (const [lng, text] of [
  ["id", "Iuran {{amount, rupiah}} dibayar {{when, date}} pukul {{when, time}}."],
  ["en", "Contribution {{amount, rupiah}} paid on {{when, date}} at {{when, time}}."],
] as const)
  (resources[lng] as Record<string, unknown>).fmt = { paid: text };
const translator = createTranslator(resources);
const paid = "fmt:paid" as I18nKey;

describe("formatters", () => {
  const when = fromJakarta(2025, 3, 7, 14, 30);

  it("formats rupiah the Indonesian way and the English way", () => {
    expect(formatRupiah(42_000_000)).toBe("Rp 42.000.000");
    expect(formatRupiah(42_000_000, "en")).toBe("Rp 42,000,000");
    expect(formatRupiah(16_800)).toBe("Rp 16.800");
    expect(formatRupiah(999)).toBe("Rp 999");
    expect(formatRupiah(-5_000)).toBe("-Rp 5.000");
  });

  it("formats dates with the month's name, in WIB", () => {
    expect(formatDate(when)).toBe("7 Maret 2025");
    expect(formatDate(when, "en")).toBe("7 March 2025");
    // 23:30 UTC on 6 March is already 7 March in Jambi.
    expect(formatDate(new Date("2025-03-06T23:30:00Z"))).toBe("7 Maret 2025");
  });

  it("formats times in WIB with a dot in Indonesian and a colon in English", () => {
    expect(formatTime(when)).toBe("14.30 WIB");
    expect(formatTime(when, "en")).toBe("14:30 WIB");
    expect(formatTime(new Date("2025-03-07T00:05:00Z"))).toBe("07.05 WIB");
  });

  it("applies the formatters inside locale texts in each language", () => {
    expect(translator.t("id", paid, { amount: 42_000_000, when })).toBe(
      "Iuran Rp 42.000.000 dibayar 7 Maret 2025 pukul 14.30 WIB.",
    );
    expect(translator.t("en", paid, { amount: 42_000_000, when })).toBe(
      "Contribution Rp 42,000,000 paid on 7 March 2025 at 14:30 WIB.",
    );
  });
});

describe("formatters kept between calls", () => {
  it("formats dates in locale texts exactly as the domain's formatDate does", () => {
    for (const at of [
      fromJakarta(2026, 1, 1),
      fromJakarta(2026, 12, 31, 23, 59),
      new Date("2026-03-06T17:00:00Z"),
    ])
      for (const lng of ["id", "en"] as const)
        expect(translator.t(lng, paid, { amount: 1, when: at })).toContain(formatDate(at, lng));
  });

  it("renders the same text again after caching one without parameters", () => {
    const first = translator.t("id", "common:cancelled");
    expect(translator.t("id", "common:cancelled")).toBe(first);
    expect(translator.t("en", "common:cancelled")).not.toBe(first);
  });
});
