import { createCallbackCodec } from "../../../src/channels/telegram/telegram.callback-data";
import {
  maxTextLength,
  splitText,
  toInlineKeyboard,
  toSendPayloads,
  type RenderOptions,
} from "../../../src/channels/telegram/telegram.render";
import type { OutboundMessage, Span } from "../../../src/core/messages";
import { renderReply } from "../../../src/core/render";
import { createTranslator } from "../../../src/i18n/translator";

const message = (text: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  text,
  spans: [],
  choices: [],
  requestContact: false,
  ...extra,
});
const options: RenderOptions = {
  encode: (value) => `c:${value}:sig`,
  contactButtonLabel: "📱 Kirim nomor HP saya",
  keyboardOpen: false,
};
const covered = (text: string, span: { offset: number; length: number }) =>
  text.slice(span.offset, span.offset + span.length);

describe("Telegram rendering", () => {
  it("sends formatting as entities, so markup characters in a name stay literal text", () => {
    const translator = createTranslator();
    const rendered = renderReply({ key: "common:welcome" }, "id", translator);
    const [payload] = toSendPayloads(
      [{ ...rendered, text: `${rendered.text} _*[Siti]<&>*_` }],
      options,
    ).payloads;
    expect(payload?.text).toContain("_*[Siti]<&>*_");
    expect(payload?.entities).toEqual([{ type: "bold", offset: 14, length: 10 }]);
    expect(payload && covered(payload.text, payload.entities[0]!)).toBe("Jamsos Bot");
  });

  it("splits a long text on line breaks with each chunk within Telegram's limit", () => {
    const line = "Baris dengan penjelasan iuran dan manfaat JKK JKM.";
    const text = Array.from({ length: 200 }, (_, i) => `${i + 1}. ${line}`).join("\n");
    const chunks = splitText(text, []);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(maxTextLength);
    expect(chunks.map((c) => c.text).join("\n")).toBe(text);
    expect(chunks[1]?.text.startsWith(`${chunks[0]!.text.split("\n").length + 1}. `)).toBe(true);
  });

  it("re-bases entities per chunk and keeps emoji offsets in UTF-16 units", () => {
    const first = "😀 ".repeat(10) + "*";
    const bolded = "Penting 👍";
    const text = `${first}\n${bolded}\nakhir`;
    const spans: Span[] = [{ type: "bold", offset: first.length + 1, length: bolded.length }];
    const chunks = splitText(text, spans, first.length + 5);
    expect(chunks.map((c) => c.text)).toEqual([first, `${bolded}\nakhir`]);
    expect(chunks[1]?.spans).toEqual([{ type: "bold", offset: 0, length: bolded.length }]);
    expect(covered(chunks[1]!.text, chunks[1]!.spans[0]!)).toBe("Penting 👍");
  });

  it("cuts a span that crosses a chunk boundary into one part per chunk", () => {
    const text = "aaaa bbbb\ncccc dddd";
    const chunks = splitText(text, [{ type: "italic", offset: 5, length: 9 }], 12);
    expect(chunks.map((c) => [c.text, c.spans.map((s) => covered(c.text, s))])).toEqual([
      ["aaaa bbbb", ["bbbb"]],
      ["cccc dddd", ["cccc"]],
    ]);
  });

  it("never splits an emoji when a single line has no place to break", () => {
    const text = "😀".repeat(3000);
    const chunks = splitText(text, []);
    expect(chunks.map((c) => c.text).join("")).toBe(text);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(maxTextLength);
    expect(chunks[0]?.text.length).toBe(4096);
  });

  it("puts the keyboard only on the last chunk of a long message", () => {
    const long = message(`${"x".repeat(4000)}\n${"y".repeat(200)}`, {
      choices: [{ value: "yes", label: "Ya" }],
    });
    const { payloads } = toSendPayloads([long], options);
    expect(payloads.map((p) => Boolean(p.reply_markup))).toEqual([false, true]);
  });

  it("numbers the buttons, pairs short labels and stacks long ones", () => {
    const short = toInlineKeyboard(
      [
        { value: "yes", label: "Ya" },
        { value: "no", label: "Tidak" },
        { value: "maybe", label: "Nanti" },
      ],
      options.encode,
    );
    expect(short?.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ["1. Ya", "2. Tidak"],
      ["3. Nanti"],
    ]);
    const long = toInlineKeyboard(
      [
        { value: "a", label: "Lapor kematian / klaim" },
        { value: "b", label: "Ya" },
      ],
      options.encode,
    );
    expect(long?.inline_keyboard.map((row) => row.length)).toEqual([1, 1]);
    expect(long?.inline_keyboard[0]?.[0]).toEqual({
      text: "1. Lapor kematian / klaim",
      callback_data: "c:a:sig",
    });
  });

  it("falls back to numbered text when a choice value does not fit in callback data", () => {
    const codec = createCallbackCodec("1:x");
    const { payloads } = toSendPayloads(
      [message("Pilih:", { choices: [{ value: "v".repeat(60), label: "Panjang" }] })],
      { ...options, encode: (value) => codec.encode(42, value) },
    );
    expect(payloads[0]).toEqual({ text: "Pilih:\n1. Panjang", entities: [] });
  });

  it("asks for the contact with a one-time keyboard and removes it with the next plain message", () => {
    const asked = toSendPayloads([message("Nomor HP Anda?", { requestContact: true })], options);
    expect(asked.payloads[0]?.reply_markup).toEqual({
      keyboard: [[{ text: "📱 Kirim nomor HP saya", request_contact: true }]],
      one_time_keyboard: true,
      resize_keyboard: true,
    });
    expect(asked.keyboardOpen).toBe(true);
    const next = toSendPayloads(
      [message("Terima kasih."), message("Lanjut?", { choices: [{ value: "yes", label: "Ya" }] })],
      { ...options, keyboardOpen: true },
    );
    expect(next.payloads[0]?.reply_markup).toEqual({ remove_keyboard: true });
    expect(next.payloads[1]?.reply_markup).toHaveProperty("inline_keyboard");
    expect(next.keyboardOpen).toBe(false);
  });

  it("keeps the contact keyboard open when every message of the batch carries buttons", () => {
    const batch = toSendPayloads([message("Pilih", { choices: [{ value: "a", label: "A" }] })], {
      ...options,
      keyboardOpen: true,
    });
    expect(batch.keyboardOpen).toBe(true);
  });
});

describe("Telegram callback data", () => {
  const codec = createCallbackCodec("123:token");

  it("round-trips a value for the chat it was made for", () => {
    const data = codec.encode(1001, "registration");
    expect(data).toMatch(/^c:registration:[\w-]{8}$/);
    expect(codec.decode(1001, data!)).toBe("registration");
  });

  it("refuses data made for another chat, another bot, or changed by the client", () => {
    const data = codec.encode(1001, "questions")!;
    expect(codec.decode(1002, data)).toBeUndefined();
    expect(createCallbackCodec("999:other").decode(1001, data)).toBeUndefined();
    expect(codec.decode(1001, data.replace("questions", "staff"))).toBeUndefined();
    expect(codec.decode(1001, "registration")).toBeUndefined();
    expect(codec.decode(1001, "c::")).toBeUndefined();
  });

  it("keeps every button's data within Telegram's 64 bytes", () => {
    expect(Buffer.byteLength(codec.encode(1, "x".repeat(53))!)).toBe(64);
    expect(codec.encode(1, "x".repeat(54))).toBeUndefined();
  });
});
