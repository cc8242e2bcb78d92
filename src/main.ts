/**
 * Composition root: reads config, builds storage, the bot and its channels, starts them, and
 * shuts everything down on SIGINT/SIGTERM or when the terminal chat's input ends.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import mongoose from "mongoose";
import pino from "pino";
import { createAppFromConfig } from "./app-from-config";
import type { App } from "./app";
import { createTelegramChannel, type TelegramChannelOptions } from "./channels/telegram/telegram.channel";
import { createTerminalChannel } from "./channels/terminal/terminal.channel";
import { connectWhatsApp } from "./channels/whatsapp/whatsapp.connect";
import { connectWhatsAppCloud } from "./channels/whatsapp-cloud/whatsapp-cloud.connect";
import { loadConfig, type Config } from "./config";
import { isAppError } from "./core/errors";
import type { Logger } from "./core/ports";
import { createPinoLogger } from "./security/pino.logger";
import { isMemoryStorage, openStorageFromConfig } from "./storage/connect-storage";

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    console.error(isAppError(error) ? error.message : error);
    process.exit(1);
  }
}

function toTelegramOptions(config: Config, token: string, app: App, logger: Logger): TelegramChannelOptions {
  const webhookUrl = config.TELEGRAM_WEBHOOK_URL;
  const secret = config.TELEGRAM_WEBHOOK_SECRET;
  return {
    token,
    ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
    ...(webhookUrl
      ? { webhook: { url: webhookUrl, port: config.TELEGRAM_WEBHOOK_PORT, ...(secret ? { secret } : {}) } }
      : {}),
    staffIds: config.STAFF_TELEGRAM_IDS,
    maxFileBytes: config.TELEGRAM_MAX_FILE_MB * 1024 * 1024,
    inbound: app.inbound,
    translator: app.translator,
    sessions: app.services.sessions,
    logger,
    clock: app.services.clock,
  };
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = readConfig();
  const terminal =
    config.TERMINAL_CHAT === "true" ||
    (config.TERMINAL_CHAT === "auto" && !config.TELEGRAM_BOT_TOKEN && !config.WHATSAPP_ENABLED);
  const logDir = path.join(config.DATA_DIR, "logs");
  if (terminal) mkdirSync(logDir, { recursive: true });
  const logger = createPinoLogger({
    level: config.LOG_LEVEL,
    ...(terminal
      ? { destination: pino.destination({ dest: path.join(logDir, "bot.log"), mkdir: true, sync: true }) }
      : {}),
  });
  const storage = await openStorageFromConfig(config, logger);
  if (isMemoryStorage(storage)) {
    console.error(
      "⚠️  WARNING: no MongoDB available; using the MEMORY store. Nothing you enter survives exit. Set MONGODB_URI.",
    );
  }
  const app = await createAppFromConfig(config, { storage, logger, isBot: true });
  const stops: Array<() => Promise<void>> = [];

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "shutting down");
    for (const stop of stops.reverse())
      await stop().catch((error: unknown) => logger.error({ err: error }, "stop failed"));
    await storage.close();
    logger.info({}, "stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  if (config.WHATSAPP_ENABLED && config.WHATSAPP_MODE === "cloud") {
    const stop = await connectWhatsAppCloud({ config, app, logger, clock: app.services.clock });
    stops.push(stop);
  } else if (config.WHATSAPP_ENABLED) {
    // Starts in the background: a missing Chromium or no internet is one log line, nothing more.
    const whatsapp = connectWhatsApp({
      config,
      app,
      logger,
      clock: app.services.clock,
      output: process.stdout,
      mongoose: storage.connection ? { connection: storage.connection, mongo: mongoose.mongo } : undefined,
    });
    stops.push(() => whatsapp.stop());
  }

  let telegramStarted: Promise<void> = Promise.resolve();
  if (config.TELEGRAM_BOT_TOKEN) {
    // Started in the background: a Telegram outage never holds up or stops the other channels.
    const telegram = createTelegramChannel(toTelegramOptions(config, config.TELEGRAM_BOT_TOKEN, app, logger));
    stops.push(() => telegram.stop());
    telegramStarted = telegram.start().then(
      () => app.hub.register(telegram.sender),
      (error: unknown) =>
        logger.error(
          { err: error },
          `Telegram is OFF, other channels keep running: ${isAppError(error) ? error.message : String(error)}`,
        ),
    );
  }

  // Broadcasts, reminders and the outbox start once Telegram has registered (or failed). A channel
  // that registers later (WhatsApp after its login) is not lost: the dispatcher keeps its deliveries
  // pending and retries, and the outbox drains as soon as it registers.
  const startJobs = async () => {
    await Promise.race([telegramStarted, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    await app.outbox.start();
    stops.push(() => app.outbox.stop());
    await app.sessionPurge.start();
    stops.push(async () => app.sessionPurge.stop());
    await app.broadcasting.start();
    stops.push(() => app.broadcasting.stop());
    await app.retention.start();
  };
  logger.info({ storage: storage.description, readyMs: Math.round(performance.now() - startedAt) }, "ready");
  if (terminal) {
    if (process.stdin.isTTY)
      console.log(`jamsos-bot (${storage.description}). Ketik pesan; Ctrl-D untuk keluar.\n`);
    const channel = createTerminalChannel({
      input: process.stdin,
      output: process.stdout,
      userId: "terminal-user",
      interactive: Boolean(process.stdin.isTTY),
    });
    app.hub.register(channel.sender);
    await startJobs();
    await channel.run(app.inbound);
    await shutdown("end of input");
  } else await startJobs();
}

main().catch((error: unknown) => {
  console.error("jamsos-bot failed to start:", isAppError(error) ? error.message : error);
  process.exit(1);
});
