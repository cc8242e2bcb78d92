/**
 * Cloud API webhook items → what the bot understands, as pure functions: a message becomes an
 * InboundMessage (text, a pressed button or list row as the choice's value, photo, document,
 * contact card, location), a friendly refusal (voice notes, stickers, a file type or size the
 * bot does not take), or nothing (reactions, group messages); a status becomes a delivery receipt.
 */
import type { MediaLimit } from "../../core/channel-contract";
import type { InboundContent, InboundMessage, MediaInput, Reply } from "../../core/messages";
import type { DeliveryReceipt } from "../../core/ports";
import { toNumberFromWhatsApp, toTypedNumber } from "../whatsapp/whatsapp.phone";
import type { CloudMessage, CloudStatus } from "./whatsapp-cloud.payload";

export type CloudInbound =
  | { type: "ignored"; reason: "group" | "reaction" | "system" | "badSender" }
  | { type: "refused"; userId: string; reply: Reply }
  | { type: "message"; message: InboundMessage };

/** Which file to fetch, and what it must be. */
export type MediaRequest = { mediaId: string; limit: MediaLimit; sha256?: string };

export type CloudMappingContext = {
  /** What the channel accepts (from its capability declaration). */
  receives: { photo: MediaLimit | null; document: MediaLimit | null };
  /** Downloads a file through the Graph API, checking type, size and checksum. */
  loadMedia: (request: MediaRequest) => Promise<Uint8Array>;
  /** Profile names by wa_id, from the same webhook. */
  names?: ReadonlyMap<string, string>;
};

const ignoredTypes = new Set(["reaction", "system", "request_welcome", "ephemeral"]);

export function toInboundFromCloud(message: CloudMessage, context: CloudMappingContext): CloudInbound {
  if (message.group_id) return { type: "ignored", reason: "group" };
  if (ignoredTypes.has(message.type))
    return { type: "ignored", reason: message.type === "reaction" ? "reaction" : "system" };
  const phone = toNumberFromWhatsApp(message.from);
  if (!phone) return { type: "ignored", reason: "badSender" };
  const content = toContent(message, context);
  if ("key" in content) return { type: "refused", userId: phone, reply: content };
  const name = context.names?.get(message.from);
  return {
    type: "message",
    message: {
      channel: "whatsapp",
      userId: phone,
      messageId: message.id,
      content,
      phone,
      ...(name ? { displayName: name } : {}),
    },
  };
}

function toContent(message: CloudMessage, context: CloudMappingContext): InboundContent | Reply {
  switch (message.type) {
    case "text":
      return { type: "text", text: message.text?.body ?? "" };
    case "interactive": {
      const picked = message.interactive?.button_reply ?? message.interactive?.list_reply;
      return picked ? { type: "choice", value: picked.id } : { key: "whatsapp:cloud.unreadable" };
    }
    case "button":
      return { type: "text", text: message.button?.text ?? "" };
    case "image":
    case "document":
      return toMedia(message, context);
    case "contacts":
      return toContact(message);
    case "location":
      return message.location ? toLocation(message.location) : { key: "whatsapp:cloud.unreadable" };
    default:
      return { key: "whatsapp:cloud.unreadable" };
  }
}

function toLocation(place: NonNullable<CloudMessage["location"]>): InboundContent {
  return {
    type: "location",
    latitude: place.latitude,
    longitude: place.longitude,
    ...(place.name ? { name: place.name } : {}),
    ...(place.address ? { address: place.address } : {}),
  };
}

function toContact(message: CloudMessage): InboundContent | Reply {
  for (const phone of (message.contacts ?? []).flatMap((c) => c.phones)) {
    const number =
      (phone.wa_id ? toNumberFromWhatsApp(phone.wa_id) : undefined) ??
      (phone.phone ? toTypedNumber(phone.phone) : undefined);
    if (number) return { type: "contact", phone: number };
  }
  return { key: "whatsapp:contact.noNumber" };
}

function toMedia(message: CloudMessage, context: CloudMappingContext): MediaInput | Reply {
  const kind = message.type === "image" ? "photo" : "document";
  const file = message.type === "image" ? message.image : message.document;
  const limit = kind === "photo" ? context.receives.photo : context.receives.document;
  const mimeType = (file?.mime_type ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!file || !limit || !limit.types.includes(mimeType)) return { key: "whatsapp:media.unsupported" };
  const request: MediaRequest = { mediaId: file.id, limit, ...(file.sha256 ? { sha256: file.sha256 } : {}) };
  return {
    type: "media",
    kind,
    mimeType,
    // The webhook does not tell the size; the Graph API does, and the download is checked again.
    size: 0,
    ...(file.filename ? { fileName: file.filename } : {}),
    ...(file.caption ? { caption: file.caption } : {}),
    load: () => context.loadMedia(request),
  };
}

const receiptStatuses = new Set(["sent", "delivered", "read", "failed"]);

/**
 * A status about a message the bot sent with a reference (a broadcast delivery), as a receipt;
 * undefined for messages sent without one (replies) and for statuses the bot does not track.
 */
export function toDeliveryReceipt(status: CloudStatus): DeliveryReceipt | undefined {
  const reference = status.biz_opaque_callback_data;
  if (!reference || !receiptStatuses.has(status.status)) return undefined;
  const error = status.errors?.[0];
  return {
    reference,
    messageId: status.id,
    status: status.status as DeliveryReceipt["status"],
    at: new Date(Number(status.timestamp) * 1000),
    ...(error ? { error: `${error.code}${error.title ? ` ${error.title}` : ""}` } : {}),
  };
}
