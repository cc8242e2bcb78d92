/**
 * The channels of a deployment and what each can do: every channel folder declares its
 * capabilities; this picks WhatsApp's transport (WHATSAPP_MODE: the web client or the Cloud API,
 * never both for one number) and builds the directory flows, rendering and broadcasts ask.
 */
import type { Config } from "../config";
import { createChannelDirectory, type ChannelDirectory } from "../core/channel-contract";
import type { ChannelCapabilities } from "../core/channel-contract";
import {
  defaultTelegramSettings,
  toTelegramCapabilities,
  type TelegramCapabilitySettings,
} from "./telegram/telegram.capabilities";
import { terminalCapabilities } from "./terminal/terminal.capabilities";
import {
  defaultWhatsAppWebSettings,
  toWhatsAppWebCapabilities,
  type WhatsAppWebCapabilitySettings,
} from "./whatsapp/whatsapp.capabilities";
import {
  defaultWhatsAppCloudSettings,
  toWhatsAppCloudCapabilities,
  type WhatsAppCloudCapabilitySettings,
} from "./whatsapp-cloud/whatsapp-cloud.capabilities";

export type WhatsAppMode = "web" | "cloud";

export type ChannelSettings = {
  telegram: TelegramCapabilitySettings;
  whatsappMode: WhatsAppMode;
  whatsappWeb: WhatsAppWebCapabilitySettings;
  whatsappCloud: WhatsAppCloudCapabilitySettings;
};

export const defaultChannelSettings: ChannelSettings = {
  telegram: defaultTelegramSettings,
  whatsappMode: "web",
  whatsappWeb: defaultWhatsAppWebSettings,
  whatsappCloud: defaultWhatsAppCloudSettings,
};

/** Every declaration there is, WhatsApp in both transports (for the README table). */
export function toAllDeclarations(settings: ChannelSettings = defaultChannelSettings): ChannelCapabilities[] {
  return [
    toTelegramCapabilities(settings.telegram),
    toWhatsAppWebCapabilities(settings.whatsappWeb),
    toWhatsAppCloudCapabilities(settings.whatsappCloud),
    terminalCapabilities,
  ];
}

export function createChannelCatalog(settings: Partial<ChannelSettings> = {}): ChannelDirectory {
  const full = { ...defaultChannelSettings, ...settings };
  const whatsapp =
    full.whatsappMode === "cloud"
      ? toWhatsAppCloudCapabilities(full.whatsappCloud)
      : toWhatsAppWebCapabilities(full.whatsappWeb);
  return createChannelDirectory([toTelegramCapabilities(full.telegram), whatsapp, terminalCapabilities]);
}

/** What each channel can do, from configuration (limits, pacing, WhatsApp's transport). */
export function toChannelSettings(config: Config): ChannelSettings {
  const maxMediaBytes = config.WHATSAPP_MAX_MEDIA_MB * 1024 * 1024;
  return {
    telegram: {
      maxFileBytes: config.TELEGRAM_MAX_FILE_MB * 1024 * 1024,
      ratePerSecond: config.BROADCAST_TELEGRAM_RATE,
    },
    whatsappMode: config.WHATSAPP_MODE,
    whatsappWeb: {
      maxMediaBytes,
      perMinute: config.WHATSAPP_MAX_PER_MINUTE,
      perDay: config.WHATSAPP_MAX_PER_DAY,
    },
    whatsappCloud: {
      maxMediaBytes,
      ratePerSecond: config.WHATSAPP_CLOUD_RATE,
      pairIntervalMs: config.WHATSAPP_CLOUD_PAIR_INTERVAL_MS,
    },
  };
}
