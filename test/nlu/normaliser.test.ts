import { createNormaliser, toStem } from "../../src/nlu/normaliser";
import { intentExamples } from "../../src/nlu/intent-examples";

const normaliser = createNormaliser(Object.values(intentExamples).flat());
const words = (text: string) => normaliser.toWords(text).join(" ");

describe("normalising informal Indonesian", () => {
  it.each([
    ["gmn cara daftar", "bagaimana cara daftar"],
    ["brp iuran nya", "berapa iuran nya"],
    ["sy ga bs bayar", "saya tidak bisa bayar"],
    ["aku nggak tdk gak", "saya tidak tidak tidak"],
    ["yg dgn utk", "yang dengan untuk"],
    ["udh sdh krn", "sudah sudah karena"],
    ["klo kalo dpt dapet", "kalau kalau dapat dapat"],
    ["pengen daftar bgt", "ingin daftar sekali"],
  ])("expands the chat abbreviations in %p", (typed, expected) => {
    expect(words(typed)).toBe(expected);
  });

  it("collapses repeated letters", () => {
    expect(words("gmn cara dafftarrr")).toBe("bagaimana cara daftar");
    expect(words("kartuu sayaa hilangg")).toBe("kartu saya hilang");
  });

  it("repairs a missing and an extra space", () => {
    expect(words("cekstatus klaim")).toBe("cek status klaim");
    expect(words("pen daftaran")).toBe("pendaftaran");
  });

  it("corrects typos against the known vocabulary", () => {
    expect(words("kartu ilang")).toBe("kartu hilang");
    expect(words("beasiswaa anak")).toBe("beasiswa anak");
    expect(words("santunn kematian")).toBe("santunan kematian");
  });

  it("folds synonyms: naker, santunan, meninggal dunia, wafat", () => {
    expect(normaliser.toTokens("bpjs naker")).toEqual(normaliser.toTokens("bpjs ketenagakerjaan"));
    expect(normaliser.toTokens("santunan")).toEqual(normaliser.toTokens("manfaat"));
    expect(normaliser.toTokens("suami meninggal dunia")).toEqual(normaliser.toTokens("suami wafat"));
    expect(normaliser.toTokens("suami meninggal")).toEqual(normaliser.toTokens("suami wafat"));
  });

  it("keeps 'tinggal' (to live) apart from 'meninggal' (to die)", () => {
    expect(normaliser.toTokens("tinggal di jambi")).not.toContain("wafat");
  });

  it("turns numbers and amounts into one token", () => {
    expect(normaliser.toTokens("iuran 2jt")).toEqual(["iuran", "num", "juta"]);
  });

  it("drops filler words", () => {
    expect(normaliser.toTokens("min, tolong dong iuran nya berapa ya kak")).toEqual(["iuran", "berapa"]);
  });
});

describe("the Sastrawi stemmer", () => {
  it.each([
    ["mendaftar", "daftar"],
    ["pendaftarannya", "daftar"],
    ["pembayaran", "bayar"],
    ["dibayarkan", "bayar"],
    ["perlindungan", "lindung"],
    ["kehilangan", "hilang"],
    ["penghasilan", "hasil"],
  ])("reduces %p to %p", (word, stem) => {
    expect(toStem(word)).toBe(stem);
  });

  it("maps stems of synonyms onto one word", () => {
    expect(toStem("kematian")).toBe("wafat");
    expect(toStem("santunan")).toBe("manfaat");
  });
});
