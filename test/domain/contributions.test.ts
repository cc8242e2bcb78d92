import {
  calculateContribution,
  calculateTwelveMonths,
  type ContributionInput,
} from "../../src/domain/contributions";

const base: ContributionInput = {
  income: 1_000_000,
  programmes: ["JKK", "JKM"],
  month: "2026-03",
  sector: "other",
  fundedBy: "self",
};

describe("BPU contributions (DOMAIN §1.3, §1.4)", () => {
  it.each([
    [1_000_000, ["JKK", "JKM"], 16_800],
    [1_000_000, ["JKK", "JKM", "JHT"], 36_800],
    [2_000_000, ["JKK", "JKM"], 26_800],
    [2_000_000, ["JKK", "JKM", "JHT"], 66_800],
    [1_500_000, ["JKK", "JKM", "JHT"], 51_800],
  ] as const)("Rp %d with %j costs Rp %d a month at the normal rate", (income, programmes, monthly) => {
    expect(calculateContribution({ ...base, income, programmes: [...programmes] }).monthly).toBe(monthly);
  });

  it("counts an income below Rp 1 juta as Rp 1 juta and says so", () => {
    const result = calculateContribution({ ...base, income: 750_000 });
    expect(result).toMatchObject({ basis: 1_000_000, belowMinimum: true, monthly: 16_800 });
  });

  it.each([
    ["transport", "2026-01", 8_400, "applied"],
    ["transport", "2027-03", 8_400, "applied"],
    ["transport", "2027-04", 16_800, "outsidePeriod"],
    ["other", "2026-03", 16_800, "outsidePeriod"],
    ["other", "2026-04", 8_400, "applied"],
    ["other", "2026-12", 8_400, "applied"],
    ["other", "2027-01", 16_800, "outsidePeriod"],
  ] as const)("for the %s sector in %s, JKK+JKM costs Rp %d (%s)", (sector, month, monthly, reason) => {
    const result = calculateContribution({ ...base, sector, month });
    expect(result.monthly).toBe(monthly);
    expect(result.discountReason).toBe(reason);
  });

  it("never discounts APBD-funded participants, even inside the period", () => {
    const result = calculateContribution({
      ...base,
      sector: "transport",
      month: "2026-06",
      fundedBy: "apbd",
    });
    expect(result).toMatchObject({ discount: 0, discountReason: "apbd", monthly: 16_800 });
  });

  it("does not discount JHT", () => {
    const result = calculateContribution({ ...base, programmes: ["JKK", "JKM", "JHT"], month: "2026-05" });
    expect(result).toMatchObject({ jht: 20_000, discount: 8_400, monthly: 28_400 });
  });

  it("adds twelve months one by one, so a discount period ending within the year counts right", () => {
    // March 2026 full, April–December discounted, January–February 2027 full.
    expect(calculateTwelveMonths(base)).toBe(16_800 * 3 + 8_400 * 9);
    expect(calculateTwelveMonths({ ...base, fundedBy: "apbd" })).toBe(201_600);
  });
});
