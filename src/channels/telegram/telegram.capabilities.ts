/** What the Telegram channel can do (the channel contract, core/channel-contract.ts). */
import type { ChannelCapabilities } from "../../core/channel-contract";

export type TelegramCapabilitySettings = {
  /** TELEGRAM_MAX_FILE_MB in bytes (the Bot API downloads at most 20 MB). */
  maxFileBytes: number;
  /** BROADCAST_TELEGRAM_RATE: Telegram allows about 30 messages per second overall. */
  ratePerSecond: number;
};

export const defaultTelegramSettings: TelegramCapabilitySettings = {
  maxFileBytes: 10 * 1024 * 1024,
  ratePerSecond: 29.5,
};

export function toTelegramCapabilities(
  settings: TelegramCapabilitySettings = defaultTelegramSettings,
): ChannelCapabilities {
  return {
    channel: "telegram",
    transport: "Bot API (grammY)",
    label: "Telegram",
    aliases: ["tg", "tele"],
    text: { maxLength: 4096, broadcastMaxLength: 4096, formatting: "entities" },
    // Inline keyboards: Telegram allows up to 100 buttons; labels are numbered so typing works too.
    choices: { buttons: { max: 100, maxLabelLength: 64 }, list: null },
    media: {
      receives: {
        photo: { types: ["image/jpeg"], maxBytes: settings.maxFileBytes },
        document: { types: ["*"], maxBytes: settings.maxFileBytes },
      },
      sends: [],
    },
    contacts: { requestButton: true, cards: true, senderPhone: false },
    location: false,
    templates: false,
    serviceWindowHours: null,
    receipts: false,
    unsolicited: {
      audience: "anyone",
      ratePerSecond: settings.ratePerSecond,
      perMinute: null,
      perDay: null,
      perUserIntervalMs: 1000,
      concurrency: 4,
    },
  };
}
