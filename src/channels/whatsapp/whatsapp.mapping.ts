/**
 * Incoming WhatsApp messages → InboundMessage, as pure functions: what to ignore (groups, status,
 * own and replayed messages), who sent it (E.164), and what it holds (text, photo, document,
 * contact card), or which friendly refusal to send instead.
 */
import { AppError } from "../../core/errors";
import type { InboundContent, InboundMessage, MediaInput, Reply } from "../../core/messages";
import type { WhatsAppIncoming } from "./whatsapp-client.port";
import { toNumberFromChatId, toNumberFromWhatsApp, toPhoneFromVCard } from "./whatsapp.phone";

export type IgnoreReason = "group" | "status" | "fromMe" | "beforeReady" | "system";

export type WhatsAppInbound =
  | { type: "ignored"; reason: IgnoreReason }
  | { type: "refused"; userId: string; reply: Reply }
  | { type: "message"; message: InboundMessage };

export type MediaLimits = {
  maxBytes: number;
  photoTypes: readonly string[];
  documentTypes: readonly string[];
};

/** Photos and PDFs of documents (KTP, KK, akta kematian) up to 10 MB. */
export const defaultMediaLimits: MediaLimits = {
  maxBytes: 10 * 1024 * 1024,
  photoTypes: ["image/jpeg", "image/png", "image/webp"],
  documentTypes: ["application/pdf", "image/jpeg", "image/png", "image/webp", "image/heic"],
};

const textTypes = new Set(["chat", "buttons_response", "list_response"]);
const contactTypes = new Set(["vcard", "multi_vcard"]);
/** Things people send that the bot cannot read yet; they get a friendly note instead of silence. */
const unreadableTypes = new Set(["ptt", "audio", "video", "sticker", "location", "poll_creation"]);

/** Why a message is not for the bot, or undefined when it is. Checked before anything costly. */
export function toIgnoreReason(
  message: WhatsAppIncoming,
  readyAt: Date | undefined,
): IgnoreReason | undefined {
  if (message.fromMe) return "fromMe";
  if (message.isStatus || message.from === "status@broadcast" || message.from.endsWith("@broadcast"))
    return "status";
  if (message.from.endsWith("@g.us") || message.from.endsWith("@newsletter")) return "group";
  if (!readyAt || message.timestamp * 1000 < readyAt.getTime()) return "beforeReady";
  const known =
    textTypes.has(message.type) ||
    contactTypes.has(message.type) ||
    unreadableTypes.has(message.type) ||
    message.type === "image" ||
    message.type === "document";
  return known ? undefined : "system";
}

/** The sender as the bot knows them: user id = E.164 number when known, else the raw chat id. */
export function toSender(from: string, senderNumber: string | undefined): { userId: string; phone?: string } {
  const phone = toNumberFromChatId(from) ?? (senderNumber ? toNumberFromWhatsApp(senderNumber) : undefined);
  return phone ? { userId: phone, phone } : { userId: from };
}

/** Maps a message that passed `toIgnoreReason` to an InboundMessage, or to a refusal reply. */
export function toInboundMessage(
  message: WhatsAppIncoming,
  context: { senderNumber: string | undefined; limits: MediaLimits },
): WhatsAppInbound {
  const sender = toSender(message.from, context.senderNumber);
  const content = toContent(message, context.limits);
  if ("key" in content) return { type: "refused", userId: sender.userId, reply: content };
  return {
    type: "message",
    message: {
      channel: "whatsapp",
      userId: sender.userId,
      messageId: message.id,
      content,
      ...(sender.phone ? { phone: sender.phone } : {}),
      ...(message.senderName ? { displayName: message.senderName } : {}),
    },
  };
}

function toContent(message: WhatsAppIncoming, limits: MediaLimits): InboundContent | Reply {
  if (textTypes.has(message.type)) return { type: "text", text: message.body };
  if (contactTypes.has(message.type)) {
    const phone = message.vCards.map(toPhoneFromVCard).find((p) => p !== undefined);
    return phone ? { type: "contact", phone } : { key: "whatsapp:contact.noNumber" };
  }
  if (message.type === "image" || message.type === "document")
    return toMediaInput(message, message.type === "image" ? "photo" : "document", limits);
  return { key: "whatsapp:unreadable" };
}

function toMediaInput(
  message: WhatsAppIncoming,
  kind: MediaInput["kind"],
  limits: MediaLimits,
): MediaInput | Reply {
  const mimeType = (message.media?.mimeType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const size = message.media?.size ?? 0;
  const allowed = kind === "photo" ? limits.photoTypes : limits.documentTypes;
  if (!allowed.includes(mimeType)) return { key: "whatsapp:media.unsupported" };
  if (size > limits.maxBytes) return toTooLarge(limits);
  const fileName = message.media?.fileName;
  return {
    type: "media",
    kind,
    mimeType,
    size,
    ...(fileName ? { fileName } : {}),
    ...(message.body ? { caption: message.body } : {}),
    load: () => loadMedia(message, limits.maxBytes),
  };
}

function toTooLarge(limits: MediaLimits): Reply {
  return { key: "whatsapp:media.tooLarge", params: { maxMb: Math.floor(limits.maxBytes / 1024 / 1024) } };
}

/** Downloads on demand; a size WhatsApp did not announce is checked after the download. */
async function loadMedia(message: WhatsAppIncoming, maxBytes: number): Promise<Uint8Array> {
  const media = await message.downloadMedia();
  if (!media)
    throw new AppError("MEDIA_REJECTED", "WhatsApp no longer has this file (expired or deleted)", {
      messageId: message.id,
    });
  const bytes = Buffer.from(media.data, "base64");
  if (bytes.length > maxBytes)
    throw new AppError("MEDIA_REJECTED", "The downloaded file is larger than allowed", {
      size: bytes.length,
      maxBytes,
    });
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
