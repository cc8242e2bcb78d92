/**
 * Every parser a step uses reads a bounded amount of text: a 65,536-character message (WhatsApp
 * allows it) is refused as the step's ordinary mistake instead of being scored word by word
 * (issue 12: the kelurahan step blocked the event loop for 5–8 s). The time figure is in the
 * bench; the bound here is two orders of magnitude above what the parsers take, so it cannot flake.
 */
import { matchArea } from "../../src/domain/area-match";
import { parseBirthDate } from "../../src/domain/birth-date";
import { parseDateInput } from "../../src/domain/date-input";
import { parseNik } from "../../src/domain/nik";
import { parsePersonName } from "../../src/domain/person-name";
import { parsePhone } from "../../src/domain/phone";
import { parseReference } from "../../src/domain/reference";
import { parseRtRw } from "../../src/domain/rt-rw";
import { parseRupiah } from "../../src/domain/rupiah-input";
import {
  parseArea,
  parseDeceased,
  parseHeirIdentity,
  parseKelurahan,
} from "../../src/flows/death-report/parsers";
import { parseDeclaredIncome } from "../../src/flows/registration/work.steps";
import { getIntentClassifier } from "../../src/nlu/load-intent-model";
import { readMessage } from "../../src/nlu/read-message";
import { toFeatures } from "../../src/nlu/text-features";

const length = 65_536;
const fill = (unit: string) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const shapes = {
  "one long word": fill("a"),
  "an area name over and over": fill("lebak bandung "),
  "digits and dots": fill("1."),
  "digits and letters": fill("1a "),
  "an amount over and over": fill("rp 1.000.000 juta "),
};
/** Whitespace is collapsed before anything else, so padding may leave a valid answer. */
const padded = `Lebak Bandung ${fill(" ")}x`;
const now = new Date("2026-03-02T02:00:00Z");
const classifier = getIntentClassifier();

const today = new Date("2026-03-02T02:00:00Z");
const parsers: Array<[string, (text: string) => unknown, (result: unknown) => boolean]> = [
  ["area (kecamatan/kelurahan)", matchArea, (r) => (r as { type: string }).type === "none"],
  ["person name", parsePersonName, (r) => (r as { ok: boolean }).ok === false],
  ["RT/RW", parseRtRw, (r) => (r as { ok: boolean }).ok === false],
  ["rupiah", parseRupiah, (r) => (r as { ok: boolean }).ok === false],
  ["declared income", parseDeclaredIncome, (r) => (r as { ok: boolean }).ok === false],
  [
    "date",
    (t) => parseDateInput(t, now, { relativeWords: true }),
    (r) => (r as { ok: boolean }).ok === false,
  ],
  ["birth date", (t) => parseBirthDate(t, now), (r) => (r as { ok: boolean }).ok === false],
  ["NIK", (t) => parseNik(t, now), (r) => (r as { ok: boolean }).ok === false],
  ["phone", parsePhone, (r) => (r as { ok: boolean }).ok === false],
  ["reference", (t) => parseReference(t, "DFT"), (r) => r === undefined],
  ["death report kelurahan", parseKelurahan, (r) => (r as { ok: boolean }).ok === false],
  ["death report area (kelurahan and RT)", parseArea, (r) => (r as { ok: boolean }).ok === false],
  [
    "deceased (name, NIK or number)",
    (t) => parseDeceased(t, today),
    (r) => (r as { ok: boolean }).ok === false,
  ],
  ["heir identity", (t) => parseHeirIdentity(t, today), (r) => (r as { ok: boolean }).ok === false],
  ["question (message parts and intents)", (t) => readMessage(classifier, t), () => true],
];

describe.each(parsers)("the %s parser, given 65,536 characters", (_name, parse, refused) => {
  it.each(Object.entries(shapes))("refuses %s at once", (_shape, text) => {
    const started = performance.now();
    const result = parse(text);
    const elapsed = performance.now() - started;
    expect(refused(result)).toBe(true);
    expect(elapsed).toBeLessThan(1_000);
  });

  it("reads an answer padded with spaces at once", () => {
    const started = performance.now();
    expect(() => parse(padded)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

it("the intent features of a long question stay bounded", () => {
  expect(toFeatures(`${fill("iuran ")} berapa`).length).toBeLessThan(2_000);
  expect(toFeatures(fill("ab")).length).toBeLessThan(2_000);
});
