/**
 * The bot process of the crash bench (crash.bench.ts kills it with SIGKILL again and again): the
 * real app over a store that survives the kill, the real Telegram channel long-polling the bench's
 * Bot API, and the outbox drainer. Prints "ready" once it polls. Run as:
 *   node --import tsx scripts/bench/crash-child.ts <store> <apiRoot> <token>
 */
import { createApp } from "../../src/app";
import { createTelegramChannel } from "../../src/channels/telegram/telegram.channel";
import type { DocumentStore } from "../../src/core/document-store.port";
import { createPinoLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { connectMongoDocumentStore } from "../../src/storage/mongo/mongo-document.store";
import { openJsonlDocumentStore } from "./jsonl-document.store";

export const crashVaultKeys = {
  current: "k1",
  keys: { k1: Buffer.alloc(32, 7) },
  hashKey: Buffer.alloc(32, 9),
};

/** The bench's store: MongoDB when a URI is given, else the JSON-lines file store. */
export async function openCrashStore(where: string): Promise<DocumentStore> {
  return where.startsWith("mongodb")
    ? connectMongoDocumentStore(where, { dbName: "jamsos-crash-bench" })
    : openJsonlDocumentStore(where);
}

async function runChild(where: string, apiRoot: string, token: string): Promise<void> {
  const store = await openCrashStore(where);
  const clock = { now: () => new Date() };
  const logger = createPinoLogger({ level: "silent" });
  const app = createApp({
    store,
    clock,
    logger,
    vault: createVault(crashVaultKeys),
    outbox: { checkMs: 1_000 },
    // A stable name, as each deployed bot process should have: a restart takes its conversations back at once.
    instanceId: "crash-bench-bot",
  });
  const telegram = createTelegramChannel({
    token,
    apiRoot,
    maxFileBytes: 10 * 1024 * 1024,
    inbound: app.inbound,
    translator: app.translator,
    sessions: app.services.sessions,
    logger,
    clock,
    throttle: { perSecond: 1_000, perChatMs: 0 },
    pollTimeoutSeconds: 1,
    startAttempts: 10,
  });
  await telegram.start();
  app.hub.register(telegram.sender);
  await app.outbox.start();
  process.stdout.write("ready\n");
  process.once("SIGTERM", () => {
    void telegram
      .stop()
      .then(() => app.outbox.stop())
      .then(() => store.close())
      .finally(() => process.exit(0));
  });
}

if (process.argv[1]?.endsWith("crash-child.ts")) {
  const [where = "", apiRoot = "", token = ""] = process.argv.slice(2);
  runChild(where, apiRoot, token).catch((error: unknown) => {
    console.error("crash child failed:", error);
    process.exit(1);
  });
}
