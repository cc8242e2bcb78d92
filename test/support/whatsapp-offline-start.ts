/**
 * Run as its own process by the WhatsApp launch test: starts the REAL whatsapp-web.js client on
 * Chromium with the real channel glue, prints one JSON line with the outcome and the error log
 * lines, and then simply returns. The process must exit by itself (no Chromium left behind).
 * Env: CHROMIUM_PATH, WA_DATA_DIR.
 */
import { createApp } from "../../src/app";
import { createWhatsAppWebClient, toAuthLocation } from "../../src/channels/whatsapp/whatsapp-web.client";
import { createWhatsAppChannel } from "../../src/channels/whatsapp/whatsapp.channel";
import { createWhatsAppPacer } from "../../src/channels/whatsapp/whatsapp.pacer";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createVault } from "../../src/security/vault";
import { testVaultKeys } from "./test-chat";
import { createRecordingLogger } from "./whatsapp-harness";

async function run(): Promise<void> {
  const clock = { now: () => new Date() };
  const logger = createRecordingLogger();
  const app = createApp({
    store: createMemoryDocumentStore(),
    clock,
    logger,
    vault: createVault(testVaultKeys),
  });
  const web = {
    chromiumPath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    dataDir: process.env.WA_DATA_DIR ?? "",
    auth: "local" as const,
  };
  const channel = createWhatsAppChannel({
    createClient: () => createWhatsAppWebClient(web),
    inbound: app.inbound,
    sessions: app.services.sessions,
    translator: app.translator,
    logger,
    clock,
    pacer: createWhatsAppPacer({ maxPerMinute: 8, maxPerDay: 300, clock }),
    authLocation: toAuthLocation(web),
    startTimeoutMs: 45_000,
  });
  app.hub.register(channel.sender);
  const outcome = await channel.start();
  // With internet the QR page loads instead: stop, so the process can still end by itself.
  if (outcome.status === "started") await channel.stop();
  const errors = logger.entries.filter((e) => e.level === "error").map((e) => e.message);
  process.stdout.write(`${JSON.stringify({ outcome, state: channel.state, errors })}\n`);
}

void run();
