/**
 * What WhatsApp can do when it runs on whatsapp-web.js (a linked phone): no buttons (deprecated in
 * WhatsApp Web), unsolicited messages only to people who wrote first and slowly, so the number is
 * not banned (the channel contract, core/channel-contract.ts).
 */
import type { ChannelCapabilities } from "../../core/channel-contract";
import { defaultMediaLimits } from "./whatsapp.mapping";

export type WhatsAppWebCapabilitySettings = {
  /** WHATSAPP_MAX_MEDIA_MB in bytes. */
  maxMediaBytes: number;
  /** WHATSAPP_MAX_PER_MINUTE and WHATSAPP_MAX_PER_DAY. */
  perMinute: number;
  perDay: number;
};

export const defaultWhatsAppWebSettings: WhatsAppWebCapabilitySettings = {
  maxMediaBytes: defaultMediaLimits.maxBytes,
  perMinute: 8,
  perDay: 300,
};

/** WhatsApp on a phone, shared by the web and Cloud declarations. */
export const whatsappIdentity = {
  channel: "whatsapp",
  label: "WhatsApp",
  aliases: ["wa", "whats app"],
} as const;

export function toWhatsAppWebCapabilities(
  settings: WhatsAppWebCapabilitySettings = defaultWhatsAppWebSettings,
): ChannelCapabilities {
  return {
    ...whatsappIdentity,
    transport: "WhatsApp Web (whatsapp-web.js)",
    // Replies are split at 3,000 characters; long unsolicited messages look like spam.
    text: { maxLength: 3000, broadcastMaxLength: 1000, formatting: "markup" },
    choices: { buttons: null, list: null },
    media: {
      receives: {
        photo: { types: defaultMediaLimits.photoTypes, maxBytes: settings.maxMediaBytes },
        document: { types: defaultMediaLimits.documentTypes, maxBytes: settings.maxMediaBytes },
      },
      sends: [],
    },
    contacts: { requestButton: false, cards: true, senderPhone: true },
    location: false,
    templates: false,
    serviceWindowHours: null,
    receipts: false,
    unsolicited: {
      audience: "wroteBefore",
      ratePerSecond: null,
      perMinute: settings.perMinute,
      perDay: settings.perDay,
      perUserIntervalMs: null,
      concurrency: 1,
    },
  };
}
