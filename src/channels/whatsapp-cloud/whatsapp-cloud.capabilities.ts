/**
 * What WhatsApp can do on the official Cloud API: reply buttons (≤ 3, labels ≤ 20 characters) and
 * lists (≤ 10 rows, titles ≤ 24), approved templates outside the 24-hour customer service window,
 * receipts, and a throughput of 80 messages per second per number by default
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput).
 * Same channel and identity as WhatsApp Web: only the transport differs.
 */
import type { ChannelCapabilities } from "../../core/channel-contract";
import { defaultMediaLimits } from "../whatsapp/whatsapp.mapping";
import { whatsappIdentity } from "../whatsapp/whatsapp.capabilities";

export type WhatsAppCloudCapabilitySettings = {
  /** WHATSAPP_MAX_MEDIA_MB in bytes (Cloud API images stop at 5 MB, documents at 100 MB). */
  maxMediaBytes: number;
  /** WHATSAPP_CLOUD_RATE: the account's throughput, messages per second. */
  ratePerSecond: number;
  /** WHATSAPP_CLOUD_PAIR_INTERVAL_MS: Meta's pair rate, about one message per 6 s to one user. */
  pairIntervalMs: number;
};

export const defaultWhatsAppCloudSettings: WhatsAppCloudCapabilitySettings = {
  maxMediaBytes: defaultMediaLimits.maxBytes,
  ratePerSecond: 80,
  pairIntervalMs: 6000,
};

/** Cloud API image uploads and downloads stop at 5 MB. */
export const cloudImageMaxBytes = 5 * 1024 * 1024;

export function toWhatsAppCloudCapabilities(
  settings: WhatsAppCloudCapabilitySettings = defaultWhatsAppCloudSettings,
): ChannelCapabilities {
  return {
    ...whatsappIdentity,
    transport: "WhatsApp Business Cloud API",
    text: { maxLength: 4096, broadcastMaxLength: 1000, formatting: "markup" },
    choices: { buttons: { max: 3, maxLabelLength: 20 }, list: { maxRows: 10, maxLabelLength: 24 } },
    media: {
      receives: {
        photo: {
          types: ["image/jpeg", "image/png"],
          maxBytes: Math.min(settings.maxMediaBytes, cloudImageMaxBytes),
        },
        document: { types: defaultMediaLimits.documentTypes, maxBytes: settings.maxMediaBytes },
      },
      sends: ["photo", "document"],
    },
    contacts: { requestButton: false, cards: true, senderPhone: true },
    location: true,
    templates: true,
    serviceWindowHours: 24,
    receipts: true,
    unsolicited: {
      audience: "anyone",
      ratePerSecond: settings.ratePerSecond,
      perMinute: null,
      perDay: null,
      perUserIntervalMs: settings.pairIntervalMs,
      // Enough requests in flight to keep the rate with up to ~100 ms per message.
      concurrency: Math.max(2, Math.ceil(settings.ratePerSecond / 10)),
    },
  };
}
