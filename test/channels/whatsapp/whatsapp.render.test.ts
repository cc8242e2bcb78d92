import type { OutboundMessage } from "../../../src/core/messages";
import { toLiteral, toWhatsAppText, toWhatsAppTexts } from "../../../src/channels/whatsapp/whatsapp.render";
import { toSpans } from "../../../src/core/render";

function message(marked: string, choices: string[] = []): OutboundMessage {
  return {
    ...toSpans(marked),
    choices: choices.map((label, i) => ({ value: `v${i}`, label })),
    requestContact: false,
  };
}

describe("WhatsApp text of a reply", () => {
  it("turns spans into WhatsApp bold and italic", () => {
    expect(toWhatsAppText(message("Saya *Jamsos Bot*, _asisten_ Pemkot."))).toBe(
      "Saya *Jamsos Bot*, _asisten_ Pemkot.",
    );
  });

  it("shows choices as numbered lines, since WhatsApp gets no buttons", () => {
    expect(toWhatsAppText(message("Pilih:", ["Daftar", "Tanya iuran"]))).toBe(
      "Pilih:\n1. Daftar\n2. Tanya iuran",
    );
  });

  it("never turns asterisks or underscores from data into formatting", () => {
    const masked: OutboundMessage = {
      text: "NIK 1571********0001 atas nama *Budi* _x_",
      spans: [{ type: "bold", offset: 0, length: 3 }],
      choices: [],
      requestContact: false,
    };
    const text = toWhatsAppText(masked);
    expect(text).toBe(
      "*NIK* 1571\u2217\u2217\u2217\u2217\u2217\u2217\u2217\u22170001 atas nama \u2217Budi\u2217 \uFF3Fx\uFF3F",
    );
    expect(text.match(/\*/g)).toHaveLength(2);
  });

  it("keeps an underscore inside a word, where it cannot start formatting", () => {
    expect(toLiteral("budi_santoso@mail.id")).toBe("budi_santoso@mail.id");
  });

  it("keeps spaces outside the markers, where WhatsApp needs them", () => {
    const spaced: OutboundMessage = {
      text: "Iuran: Rp16.800 per bulan",
      spans: [{ type: "bold", offset: 6, length: 10 }],
      choices: [],
      requestContact: false,
    };
    expect(toWhatsAppText(spaced)).toBe("Iuran: *Rp16.800* per bulan");
  });
});

describe("WhatsApp texts of a turn", () => {
  it("sends one turn's replies as one message, a blank line between them", () => {
    const texts = toWhatsAppTexts([
      message("Halo! Saya *Jamsos Bot*."),
      message("Apa yang bisa saya bantu?", ["Daftar"]),
    ]);
    expect(texts).toEqual(["Halo! Saya *Jamsos Bot*.\n\nApa yang bisa saya bantu?\n1. Daftar"]);
  });

  it("sends nothing for no replies", () => {
    expect(toWhatsAppTexts([])).toEqual([]);
  });

  it("splits a long text between paragraphs, each piece within the limit", () => {
    const paragraph = "Kata ".repeat(30).trim() + ".";
    const texts = toWhatsAppTexts([message([paragraph, paragraph, paragraph, paragraph].join("\n\n"))], 400);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(400);
      expect(text.startsWith("Kata")).toBe(true);
      expect(text.endsWith(".")).toBe(true);
    }
    expect(texts.join("\n\n")).toBe([paragraph, paragraph, paragraph, paragraph].join("\n\n"));
  });

  it("never cuts through bold text when splitting", () => {
    const bold = "*" + "penting ".repeat(10).trim() + "*";
    const long = `${"a ".repeat(50)}${bold} ${"b ".repeat(50)}`.trim();
    const texts = toWhatsAppTexts([message(long)], 120);
    for (const text of texts) expect((text.match(/\*/g) ?? []).length % 2).toBe(0);
    expect(texts.some((t) => t.includes(bold))).toBe(true);
  });

  it("cuts a single endless word hard rather than sending it whole", () => {
    const texts = toWhatsAppTexts([message("x".repeat(250))], 100);
    expect(texts.map((t) => t.length)).toEqual([100, 100, 50]);
  });
});
