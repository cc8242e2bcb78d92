/**
 * The lookup tables fed by what users type, each asked for JavaScript built-in property names:
 * they answer as for any unknown word (issue 12: `abbreviations[t]`, `commandWords[name]`).
 */
import { toCommandText } from "../../src/channels/telegram/telegram.mapping";
import { matchArea, toAreaTokens } from "../../src/domain/area-match";
import { parseDateInput } from "../../src/domain/date-input";
import { fillPlaceholders, toUnknownPlaceholders } from "../../src/domain/message-template";
import { toFeatures, toStandardWords } from "../../src/nlu/text-features";

const names = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype"];
const now = new Date("2026-03-02T02:00:00Z");

describe.each(names)("the built-in name %s", (name) => {
  it("is a word like any other for the area matcher", () => {
    expect(toAreaTokens(name).every((t) => typeof t === "string")).toBe(true);
    expect(matchArea(name).type).not.toBe("match");
  });

  it("is no relative date", () => {
    expect(parseDateInput(name, now, { relativeWords: true })).toMatchObject({ ok: false });
  });

  it("is an unknown broadcast placeholder, left as typed", () => {
    const text = `Halo {${name}}`;
    if (/^[a-zA-Z]+$/.test(name)) expect(toUnknownPlaceholders(text)).toEqual([name]);
    expect(fillPlaceholders(text, {}, {})).toBe(text);
  });

  it("is a Telegram command word of its own", () => {
    const text = `/${name.toLowerCase()}`;
    expect(toCommandText({ text, entities: [{ type: "bot_command", offset: 0, length: text.length }] })).toBe(
      name.toLowerCase(),
    );
  });

  it("is a word like any other for the question reader, never replaced by a function", () => {
    expect(toStandardWords([name.toLowerCase(), "daftar"]).every((w) => typeof w === "string")).toBe(true);
    expect(toFeatures(`${name} daftar`).every((f) => typeof f === "string")).toBe(true);
  });
});
