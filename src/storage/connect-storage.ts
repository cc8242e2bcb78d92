/**
 * Chooses the document store at start-up (DESIGN §4): MONGODB_URI → that MongoDB (unreachable is
 * fatal: the operator asked for it); else the embedded MongoDB (mongodb-memory-server, data in
 * DATA_DIR/mongo) when EMBEDDED_MONGO; else, or when that cannot start, the memory store with a
 * loud warning. NODE_ENV=production without MONGODB_URI never gets here (config refuses it).
 */
import type { Connection } from "mongoose";
import type { Config } from "../config";
import type { DocumentStore } from "../core/document-store.port";
import type { Logger } from "../core/ports";
import { createMemoryDocumentStore } from "./memory/memory-document.store";
import type * as EmbeddedMongo from "./mongo/embedded-mongo";
import type * as MongoStore from "./mongo/mongo-document.store";

// Loaded on demand: mongoose and mongodb-memory-server cost start-up time and memory even when
// the bot runs on the memory store. require() (not import()) keeps CommonJS, jest and tsx alike.
/* eslint-disable @typescript-eslint/no-require-imports */
const loadMongoStore = () => require("./mongo/mongo-document.store") as typeof MongoStore;
const loadEmbeddedMongo = () => require("./mongo/embedded-mongo") as typeof EmbeddedMongo;
/* eslint-enable @typescript-eslint/no-require-imports */

export type StorageOptions = {
  mongodbUri: string | undefined;
  embedded: boolean;
  embeddedTimeoutMs: number;
  dataDir: string;
  logger: Logger;
  /** How long connecting to MONGODB_URI may take before start-up fails (default 3000 ms). */
  serverSelectionTimeoutMs?: number;
};

export type ConnectedStorage = {
  store: DocumentStore;
  /** For people: "mongo (db.example:27017)", "embedded MongoDB (data/mongo)", "memory (…)". */
  description: string;
  /** Closes the store (and stops the embedded MongoDB). */
  close: () => Promise<void>;
  /** The mongoose connection when the store is MongoDB, for RemoteAuth and Agenda. */
  connection?: Connection;
};

/** True when the store answers within `timeoutMs` (MongoDB `ping`; the memory store always does). */
export async function pingStorage(storage: ConnectedStorage, timeoutMs = 2_000): Promise<boolean> {
  const db = storage.connection?.db;
  if (storage.store.kind === "memory") return true;
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const ping = db
    .admin()
    .ping()
    .then(
      () => true,
      () => false,
    );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const embeddedDbName = "jamsos";

async function connectEmbedded(options: StorageOptions): Promise<ConnectedStorage | string> {
  const started = await loadEmbeddedMongo().startEmbeddedMongo({
    dataDir: options.dataDir,
    timeoutMs: options.embeddedTimeoutMs,
    logger: options.logger,
  });
  if (started.type === "unavailable") return started.reason;
  const { mongo } = started;
  try {
    const store = await loadMongoStore().connectMongoDocumentStore(mongo.uri, {
      dbName: embeddedDbName,
      logger: options.logger,
    });
    options.logger.info(
      { storage: "embedded", dbPath: mongo.dbPath, binary: mongo.binary },
      "storage: embedded MongoDB (no MONGODB_URI), data kept on disk",
    );
    return {
      store,
      connection: store.connection,
      description: `embedded MongoDB (${mongo.dbPath})`,
      close: async () => {
        await store.close();
        await mongo.stop();
      },
    };
  } catch (error) {
    await mongo.stop().catch(() => undefined);
    return `embedded MongoDB started but could not be used: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function useMemory(options: StorageOptions, reason: string): ConnectedStorage {
  const store = createMemoryDocumentStore();
  options.logger.warn(
    { storage: "memory", reason },
    "USING THE MEMORY STORE: nothing survives exit. Set MONGODB_URI for real storage.",
  );
  return { store, description: "memory (data is lost on exit)", close: () => store.close() };
}

/** Connects the store start-up chose; rejects only when MONGODB_URI is set and unreachable. */
export async function connectStorage(options: StorageOptions): Promise<ConnectedStorage> {
  if (options.mongodbUri) {
    const store = await loadMongoStore().connectMongoDocumentStore(options.mongodbUri, {
      logger: options.logger,
      ...(options.serverSelectionTimeoutMs
        ? { serverSelectionTimeoutMS: options.serverSelectionTimeoutMs }
        : {}),
    });
    options.logger.info({ storage: "mongo", host: store.host }, "storage: MongoDB from MONGODB_URI");
    return {
      store,
      connection: store.connection,
      description: `mongo (${store.host})`,
      close: () => store.close(),
    };
  }
  if (!options.embedded) return useMemory(options, "no MONGODB_URI and EMBEDDED_MONGO=false");
  const embedded = await connectEmbedded(options);
  if (typeof embedded !== "string") return embedded;
  return useMemory(options, `no MONGODB_URI; embedded MongoDB unavailable: ${embedded}`);
}

/** `connectStorage` with the settings from configuration: the bot and every CLI open storage alike. */
export function openStorageFromConfig(
  config: Pick<Config, "MONGODB_URI" | "EMBEDDED_MONGO" | "EMBEDDED_MONGO_TIMEOUT_MS" | "DATA_DIR">,
  logger: Logger,
): Promise<ConnectedStorage> {
  return connectStorage({
    mongodbUri: config.MONGODB_URI,
    embedded: config.EMBEDDED_MONGO,
    embeddedTimeoutMs: config.EMBEDDED_MONGO_TIMEOUT_MS,
    dataDir: config.DATA_DIR,
    logger,
  });
}

/** True when the store keeps nothing after exit. */
export const isMemoryStorage = (storage: ConnectedStorage) => storage.store.kind === "memory";
