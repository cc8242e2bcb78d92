/**
 * Wires the WhatsApp Cloud API channel for main.ts from configuration: takes the WhatsApp
 * transport lease (refusing to run beside a web client), starts the webhook server and registers
 * the sender. A failure is one log line; the other channels keep running.
 */
import { randomUUID } from "node:crypto";
import type { App } from "../../app";
import type { Config } from "../../config";
import type { Clock, Logger } from "../../core/ports";
import { createTransportLease } from "../whatsapp/whatsapp-transport.lease";
import { createWhatsAppCloudChannel } from "./whatsapp-cloud.channel";

export type ConnectCloudOptions = {
  config: Config;
  app: Pick<App, "inbound" | "hub" | "translator" | "services" | "store" | "broadcasting">;
  logger: Logger;
  clock: Clock;
};

/** Starts the channel; resolves with its stop function (a no-op when it could not start). */
export async function connectWhatsAppCloud(options: ConnectCloudOptions): Promise<() => Promise<void>> {
  const { config, app, logger } = options;
  const lease = createTransportLease({
    store: app.store,
    clock: options.clock,
    mode: "cloud",
    holder: randomUUID(),
  });
  const claim = await lease.claim();
  if (!claim.ok) {
    logger.error(
      { heldBy: claim.heldBy },
      "WhatsApp Cloud API NOT started: a WhatsApp Web client runs for this deployment (stop it, or wait 2 minutes after it died)",
    );
    return async () => undefined;
  }
  const channel = createWhatsAppCloudChannel({
    webhook: {
      port: config.WHATSAPP_CLOUD_WEBHOOK_PORT,
      path: config.WHATSAPP_CLOUD_WEBHOOK_PATH,
      appSecret: config.WHATSAPP_CLOUD_APP_SECRET ?? "",
      verifyToken: config.WHATSAPP_CLOUD_VERIFY_TOKEN ?? "",
    },
    graph: {
      apiRoot: config.WHATSAPP_CLOUD_API_ROOT,
      version: config.WHATSAPP_CLOUD_API_VERSION,
      phoneNumberId: config.WHATSAPP_CLOUD_PHONE_NUMBER_ID ?? "",
      accessToken: config.WHATSAPP_CLOUD_ACCESS_TOKEN ?? "",
    },
    capabilities: app.services.channels.capabilitiesOf("whatsapp"),
    inbound: app.inbound,
    sessions: app.services.sessions,
    translator: app.translator,
    logger,
    clock: options.clock,
    receipts: app.broadcasting.receipts,
  });
  try {
    await channel.start();
  } catch (error) {
    await lease.release().catch(() => undefined);
    logger.error(
      { err: error },
      "WhatsApp Cloud API webhook could not listen; the other channels keep running",
    );
    return async () => undefined;
  }
  app.hub.register(channel.sender);
  return async () => {
    app.hub.unregister("whatsapp");
    await channel.stop();
    await lease.release().catch(() => undefined);
  };
}
