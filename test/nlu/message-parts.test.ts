import { toMessageParts } from "../../src/nlu/message-parts";

describe("splitting a message into the parts that may each ask something", () => {
  it.each([
    ["iuran sebulan berapa? bayarnya di mana?", ["iuran sebulan berapa?", "bayarnya di mana?"]],
    ["iuran sebulan berapa terus bayarnya di mana", ["iuran sebulan berapa", "bayarnya di mana"]],
    ["syaratnya apa trus caranya gimana", ["syaratnya apa", "caranya gimana"]],
    ["klaim diurus di mana, satu lagi berkasnya apa saja", ["klaim diurus di mana", "berkasnya apa saja"]],
    ["iurannya berapa sama bayarnya lewat apa", ["iurannya berapa", "bayarnya lewat apa"]],
    ["syarat daftarnya apa dan caranya gimana", ["syarat daftarnya apa", "caranya gimana"]],
    ["how much is the fee and where can i pay it", ["how much is the fee", "where can i pay it"]],
    ["my card is lost, also i forgot my kpj number", ["my card is lost", "i forgot my kpj number"]],
    ["umur maksimal berapa,syaratnya apa", ["umur maksimal berapa", "syaratnya apa"]],
    ["saya mau lapor tapi mau dibantu petugas bisa?", ["saya mau lapor", "mau dibantu petugas bisa?"]],
    [
      "saya tukang cukur di pasar nah caranya daftar gimana",
      ["saya tukang cukur di pasar", "caranya daftar gimana"],
    ],
    ["ada batas umur nggak soalnya bapak saya sudah 64", ["ada batas umur nggak", "bapak saya sudah 64"]],
    ["jadi gini bu kartu saya hilang", ["bu kartu saya hilang"]],
  ])("splits %p", (text, parts) => {
    expect(toMessageParts(text)).toEqual(parts);
  });

  it.each([
    "berapa iuran jkk dan jkm",
    "apa bedanya sama bpjs kesehatan",
    "biso dak aku ngomong samo petugasnyo langsung",
    "kalau gitu terus?",
    "santunan kecelakaan kerja dan kematian itu apa",
  ])("keeps %p whole (a joiner inside one question)", (text) => {
    expect(toMessageParts(text)).toEqual([text]);
  });

  it("keeps a greeting and an introduction apart from the question", () => {
    expect(toMessageParts("Assalamualaikum. Saya ketua RT 05.\nIuran saya siapa yang bayar?")).toEqual([
      "Assalamualaikum.",
      "Saya ketua RT 05.",
      "Iuran saya siapa yang bayar?",
    ]);
  });
});
