/**
 * Wires the WhatsApp channel for main.ts: the real client factory, pacer, QR presenter and staff
 * numbers from config; registers it on the hub. main.ts starts it in the background, so a slow or
 * failing WhatsApp never holds up the other channels.
 */
import path from "node:path";
import type { Writable } from "node:stream";
import type { Mongoose } from "mongoose";
import type { App } from "../../app";
import type { Config } from "../../config";
import type { Clock, Logger } from "../../core/ports";
import { createWhatsAppChannel, type WhatsAppChannel } from "./whatsapp.channel";
import { defaultMediaLimits } from "./whatsapp.mapping";
import { createWhatsAppPacer } from "./whatsapp.pacer";
import { toStaffNumbers } from "./whatsapp.phone";
import { createQrPresenter } from "./whatsapp.qr";
import { createWhatsAppWebClient, toAuthLocation } from "./whatsapp-web.client";

export type ConnectWhatsAppOptions = {
  config: Pick<
    Config,
    | "DATA_DIR"
    | "WHATSAPP_AUTH"
    | "CHROMIUM_PATH"
    | "CHROMIUM_NO_SANDBOX"
    | "WHATSAPP_MAX_PER_MINUTE"
    | "WHATSAPP_MAX_PER_DAY"
    | "WHATSAPP_MAX_MEDIA_MB"
    | "STAFF_WHATSAPP_NUMBERS"
  >;
  app: Pick<App, "inbound" | "hub" | "translator" | "services">;
  logger: Logger;
  clock: Clock;
  /** Where the login QR is drawn (the terminal). */
  output: Writable;
  /** The connected mongoose instance, for WHATSAPP_AUTH=mongo (undefined on the memory store). */
  mongoose?: Pick<Mongoose, "connection" | "mongo"> | undefined;
};

/** Builds the channel and registers it on the hub; main.ts starts it (through its supervisor) and stops it. */
export function connectWhatsApp(options: ConnectWhatsAppOptions): WhatsAppChannel {
  const { config, app, logger } = options;
  const dataDir = path.resolve(config.DATA_DIR, "whatsapp");
  const staff = toStaffNumbers(config.STAFF_WHATSAPP_NUMBERS);
  if (staff.invalid.length > 0)
    logger.warn(
      { count: staff.invalid.length },
      "some STAFF_WHATSAPP_NUMBERS are no phone numbers and were ignored",
    );
  const webOptions = {
    chromiumPath: config.CHROMIUM_PATH,
    dataDir,
    auth: config.WHATSAPP_AUTH,
    mongoose: options.mongoose,
    ...(config.CHROMIUM_NO_SANDBOX === undefined ? {} : { noSandbox: config.CHROMIUM_NO_SANDBOX }),
  };
  const channel = createWhatsAppChannel({
    createClient: () => createWhatsAppWebClient(webOptions),
    inbound: app.inbound,
    sessions: app.services.sessions,
    translator: app.translator,
    logger,
    clock: options.clock,
    pacer: createWhatsAppPacer({
      maxPerMinute: config.WHATSAPP_MAX_PER_MINUTE,
      maxPerDay: config.WHATSAPP_MAX_PER_DAY,
      clock: options.clock,
    }),
    staffNumbers: staff.numbers,
    authLocation: toAuthLocation(webOptions),
    qr: createQrPresenter({ output: options.output, pngPath: path.join(dataDir, "login-qr.png") }),
    mediaLimits: { ...defaultMediaLimits, maxBytes: Math.round(config.WHATSAPP_MAX_MEDIA_MB * 1024 * 1024) },
  });
  app.hub.register(channel.sender);
  return channel;
}
