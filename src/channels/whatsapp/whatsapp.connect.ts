/**
 * Wires the WhatsApp channel for main.ts: the real client factory, pacer and QR presenter
 * from config. main.ts starts it in the background (through its supervisor), so a slow or
 * failing WhatsApp never holds up the other channels. It does not start while a Cloud API process
 * holds the WhatsApp transport lease (one transport per number).
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Writable } from "node:stream";
import type { Mongoose } from "mongoose";
import type { App } from "../../app";
import type { Config } from "../../config";
import type { Clock, Logger } from "../../core/ports";
import { createWhatsAppChannel, type StartOutcome, type WhatsAppChannel } from "./whatsapp.channel";
import { defaultMediaLimits } from "./whatsapp.mapping";
import { createWhatsAppPacer } from "./whatsapp.pacer";
import { createQrPresenter } from "./whatsapp.qr";
import { createWhatsAppWebClient, toAuthLocation } from "./whatsapp-web.client";
import { createTransportLease } from "./whatsapp-transport.lease";

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
  >;
  app: Pick<App, "inbound" | "hub" | "translator" | "services" | "store">;
  logger: Logger;
  clock: Clock;
  /** Where the login QR is drawn (the terminal). */
  output: Writable;
  /** The connected mongoose instance, for WHATSAPP_AUTH=mongo (undefined on the memory store). */
  mongoose?: Pick<Mongoose, "connection" | "mongo"> | undefined;
};

/** What main.ts supervises: start (lease, hub, client), the channel's state, and stop. */
export type ConnectedWhatsApp = Pick<WhatsAppChannel, "state" | "stop" | "start">;

/** Builds the channel; `start` claims the transport lease, registers on the hub and starts the client. */
export function connectWhatsApp(options: ConnectWhatsAppOptions): ConnectedWhatsApp {
  const { config, app, logger } = options;
  const dataDir = path.resolve(config.DATA_DIR, "whatsapp");
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
    authLocation: toAuthLocation(webOptions),
    qr: createQrPresenter({ output: options.output, pngPath: path.join(dataDir, "login-qr.png") }),
    mediaLimits: { ...defaultMediaLimits, maxBytes: Math.round(config.WHATSAPP_MAX_MEDIA_MB * 1024 * 1024) },
  });
  const lease = createTransportLease({
    store: app.store,
    clock: options.clock,
    mode: "web",
    holder: randomUUID(),
  });
  let started: Promise<StartOutcome> | undefined;
  const start = async (): Promise<StartOutcome> => {
    const claim = await lease.claim();
    if (!claim.ok) {
      const reason =
        "WhatsApp Web NOT started: the Cloud API runs for this deployment (WHATSAPP_MODE); one transport per number";
      logger.error({ heldBy: claim.heldBy }, reason);
      return { status: "failed", reason };
    }
    app.hub.register(channel.sender);
    return channel.start();
  };
  return {
    start: () => (started = start().catch((error: unknown) => ({ status: "failed", reason: String(error) }))),
    get state() {
      return channel.state;
    },
    async stop() {
      await started;
      await channel.stop();
      await lease.release().catch(() => undefined);
    },
  };
}
