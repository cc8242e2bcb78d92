/**
 * Staff CLI for broadcasts: `npm run broadcast -- <command> [options]` (see src/jobs/broadcast.command.ts).
 * It works on the bot's storage (MONGODB_URI); sending is done by the running bot's scheduler.
 *   npm run broadcast -- preview --state active --filter "kecamatan=Telanaipura" --template activeReminder
 *   npm run broadcast -- send --state coverageEnding --before 2026-04-01 --template coverageEnding --at "08:30"
 *   npm run broadcast -- pause SB-ABC123
 */
import { userInfo } from "node:os";
import { createApp } from "../src/app";
import { loadConfig } from "../src/config";
import { runBroadcastCommand } from "../src/jobs/broadcast.command";
import { silentLogger } from "../src/security/pino.logger";
import { createVault } from "../src/security/vault";
import { loadVaultKeys } from "../src/security/vault-keys";
import { connectStorage } from "../src/storage/connect-storage";

async function main(): Promise<number> {
  const config = loadConfig();
  const storage = await connectStorage({
    mongodbUri: config.MONGODB_URI,
    embedded: config.EMBEDDED_MONGO,
    embeddedTimeoutMs: config.EMBEDDED_MONGO_TIMEOUT_MS,
    dataDir: config.DATA_DIR,
    logger: silentLogger,
  });
  if (storage.description.startsWith("memory"))
    console.error("⚠️  No MongoDB (MONGODB_URI): this CLI sees an empty memory store, not the bot's data.");
  const vault = createVault(
    loadVaultKeys({
      encryptionKey: config.ENCRYPTION_KEY,
      hashKey: config.HASH_KEY,
      dataDir: config.DATA_DIR,
      logger: silentLogger,
    }),
  );
  const clock = { now: () => new Date() };
  const app = createApp({
    store: storage.store,
    clock,
    logger: silentLogger,
    vault,
    broadcasting: { quietHours: { start: config.QUIET_HOURS_START, end: config.QUIET_HOURS_END } },
  });
  const result = await runBroadcastCommand(process.argv.slice(2), {
    service: app.services.broadcasts,
    actor: `cli:${userInfo().username}`,
    now: clock.now(),
  });
  for (const line of result.lines) console.log(line);
  await storage.close();
  return result.code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
