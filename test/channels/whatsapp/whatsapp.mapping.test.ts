import { isAppError } from "../../../src/core/errors";
import type { MediaInput } from "../../../src/core/messages";
import {
  defaultMediaLimits,
  toIgnoreReason,
  toInboundMessage,
  toSender,
  type WhatsAppInbound,
} from "../../../src/channels/whatsapp/whatsapp.mapping";
import { fakeIncoming, fakeVCard } from "../../support/fake-whatsapp-client";

const readyAt = new Date("2026-03-02T02:00:00Z");
const afterReady = readyAt.getTime() / 1000 + 5;
const context = { senderNumber: undefined, limits: defaultMediaLimits };

function map(
  overrides: Parameters<typeof fakeIncoming>[0],
  extra: Partial<typeof context> = {},
): WhatsAppInbound {
  return toInboundMessage(fakeIncoming({ timestamp: afterReady, ...overrides }), { ...context, ...extra });
}

function mediaOf(result: WhatsAppInbound): MediaInput {
  if (result.type !== "message" || result.message.content.type !== "media")
    throw new Error(`expected media, got ${JSON.stringify(result)}`);
  return result.message.content;
}

describe("which WhatsApp messages the bot ignores", () => {
  it.each([
    ["a group message", { from: "120363025555555555@g.us" }, "group"],
    ["a status update", { from: "status@broadcast", isStatus: true }, "status"],
    ["its own message", { fromMe: true }, "fromMe"],
    ["a message sent before login, replayed", { timestamp: afterReady - 3600 }, "beforeReady"],
    ["a system notice", { type: "e2e_notification" }, "system"],
  ])("ignores %s", (_name, overrides, reason) => {
    expect(toIgnoreReason(fakeIncoming({ timestamp: afterReady, ...overrides }), readyAt)).toBe(reason);
  });

  it("ignores everything until the client is ready", () => {
    expect(toIgnoreReason(fakeIncoming(), undefined)).toBe("beforeReady");
  });

  it("accepts a private text sent after login", () => {
    expect(toIgnoreReason(fakeIncoming({ timestamp: afterReady }), readyAt)).toBeUndefined();
  });
});

describe("who sent it", () => {
  it("takes the E.164 number from a personal chat id", () => {
    expect(toSender("6281234567890@c.us", undefined)).toEqual({
      userId: "+6281234567890",
      phone: "+6281234567890",
    });
  });

  it("uses the number WhatsApp reveals for an @lid chat", () => {
    expect(toSender("201234567890123@lid", "6281298765432")).toEqual({
      userId: "+6281298765432",
      phone: "+6281298765432",
    });
  });

  it("keeps the @lid id as the user when the number stays hidden", () => {
    expect(toSender("201234567890123@lid", undefined)).toEqual({ userId: "201234567890123@lid" });
  });

  it("reads a foreign number in the chat id as international, not Indonesian", () => {
    expect(toSender("60123456789@c.us", undefined).phone).toBe("+60123456789");
  });
});

describe("what it holds", () => {
  it("maps a text with the sender's number, name and message id", () => {
    const result = map({ body: "gmn cara daftar", senderName: "Budi" });
    expect(result).toMatchObject({
      type: "message",
      message: {
        channel: "whatsapp",
        userId: "+6281234567890",
        phone: "+6281234567890",
        displayName: "Budi",
        content: { type: "text", text: "gmn cara daftar" },
      },
    });
  });

  it("never marks a sender as staff itself (staff are accounts the pipeline looks up)", () => {
    const result = map({});
    expect(result.type === "message" && result.message.userId).toBe("+6281234567890");
    expect(result.type === "message" && (result.message.isStaff ?? result.message.staff)).toBeFalsy();
  });

  it("hands over a photo with its caption, downloaded only when loaded", async () => {
    const message = fakeIncoming({
      timestamp: afterReady,
      type: "image",
      body: "KTP almarhum",
      media: { mimeType: "image/jpeg", size: 3 },
      bytes: new Uint8Array([1, 2, 3]),
    });
    const media = mediaOf(toInboundMessage(message, context));
    expect(media).toMatchObject({ kind: "photo", mimeType: "image/jpeg", size: 3, caption: "KTP almarhum" });
    expect(message.downloads).toBe(0);
    expect([...(await media.load())]).toEqual([1, 2, 3]);
    expect(message.downloads).toBe(1);
  });

  it("accepts a PDF document with its file name", () => {
    const media = mediaOf(
      map({ type: "document", media: { mimeType: "application/pdf", size: 2048, fileName: "akta.pdf" } }),
    );
    expect(media).toMatchObject({ kind: "document", mimeType: "application/pdf", fileName: "akta.pdf" });
  });

  it("refuses a file larger than allowed, saying the limit", () => {
    const result = map({ type: "image", media: { mimeType: "image/jpeg", size: 11 * 1024 * 1024 } });
    expect(result).toEqual({
      type: "refused",
      userId: "+6281234567890",
      reply: { key: "whatsapp:media.tooLarge", params: { maxMb: 10 } },
    });
  });

  it("refuses a document type it cannot use", () => {
    const result = map({ type: "document", media: { mimeType: "application/x-msdownload", size: 10 } });
    expect(result).toMatchObject({ type: "refused", reply: { key: "whatsapp:media.unsupported" } });
  });

  it("refuses a download that turns out larger than allowed when WhatsApp did not announce the size", async () => {
    const media = mediaOf(
      toInboundMessage(
        fakeIncoming({
          timestamp: afterReady,
          type: "image",
          media: { mimeType: "image/png", size: 0 },
          bytes: new Uint8Array(20),
        }),
        { ...context, limits: { ...defaultMediaLimits, maxBytes: 10 } },
      ),
    );
    const error: unknown = await media.load().catch((e: unknown) => e);
    expect(isAppError(error, "MEDIA_REJECTED")).toBe(true);
  });

  it("reads the phone from a shared contact card's WhatsApp id", () => {
    const result = map({ type: "vcard", vCards: [fakeVCard("Siti", "+62 812-9876-5432", "6281298765432")] });
    expect(result).toMatchObject({
      type: "message",
      message: { content: { type: "contact", phone: "+6281298765432" } },
    });
  });

  it("reads a local number from a contact card without a WhatsApp id", () => {
    const result = map({ type: "vcard", vCards: [fakeVCard("Siti", "0812 9876 5432")] });
    expect(result).toMatchObject({ message: { content: { type: "contact", phone: "+6281298765432" } } });
  });

  it("refuses a contact card without a number", () => {
    const card = ["BEGIN:VCARD", "VERSION:3.0", "FN:Siti", "END:VCARD"].join("\n");
    expect(map({ type: "vcard", vCards: [card] })).toMatchObject({
      reply: { key: "whatsapp:contact.noNumber" },
    });
  });

  it("answers a voice note with what the bot can read", () => {
    expect(map({ type: "ptt", body: "" })).toMatchObject({
      type: "refused",
      reply: { key: "whatsapp:unreadable" },
    });
  });
});
