/**
 * What every staff CLI (registrations, claims, broadcast) opens: configuration, a quiet logger,
 * the bot's storage and the app built exactly as the bot builds it (src/app-from-config.ts).
 *
 * On the memory store (no MongoDB) a CLI sees none of the bot's data and loses what it changes,
 * so it says so loudly; commands that change data refuse to run there (exit 2): a "moved" claim
 * or a queued message to an heir that nobody will ever see would be worse than an error.
 */
import type { App } from "../../src/app";
import { createAppFromConfig } from "../../src/app-from-config";
import { loadConfig, loadEnvFile, type Config } from "../../src/config";
import type { Logger } from "../../src/core/ports";
import { createPinoLogger, isPrettyLog } from "../../src/security/pino.logger";
import {
  isMemoryStorage,
  openStorageFromConfig,
  type ConnectedStorage,
} from "../../src/storage/connect-storage";

export type CliContext = {
  config: Config;
  logger: Logger;
  storage: ConnectedStorage;
  app: App;
  /** True on the memory store: nothing of the bot's, nothing kept. */
  memory: boolean;
  close(): Promise<void>;
};

export const memoryWarning =
  "⚠️  Tidak ada MongoDB (isi MONGODB_URI): perintah ini memakai penyimpanan MEMORI yang KOSONG. Data bot tidak terlihat dan setiap perubahan hilang saat selesai.";

/** A CLI's logger: only errors (debug/trace when LOG_LEVEL asks), readable on a terminal. */
export function createCliLogger(config: Config): Logger {
  const level = config.LOG_LEVEL === "debug" || config.LOG_LEVEL === "trace" ? config.LOG_LEVEL : "error";
  return createPinoLogger({ level, pretty: isPrettyLog(config.LOG_FORMAT) });
}

/** Exit code of a CLI that refuses to change data on the memory store. */
export const refusedOnMemory = 2;

export async function openCliContext(
  options: { config?: Config; logger?: Logger; warn?: (line: string) => void } = {},
): Promise<CliContext> {
  const config = options.config ?? (loadEnvFile(), loadConfig());
  const logger = options.logger ?? createCliLogger(config);
  const storage = await openStorageFromConfig(config, logger);
  const memory = isMemoryStorage(storage);
  if (memory) (options.warn ?? console.error)(memoryWarning);
  try {
    const app = await createAppFromConfig(config, { storage, logger });
    return { config, logger, storage, app, memory, close: () => storage.close() };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

/**
 * Refuses `command` on the memory store (prints why, returns false) when it changes data.
 * Read-only commands run (on nothing) after the warning.
 */
export function allowsChanges(
  context: Pick<CliContext, "memory">,
  command: string,
  warn = console.error,
): boolean {
  if (!context.memory) return true;
  warn(
    `Perintah "${command}" ditolak di penyimpanan memori: perubahan akan hilang dan tidak ada yang diberi tahu.`,
  );
  return false;
}

/**
 * The whole life of a staff CLI: open the context, refuse `changing` commands on the memory
 * store, run the command, close, and exit with its code (1 and the message on an error).
 */
export function runCli(spec: {
  changing: ReadonlySet<string>;
  logger?: Logger;
  /** The command and its arguments (default: the process's). */
  argv?: string[];
  run: (context: CliContext, argv: string[]) => Promise<number>;
}): void {
  const main = async (): Promise<number> => {
    const argv = spec.argv ?? process.argv.slice(2);
    const context = await openCliContext(spec.logger ? { logger: spec.logger } : {});
    try {
      const command = argv[0] ?? "";
      if (spec.changing.has(command) && !allowsChanges(context, command)) return refusedOnMemory;
      return await spec.run(context, argv);
    } finally {
      await context.close();
    }
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`galat: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
