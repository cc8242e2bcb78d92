import type { OutboundMessage } from "../../src/core/messages";
import { renderTurn, toCombinedMessages } from "../../src/core/render";
import { createTranslator } from "../../src/i18n/translator";

const message = (text: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  text,
  spans: [],
  choices: [],
  requestContact: false,
  ...extra,
});

describe("combining a turn's messages", () => {
  it("joins plain messages and the final question into one message, keeping formatting in place", () => {
    const combined = toCombinedMessages(
      [
        message("Bahasa diganti.", { spans: [{ type: "bold", offset: 0, length: 6 }] }),
        message("Pilih menu:", {
          spans: [{ type: "italic", offset: 0, length: 5 }],
          choices: [{ value: "a", label: "A" }],
        }),
      ],
      4096,
    );
    expect(combined).toHaveLength(1);
    expect(combined[0]?.text).toBe("Bahasa diganti.\n\nPilih menu:");
    expect(combined[0]?.spans).toEqual([
      { type: "bold", offset: 0, length: 6 },
      { type: "italic", offset: 17, length: 5 },
    ]);
    expect(combined[0]?.choices).toEqual([{ value: "a", label: "A" }]);
  });

  it("keeps a message with choices or a contact request apart from what follows", () => {
    const combined = toCombinedMessages(
      [
        message("Pilih:", { choices: [{ value: "a", label: "A" }] }),
        message("Nomor HP?", { requestContact: true }),
        message("Lalu"),
      ],
      4096,
    );
    expect(combined.map((m) => m.text)).toEqual(["Pilih:", "Nomor HP?", "Lalu"]);
  });

  it("does not join past the length limit", () => {
    expect(toCombinedMessages([message("a".repeat(10)), message("b".repeat(10))], 15)).toHaveLength(2);
  });
});

describe("a turn rendered for its channel", () => {
  const translator = createTranslator();
  const replies = [
    { key: "common:languageChanged" as const },
    { key: "menu:main.prompt" as const, choices: [{ value: "a", label: "menu:main.register" as const }] },
  ];

  it("is one message where the channel's text limit allows it", () => {
    const messages = renderTurn(replies, "id", translator, {
      text: { maxLength: 4096, broadcastMaxLength: 1000, formatting: "markup" },
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.choices).toEqual([{ value: "a", label: "Daftar" }]);
  });

  it("stays apart where the channel's messages are too short to hold both", () => {
    const messages = renderTurn(replies, "id", translator, {
      text: { maxLength: 60, broadcastMaxLength: 60, formatting: "none" },
    });
    expect(messages).toHaveLength(2);
  });
});
