import { matchChoice, type ChoiceOption } from "../../src/core/choice-match";
import { matchConfirm, yesAliases, noAliases } from "../../src/core/steps";
import { createTranslator } from "../../src/i18n/translator";

const translator = createTranslator();
const yesNo: ChoiceOption[] = [
  { value: "yes", label: "common:yes", aliases: yesAliases },
  { value: "no", label: "common:no", aliases: noAliases },
];
const read = (text: string, legal = true) => matchConfirm({ type: "text", text }, yesNo, translator, legal);

describe("a yes that records a legal act (consent, deletion, withdrawal)", () => {
  it.each([
    "ya",
    "Ya",
    "iya",
    "Iya pak",
    "y",
    "yes",
    "ok",
    "oke",
    "setuju",
    "Setuju.",
    "saya setuju",
    "ya setuju",
    "iya setuju bu",
    "ya benar",
    "betul",
    "1",
    "1.",
    "no 1",
    "pilih 1",
    "I agree",
    "iyo",
    "lanjut",
  ])("records consent on %p", (text) => {
    expect(read(text)).toBe("yes");
  });

  it.each([
    "ya, saya tidak setuju",
    "ya tidak setuju",
    "ya ga mau",
    "ok tidak",
    "setuju tidak?",
    "setuju?",
    "-1",
    "+1",
    "ya tapi jangan",
    "iya nggak",
    "oke gak jadi deh",
    "ya bukan",
    "yes, no",
    "ya dak",
    "iyo idak",
    "setuju ndak",
    "ya tdk",
    "ok not yet",
    "saya setuju kalau tidak dipakai pinjol",
    "apa ini?",
    "ya belum",
    "kok harus setuju",
    "mungkin",
    "nanti dulu",
    "hmm",
    "ya ya tidak",
  ])("does not record consent on %p (asks again or takes it as no)", (text) => {
    expect(read(text)).not.toBe("yes");
  });

  it.each([
    "tidak",
    "Tidak.",
    "tdk",
    "ga",
    "gak mau",
    "tidak setuju",
    "saya tidak setuju",
    "no",
    "2",
    "dak",
    "idak",
    "jangan",
    "batal",
  ])("takes %p as a clear no", (text) => {
    expect(read(text)).toBe("no");
  });

  it("asks again, rather than reading no, when a yes and a no are mixed", () => {
    for (const text of ["ya, saya tidak setuju", "ok tidak", "setuju tidak?", "ya ga mau"])
      expect([text, read(text)]).toEqual([text, undefined]);
  });
});

describe("choices by meaning", () => {
  const relation: ChoiceOption[] = [
    { value: "spouse", label: "common:yes", aliases: ["suami", "istri", "suami/istri", "bini", "laki"] },
    { value: "child", label: "common:no", aliases: ["anak", "anaknya"] },
    { value: "sibling", label: "common:no", aliases: ["saudara", "kakak", "adik", "abang"] },
  ];
  const pick = (text: string, options = relation) => matchChoice({ type: "text", text }, options, translator);

  it.each([
    ["istri", "spouse"],
    ["sy istrinya", "spouse"],
    ["saya istri almarhum", "spouse"],
    ["kakak", "sibling"],
    ["sy kakaknya", "sibling"],
    ["anak kandung", "child"],
  ])("reads %p as %p", (text, value) => {
    expect(pick(text)).toBe(value);
  });

  it("never picks on a negated word or a number with a sign", () => {
    expect(pick("bukan istri")).toBeUndefined();
    expect(pick("-1")).toBeUndefined();
  });

  it("never picks on a bare common word inside a sentence ('rt 05 rw 02' is no RT head)", () => {
    const jobs: ChoiceOption[] = [
      { value: "ketua_rt", label: "common:yes", aliases: ["ketua rt", "rt", "pak rt"] },
      { value: "ojek", label: "common:no", aliases: ["ojek", "ojol", "kurir", "courier"] },
    ];
    expect(pick("rt 05 rw 02", jobs)).toBeUndefined();
    expect(pick("rt", jobs)).toBe("ketua_rt");
    expect(pick("saya ketua rt 5", jobs)).toBe("ketua_rt");
    expect(pick("courier", jobs)).toBe("ojek");
    expect(pick("sy kurir paket", jobs)).toBe("ojek");
  });
});
