import { formatPhone, maskPhone, parsePhone } from "../../src/domain/phone";

describe("parsePhone normalises Indonesian numbers to E.164", () => {
  it.each([
    ["0812-3456-7890", "+6281234567890"],
    ["081234567890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["+6281234567890", "+6281234567890"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["(0812) 3456.7890", "+6281234567890"],
    ["085212345678", "+6285212345678"],
    ["0895123456789", "+62895123456789"],
  ])("%s → %s (mobile)", (input, expected) => {
    expect(parsePhone(input, { mobileOnly: true })).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", "empty"],
    ["abc", "invalid"],
    ["0812", "invalid"],
    ["12345", "invalid"],
    ["0741 123456", "notMobile"],
    ["+62 741 123456", "notMobile"],
  ])("refuses %p as %s when a mobile is needed", (input, reason) => {
    expect(parsePhone(input, { mobileOnly: true })).toEqual({ ok: false, reason });
  });

  it("accepts a landline when mobile is not required", () => {
    expect(parsePhone("0741 123456")).toEqual({ ok: true, value: "+62741123456" });
  });

  it("reads bare digits from a network id as international, keeping a foreign country", () => {
    expect(parsePhone("6281234567890", { international: true })).toEqual({
      ok: true,
      value: "+6281234567890",
    });
    expect(parsePhone("447911123456", { international: true })).toEqual({ ok: true, value: "+447911123456" });
    expect(parsePhone("447911123456")).toEqual({ ok: false, reason: "invalid" });
  });

  it("formats and masks for display", () => {
    expect(formatPhone("+6281234567890")).toBe("0812-3456-7890");
    expect(maskPhone("+6281234567890")).toBe("+62812****7890");
  });
});
