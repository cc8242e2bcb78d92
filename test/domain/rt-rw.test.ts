import { parseRt, parseRtRw, toRtRwNumber } from "../../src/domain/rt-rw";

describe("RT and RW numbers", () => {
  it("reads both numbers the way the KTP writes them, without leading zeros", () => {
    expect(parseRtRw("022/003")).toEqual({ ok: true, value: { rt: "22", rw: "3" } });
    expect(parseRtRw("rw 03 rt 22")).toEqual({ ok: true, value: { rt: "22", rw: "3" } });
    expect(parseRtRw("22")).toEqual({ ok: false, reason: "missingRw" });
  });

  it.each([
    ["RT 05", "5"],
    ["rt.5", "5"],
    ["005", "5"],
    ["RW 3", "3"],
  ])("reads one number %s as %s", (typed, number) => expect(toRtRwNumber(typed)).toBe(number));

  it.each(["0", "1000", "rt", "lima"])("refuses %s as a number", (typed) =>
    expect(toRtRwNumber(typed)).toBeUndefined(),
  );

  it.each([
    ["RT 07", "7"],
    ["5/3", "5"],
    ["RT 5 RW 3", "5"],
  ])("takes the RT alone or out of an RT/RW: %s → %s", (typed, rt) => expect(parseRt(typed)).toBe(rt));
});

describe("RT and RW ranges (Kota Jambi: RT 1–99, RW 1–50 unless configured)", () => {
  it.each([
    ["RT 999 RW 999", "rtOutOfRange", 99],
    ["100/3", "rtOutOfRange", 99],
    ["0/3", "rtOutOfRange", 99],
    ["RT 5 RW 51", "rwOutOfRange", 50],
    ["5/0", "rwOutOfRange", 50],
  ])("refuses %s (%s, up to %i)", (typed, reason, max) =>
    expect(parseRtRw(typed)).toEqual({ ok: false, reason, params: { max } }),
  );

  it("accepts the highest numbers and follows configured limits", () => {
    expect(parseRtRw("RT 99 RW 50")).toEqual({ ok: true, value: { rt: "99", rw: "50" } });
    expect(parseRtRw("RT 120 RW 60", { rtMax: 150, rwMax: 80 })).toEqual({
      ok: true,
      value: { rt: "120", rw: "60" },
    });
    expect(toRtRwNumber("100")).toBeUndefined();
    expect(parseRt("RT 999")).toBeUndefined();
  });
});
