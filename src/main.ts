/**
 * Composition root: reads `.env` and the environment, builds storage, the bot and its channels,
 * starts them under a supervisor (exit code 1, or retries, when no channel can run), serves
 * /health and /ready, and shuts everything down within SHUTDOWN_TIMEOUT_SECONDS on SIGINT/SIGTERM
 * or when the terminal chat's input ends.
 */
import path from "node:path";
import { createAppFromConfig } from "./app-from-config";
import { toStaffAdminDeps } from "./flows/staff-accounts/staff-admin";
import { bootstrapStaff } from "./flows/staff-accounts/staff-bootstrap";
import { createConsoleServer } from "./console/console.server";
import { createHandoffEscalation } from "./jobs/handoff-escalation.job";
import type { App } from "./app";
import { createTelegramChannel, type TelegramChannelOptions } from "./channels/telegram/telegram.channel";
import { createTerminalChannel } from "./channels/terminal/terminal.channel";
import type * as WhatsAppConnect from "./channels/whatsapp/whatsapp.connect";
import { connectWhatsAppCloud } from "./channels/whatsapp-cloud/whatsapp-cloud.connect";
import { loadConfig, loadEnvFile, type Config } from "./config";
import { isAppError } from "./core/errors";
import type { Logger } from "./core/ports";
import { createChannelSupervisor } from "./runtime/channel-supervisor";
import {
  supervisedWhatsAppCloud,
  terminalReadiness,
  toSupervisedTelegram,
  toSupervisedWhatsApp,
} from "./channels/supervised-channels";
import { startHealthServer } from "./runtime/health.server";
import { createShutdown } from "./runtime/shutdown";
import { createPinoLogger, isPrettyLog, openLogFile } from "./security/pino.logger";
import { isMemoryStorage, openStorageFromConfig, pingStorage } from "./storage/connect-storage";

/** `.env`, then the environment, parsed; a bad value is one message and exit code 1. */
function readConfig(): { config: Config; envFile: string | undefined } {
  try {
    const envFile = loadEnvFile();
    return { config: loadConfig(), envFile };
  } catch (error) {
    console.error(isAppError(error) ? error.message : error);
    process.exit(1);
  }
}

/** JSON lines to a rotated LOG_FILE (the terminal chat's default), else readable or JSON on stderr. */
async function createLogger(config: Config, chatInTerminal: boolean): Promise<Logger> {
  const file =
    config.LOG_FILE ?? (chatInTerminal ? path.join(config.DATA_DIR, "logs", "bot.log") : undefined);
  const destination = file
    ? await openLogFile({ path: file, maxMb: config.LOG_FILE_MAX_MB, keep: config.LOG_FILE_KEEP })
    : undefined;
  return createPinoLogger({
    level: config.LOG_LEVEL,
    ...(destination ? { destination } : {}),
    pretty: isPrettyLog(config.LOG_FORMAT),
  });
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
    maxFileBytes: config.TELEGRAM_MAX_FILE_MB * 1024 * 1024,
    inbound: app.inbound,
    translator: app.translator,
    sessions: app.services.sessions,
    logger,
    clock: app.services.clock,
  };
}

/** STAFF_TELEGRAM_IDS / STAFF_WHATSAPP_NUMBERS make the first admins while no staff account exists. */
async function bootstrapFirstAdmins(config: Config, app: App, logger: Logger): Promise<void> {
  const result = await bootstrapStaff(toStaffAdminDeps(app.services), {
    telegramIds: config.STAFF_TELEGRAM_IDS,
    whatsappNumbers: config.STAFF_WHATSAPP_NUMBERS,
  });
  if (result.created.length > 0)
    logger.info({ accounts: result.created }, "first admin accounts created from STAFF_* lists");
  if (result.ignored)
    logger.warn(
      {},
      "STAFF_TELEGRAM_IDS/STAFF_WHATSAPP_NUMBERS ignored: staff accounts exist (npm run staff)",
    );
}

/** The staff console, when CONSOLE_PORT is set (localhost by default; TLS in the reverse proxy). */
async function startConsole(
  config: Config,
  app: App,
  logger: Logger,
): Promise<(() => Promise<void>) | undefined> {
  if (config.CONSOLE_PORT === undefined) return undefined;
  const server = createConsoleServer({
    services: app.services,
    translator: app.translator,
    store: app.store,
    logger: logger.child({ component: "console" }),
    settings: {
      sessionHours: config.CONSOLE_SESSION_HOURS,
      maxFailedLogins: config.CONSOLE_MAX_FAILED_LOGINS,
      lockMinutes: config.CONSOLE_LOCK_MINUTES,
      ...(config.CONSOLE_PUBLIC_URL ? { publicUrl: config.CONSOLE_PUBLIC_URL } : {}),
    },
  });
  const { url } = await server.listen(config.CONSOLE_PORT, config.CONSOLE_HOST);
  logger.info({ url }, "staff console listening");
  return () => server.close();
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const { config, envFile } = readConfig();
  const terminal =
    config.TERMINAL_CHAT === "true" ||
    (config.TERMINAL_CHAT === "auto" && !config.TELEGRAM_BOT_TOKEN && !config.WHATSAPP_ENABLED);
  const logger = await createLogger(config, terminal);
  if (envFile) logger.info({ file: envFile }, "settings read from the .env file (the environment wins)");
  const shutdown = createShutdown({
    deadlineMs: config.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    logger,
    exit: (code) => process.exit(code),
    notice: (line) => console.error(line),
  });
  const supervisor = createChannelSupervisor({
    policy: config.CHANNEL_FAILURE,
    logger,
    onNoChannel: (reason) => {
      console.error(`jamsos-bot: ${reason}; exiting with code 1 (CHANNEL_FAILURE=retry keeps trying)`);
      void shutdown.run(reason, 1);
    },
  });
  shutdown.first(() => supervisor.stop());
  process.once("SIGINT", () => void shutdown.run("SIGINT"));
  process.once("SIGTERM", () => void shutdown.run("SIGTERM"));

  const storage = await openStorageFromConfig(config, logger);
  shutdown.addFinal(() => storage.close());
  if (isMemoryStorage(storage)) {
    console.error(
      "⚠️  WARNING: no MongoDB available; using the MEMORY store. Nothing you enter survives exit. Set MONGODB_URI.",
    );
  }
  const app = await createAppFromConfig(config, { storage, logger, isBot: true });
  await bootstrapFirstAdmins(config, app, logger);
  const stopConsole = await startConsole(config, app, logger);
  if (stopConsole) shutdown.add(stopConsole);

  if (config.HEALTH_PORT > 0) {
    const health = await startHealthServer({
      port: config.HEALTH_PORT,
      host: config.HEALTH_HOST,
      logger,
      readiness: async () => {
        const reachable = await pingStorage(storage);
        const channels = { ...supervisor.states(), ...(terminal ? terminalReadiness : {}) };
        const ready = reachable && Object.values(channels).every((state) => state === "running");
        return { ready, storage: { kind: storage.store.kind, reachable }, channels };
      },
    });
    if (health) shutdown.add(() => health.close());
  }

  if (config.WHATSAPP_ENABLED && config.WHATSAPP_MODE === "cloud") {
    // The Cloud API is a webhook this process serves: running as long as the process runs.
    const stop = await connectWhatsAppCloud({ config, app, logger, clock: app.services.clock });
    shutdown.add(stop);
    supervisor.add(supervisedWhatsAppCloud);
  } else if (config.WHATSAPP_ENABLED) {
    // Loaded only when enabled: whatsapp-web.js (and puppeteer) cost ~34 MB and ~250 ms otherwise.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { connectWhatsApp } = require("./channels/whatsapp/whatsapp.connect") as typeof WhatsAppConnect;
    // Starts in the background: a missing Chromium or no internet is one log line, nothing more.
    const whatsapp = connectWhatsApp({
      config,
      app,
      logger,
      clock: app.services.clock,
      output: process.stdout,
      mongoose: storage.connection
        ? { connection: storage.connection, mongo: storage.connection.base.mongo }
        : undefined,
    });
    supervisor.add(toSupervisedWhatsApp(whatsapp));
    shutdown.add(() => whatsapp.stop());
  }
  if (config.TELEGRAM_BOT_TOKEN) {
    const telegram = createTelegramChannel(toTelegramOptions(config, config.TELEGRAM_BOT_TOKEN, app, logger));
    supervisor.add(toSupervisedTelegram(telegram, () => app.hub.register(telegram.sender)));
    shutdown.add(() => telegram.stop());
  }
  // Channels start in the background: a Telegram or WhatsApp outage never holds up the others.
  const channelsStarted = supervisor.start();

  // Broadcasts, reminders and the outbox start once the channels have started (or failed), at most
  // 10 s later. A channel that registers later (WhatsApp after its login, Telegram after a retry) is
  // not lost: the dispatcher keeps its deliveries pending and the outbox drains once it registers.
  const startJobs = async () => {
    await Promise.race([channelsStarted, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    await app.outbox.start();
    shutdown.add(() => app.outbox.stop());
    await app.sessionPurge.start();
    shutdown.add(async () => app.sessionPurge.stop());
    await app.broadcasting.start();
    shutdown.add(() => app.broadcasting.stop());
    const escalation = createHandoffEscalation(app.services);
    await escalation.start();
    shutdown.add(() => escalation.stop());
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
    await shutdown.run("end of input");
  } else await startJobs();
}

main().catch((error: unknown) => {
  console.error("jamsos-bot failed to start:", isAppError(error) ? error.message : error);
  process.exit(1);
});
