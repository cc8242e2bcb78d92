/**
 * The sending process of the Cloud API broadcast benchmark (run by broadcast-cloud.bench.ts,
 * killed with SIGKILL in one scenario): the bot with WhatsApp on the Cloud transport at the
 * configured rate, its webhook listening for receipts, over the persisted JSON-lines store. The
 * first run seeds WhatsApp conversations that last wrote two days ago (so every message must be an
 * approved template) and one broadcast; a restarted child resumes it.
 */
import { createApp } from "../../src/app";
import { createChannelCatalog } from "../../src/channels/channel-catalog";
import { defaultWhatsAppCloudSettings } from "../../src/channels/whatsapp-cloud/whatsapp-cloud.capabilities";
import { createWhatsAppCloudChannel } from "../../src/channels/whatsapp-cloud/whatsapp-cloud.channel";
import { createSession } from "../../src/core/session";
import { createInProcessScheduler } from "../../src/jobs/in-process.scheduler";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { dispatchToEnd, findOrScheduleBroadcast } from "../lib/bench-broadcast";
import { openJsonlDocumentStore } from "./jsonl-document.store";

export type CloudChildArgs = {
  file: string;
  recipients: number;
  apiRoot: string;
  ratePerSecond: number;
  webhookPort: number;
  graph: { token: string; secret: string; phoneNumberId: string };
};

/** Recipient i's number: +62811 followed by 7 digits. */
export const toBenchNumber = (i: number) => `62811${String(i).padStart(7, "0")}`;

export async function runCloudBroadcastChild(args: CloudChildArgs): Promise<void> {
  const store = openJsonlDocumentStore(args.file);
  const clock = { now: () => new Date() };
  const channels = createChannelCatalog({
    whatsappMode: "cloud",
    whatsappCloud: { ...defaultWhatsAppCloudSettings, ratePerSecond: args.ratePerSecond },
  });
  const app = createApp({
    store,
    clock,
    logger: silentLogger,
    vault: createVault({ current: "k1", keys: { k1: Buffer.alloc(32, 7) }, hashKey: Buffer.alloc(32, 9) }),
    scheduler: createInProcessScheduler({ clock, logger: silentLogger, timers: false }),
    channels,
    broadcasting: {
      quietHours: { start: "00:00", end: "00:00" },
      remindersEnabled: false,
      dispatcher: { runnerStaleMs: 2000, heartbeatMs: 500, receiptGraceMs: 3000 },
    },
  });
  const cloud = createWhatsAppCloudChannel({
    webhook: {
      port: args.webhookPort,
      host: "127.0.0.1",
      path: "/whatsapp/webhook",
      appSecret: args.graph.secret,
      verifyToken: "bench-verify",
    },
    graph: {
      apiRoot: args.apiRoot,
      version: "v23.0",
      phoneNumberId: args.graph.phoneNumberId,
      accessToken: args.graph.token,
    },
    capabilities: channels.capabilitiesOf("whatsapp"),
    inbound: app.inbound,
    sessions: app.services.sessions,
    translator: app.translator,
    logger: silentLogger,
    clock,
    receipts: app.broadcasting.receipts,
  });
  await cloud.start();
  app.hub.register(cloud.sender);
  const broadcast = await findOrScheduleBroadcast(
    app,
    { type: "template", template: "activeReminder" },
    async () => {
      const twoDaysAgo = new Date(clock.now().getTime() - 48 * 3600_000);
      for (let i = 0; i < args.recipients; i++) {
        const session = createSession("whatsapp", `+${toBenchNumber(i)}`, twoDaysAgo);
        session.version = 1;
        await app.services.sessions.save(session);
      }
    },
  );
  await dispatchToEnd(app, broadcast._id, 500); // 500 ms: the last receipts
  await cloud.stop();
  await store.close();
}
