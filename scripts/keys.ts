/**
 * Key management over the bot's storage (MONGODB_URI, or the embedded default):
 *
 *   npm run keys -- generate               two new random keys for ENCRYPTION_KEY and HASH_KEY
 *   npm run keys -- status                 what stored data still depends on old keys
 *   npm run keys -- rotate [--batch 200]   re-seal and re-hash everything under the current keys
 *
 * Rotation: set the new keys, list the old ones in PREVIOUS_ENCRYPTION_KEYS / PREVIOUS_HASH_KEYS,
 * restart the bot, run `rotate` (safe to stop and run again), then remove the PREVIOUS_* keys
 * once `status` shows nothing left. README, Security.
 */
import { loadConfig } from "../src/config";
import { createPinoLogger } from "../src/security/pino.logger";
import { isMemoryStorage, openStorageFromConfig } from "../src/storage/connect-storage";
import { runKeysCommand } from "./lib/keys-command";

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const config = loadConfig();
  const logger = createPinoLogger({ level: "warn" });
  if (argv[0] === "generate" || !["status", "rotate"].includes(argv[0] ?? ""))
    return runKeysCommand(argv, { config, logger, print: console.log });
  const storage = await openStorageFromConfig(config, logger);
  try {
    if (isMemoryStorage(storage)) console.error("⚠️  No MongoDB: the memory store holds nothing to rotate.");
    return await runKeysCommand(argv, { config, store: storage.store, logger, print: console.log });
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
