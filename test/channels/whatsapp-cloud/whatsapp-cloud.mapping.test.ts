import { toWhatsAppCloudCapabilities } from "../../../src/channels/whatsapp-cloud/whatsapp-cloud.capabilities";
import {
  toDeliveryReceipt,
  toInboundFromCloud,
} from "../../../src/channels/whatsapp-cloud/whatsapp-cloud.mapping";
import {
  cloudMessageSchema,
  cloudStatusSchema,
  toWebhookBatch,
  webhookPayloadSchema,
} from "../../../src/channels/whatsapp-cloud/whatsapp-cloud.payload";
import {
  buttonReplyMessage,
  contactsMessage,
  documentMessage,
  imageMessage,
  listReplyMessage,
  locationMessage,
  textMessageValue,
  toStatus,
  toWebhookEnvelope,
  unsupportedMessage,
} from "../../fixtures/whatsapp-cloud/meta-shapes";

const loads: string[] = [];
const context = {
  receives: toWhatsAppCloudCapabilities().media.receives,
  loadMedia: async (request: { mediaId: string }) => {
    loads.push(request.mediaId);
    return new Uint8Array([1]);
  },
};
const map = (raw: unknown) => toInboundFromCloud(cloudMessageSchema.parse(raw), context);
const contentOf = (raw: unknown) => {
  const mapped = map(raw);
  return mapped.type === "message" ? mapped.message.content : mapped;
};

describe("Cloud API webhook → what the bot understands", () => {
  it("reads a text message with the sender as E.164 and their profile name (never marking staff: accounts do)", () => {
    const batch = toWebhookBatch(
      webhookPayloadSchema.parse(toWebhookEnvelope(textMessageValue)),
      "106540352242922",
    );
    const mapped = toInboundFromCloud(batch.messages[0]!, { ...context, names: batch.names });
    expect(mapped).toEqual({
      type: "message",
      message: {
        channel: "whatsapp",
        userId: "+16505551234",
        messageId: textMessageValue.messages[0]!.id,
        content: { type: "text", text: "Does it come in another color?" },
        phone: "+16505551234",
        displayName: "Sheena Nelson",
      },
    });
  });

  it("takes a pressed button or a chosen list row as the choice's value", () => {
    expect(contentOf(buttonReplyMessage)).toEqual({ type: "choice", value: "change-button" });
    expect(contentOf(listReplyMessage)).toEqual({ type: "choice", value: "priority_express" });
  });

  it("offers photos and documents without downloading them until a flow asks", async () => {
    const photo = contentOf(imageMessage);
    expect(photo).toMatchObject({
      type: "media",
      kind: "photo",
      mimeType: "image/jpeg",
      caption: "Akta kematian",
    });
    expect(contentOf(documentMessage)).toMatchObject({ kind: "document", fileName: "surat-ahli-waris.pdf" });
    expect(loads).toEqual([]);
    if ("load" in photo) await photo.load();
    expect(loads).toEqual(["1003383421387256"]);
  });

  it("reads a shared contact's WhatsApp number and a shared location", () => {
    expect(contentOf(contactsMessage)).toEqual({ type: "contact", phone: "+6281234567890" });
    expect(contentOf(locationMessage)).toMatchObject({ type: "location", latitude: -1.6101, name: "Kantor" });
  });

  it("refuses kindly what it cannot read, and ignores reactions and group messages", () => {
    expect(map(unsupportedMessage)).toMatchObject({
      type: "refused",
      reply: { key: "whatsapp:cloud.unreadable" },
    });
    const gif = { ...imageMessage, image: { ...imageMessage.image, mime_type: "image/gif" } };
    expect(map(gif)).toMatchObject({ type: "refused", reply: { key: "whatsapp:media.unsupported" } });
    expect(map({ ...textMessageValue.messages[0], type: "reaction" })).toEqual({
      type: "ignored",
      reason: "reaction",
    });
    expect(map({ ...textMessageValue.messages[0], group_id: "120363" })).toEqual({
      type: "ignored",
      reason: "group",
    });
  });

  it("puts messages of one call in the order they were written, whatever order Meta sent them in", () => {
    const later = { ...textMessageValue.messages[0]!, id: "b", timestamp: "200" };
    const earlier = { ...textMessageValue.messages[0]!, id: "a", timestamp: "100" };
    const payload = webhookPayloadSchema.parse(
      toWebhookEnvelope({ messages: [later, earlier, { nonsense: 1 }] }),
    );
    const batch = toWebhookBatch(payload, "106540352242922");
    expect(batch.messages.map((m) => m.id)).toEqual(["a", "b"]);
    expect(batch.unreadable).toBe(1);
  });

  it("turns a status of a broadcast message into a receipt, with the error of a failure", () => {
    const failed = cloudStatusSchema.parse(
      toStatus("wamid.1", "failed", "6281", {
        callbackData: "SB-1:whatsapp:0",
        error: { code: 131026, title: "Message undeliverable" },
      }),
    );
    expect(toDeliveryReceipt(failed)).toMatchObject({
      reference: "SB-1:whatsapp:0",
      messageId: "wamid.1",
      status: "failed",
      error: "131026 Message undeliverable",
    });
    expect(toDeliveryReceipt(cloudStatusSchema.parse(toStatus("wamid.2", "read", "6281")))).toBeUndefined();
  });
});
