import path from "node:path";
import { toComparable } from "../../src/core/text";
import { readIntentModel } from "../../src/nlu/load-intent-model";
import { toFeatures, toStandardWords, toWords } from "../../src/nlu/text-features";
import { toDataHash, trainIntentModel } from "../../src/nlu/train-intent-model";
import { listTsv, readLabelled, readTrainingData } from "../../src/nlu/training-data";

const root = path.resolve(__dirname, "../..");
const training = readTrainingData(path.join(root, "nlu/train"));

describe("the intent model and its training data", () => {
  it("is trained on at least 4,500 labelled utterances covering every catalogue label", () => {
    expect(training.length).toBeGreaterThanOrEqual(4500);
    const labels = new Set(training.map((r) => r.label));
    for (const label of ["whatIsBpjsTk", "jkkBenefits", "jkkPaymentTime", "interns", "jkpForBpu", "whoPays"])
      expect(labels).toContain(label);
    for (const label of [
      "rtRegistersResidents",
      "registrationStatus",
      "optOut",
      "handoff",
      "greeting",
      "thanks",
    ])
      expect(labels).toContain(label);
  });

  it("is the model trained on exactly this data (run `npm run train` after changing nlu/train)", () => {
    expect(readIntentModel().dataHash).toBe(toDataHash(training));
  });

  it("never trains on a held-out or validation utterance", () => {
    const trained = new Set(training.map((r) => toComparable(r.text)));
    const heldout = listTsv(path.join(root, "test/nlu/heldout")).flatMap((f) => readLabelled(f, "heldout"));
    const internal = readLabelled(path.join(root, "test/nlu/utterances.tsv"));
    expect(
      [...heldout, ...internal].filter((r) => trained.has(toComparable(r.text))).map((r) => r.text),
    ).toEqual([]);
  });

  it("never trains on a near copy of a held-out or validation line (character 5-grams, Jaccard < 0.75)", () => {
    const grams = (text: string) => {
      const t = toComparable(text);
      return new Set(Array.from({ length: Math.max(0, t.length - 4) }, (_, i) => t.slice(i, i + 5)));
    };
    const trained = training.map((r) => grams(r.text));
    const postings = new Map<string, number[]>();
    trained.forEach((set, i) => set.forEach((g) => postings.set(g, [...(postings.get(g) ?? []), i])));
    const heldout = [
      ...listTsv(path.join(root, "test/nlu/heldout")).flatMap((f) => readLabelled(f, "heldout")),
      ...readLabelled(path.join(root, "test/nlu/utterances.tsv")),
    ].filter((r) => toComparable(r.text).split(" ").length >= 3);
    const near = heldout.flatMap((row) => {
      const mine = grams(row.text);
      const shared = new Map<number, number>();
      for (const g of mine) for (const i of postings.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
      return [...shared]
        .filter(([i, n]) => n / (mine.size + trained[i]!.size - n) >= 0.75)
        .map(([i]) => `${row.text} ~ ${training[i]!.text}`);
    });
    expect(near).toEqual([]);
  });

  it("trains deterministically: the same data gives the same weights", () => {
    const rows = training.filter((_, i) => i % 10 === 0);
    expect(JSON.stringify(trainIntentModel(rows))).toBe(JSON.stringify(trainIntentModel(rows)));
  });
});

describe("reading informal words", () => {
  it.each([
    ["awak nak daftar", "saya mau daftar"],
    ["biso dak", "bisa tidak"],
    ["berapo iurannyo", "berapa iurannya"],
    ["caro daftar cak mano", "cara daftar cak mana"],
    ["sy gk bs byr", "saya tidak bisa bayar"],
  ])("maps %p word by word to %p", (typed, standard) => {
    expect(toStandardWords(toWords(typed)).join(" ")).toBe(standard);
  });

  it("never turns a known word into another word (no guessing by similarity)", () => {
    for (const word of ["kota", "prakerja", "peserta", "anak", "kata", "pekerja", "serta"])
      expect(toStandardWords(toWords(word))).toEqual([word]);
  });

  it("shares most features between a word, its typo and a joined form", () => {
    const iuran = new Set(toFeatures("iuran"));
    const shared = (text: string) => toFeatures(text).filter((f) => iuran.has(f)).length / iuran.size;
    expect(shared("iuaran")).toBeGreaterThan(0.3);
    expect(shared("brpiuran")).toBeGreaterThan(0.3);
  });
});
