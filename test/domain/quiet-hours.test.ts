import { isQuietTime, toSendableTime } from "../../src/domain/quiet-hours";

const quiet = { start: "20:00", end: "07:00" };
const wib = (text: string) => new Date(`${text}+07:00`);

describe("quiet hours (WIB)", () => {
  it.each([
    ["2026-03-02T19:59:00", false],
    ["2026-03-02T20:00:00", true],
    ["2026-03-02T23:30:00", true],
    ["2026-03-03T03:00:00", true],
    ["2026-03-03T06:59:00", true],
    ["2026-03-03T07:00:00", false],
  ])("at %s WIB quiet is %s", (time, expected) => {
    expect(isQuietTime(wib(time), quiet)).toBe(expected);
  });

  it("postpones an evening send to 07:00 the next morning", () => {
    expect(toSendableTime(wib("2026-03-02T21:15:00"), quiet)).toEqual(wib("2026-03-03T07:00:00"));
  });

  it("postpones a send after midnight to 07:00 the same morning, also across a month end", () => {
    expect(toSendableTime(wib("2026-03-31T23:00:00"), quiet)).toEqual(wib("2026-04-01T07:00:00"));
    expect(toSendableTime(wib("2026-04-01T01:00:00"), quiet)).toEqual(wib("2026-04-01T07:00:00"));
  });

  it("leaves a daytime send alone, and never postpones when start equals end", () => {
    const noon = wib("2026-03-02T12:00:00");
    expect(toSendableTime(noon, quiet)).toBe(noon);
    expect(isQuietTime(wib("2026-03-02T22:00:00"), { start: "00:00", end: "00:00" })).toBe(false);
  });
});
