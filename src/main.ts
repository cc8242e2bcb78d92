/**
 * Composition root: reads config, builds storage, the bot and its channels, starts them, and
 * shuts everything down on SIGINT/SIGTERM or when the terminal chat's input ends.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import pino from "pino";
import { createApp } from "./app";
import { createTerminalChannel } from "./channels/terminal/terminal.channel";
import { loadConfig, type Config } from "./config";
import { isAppError } from "./core/errors";
import { createPinoLogger } from "./security/pino.logger";
import { createVault } from "./security/vault";
import { loadVaultKeys } from "./security/vault-keys";
import { connectStorage } from "./storage/connect-storage";
import { createDiskFileStore, toFileKeys } from "./storage/files/disk-file.store";

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    console.error(isAppError(error) ? error.message : error);
    process.exit(1);
  }
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
  const storage = await connectStorage({
    mongodbUri: config.MONGODB_URI,
    embedded: config.EMBEDDED_MONGO,
    embeddedTimeoutMs: config.EMBEDDED_MONGO_TIMEOUT_MS,
    dataDir: config.DATA_DIR,
    logger,
  });
  if (storage.description.startsWith("memory")) {
    console.error(
      "⚠️  WARNING: no MongoDB available; using the MEMORY store. Nothing you enter survives exit. Set MONGODB_URI.",
    );
  }
  const vaultKeys = loadVaultKeys({
    encryptionKey: config.ENCRYPTION_KEY,
    hashKey: config.HASH_KEY,
    dataDir: config.DATA_DIR,
    logger,
  });
  const vault = createVault(vaultKeys);
  const app = createApp({
    store: storage.store,
    clock: { now: () => new Date() },
    logger,
    vault,
    silenceMs: config.SESSION_SILENCE_HOURS * 3600_000,
    files: createDiskFileStore({ dir: path.join(config.DATA_DIR, "documents"), keys: toFileKeys(vaultKeys) }),
    extraHolidays: config.EXTRA_HOLIDAYS,
  });
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
    await channel.run(app.inbound);
    await shutdown("end of input");
  }
}

main().catch((error: unknown) => {
  console.error("jamsos-bot failed to start:", isAppError(error) ? error.message : error);
  process.exit(1);
});
