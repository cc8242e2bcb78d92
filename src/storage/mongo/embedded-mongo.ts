/**
 * MongoDB run by the bot itself when MONGODB_URI is unset (DESIGN §4): mongodb-memory-server-core
 * starts mongod with its data in DATA_DIR/mongo (wiredTiger), so data survives restarts. Where no
 * binary can be had it says why instead of throwing, and the caller falls back.
 */
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { MongoMemoryServer } from "mongodb-memory-server-core";
import type { Logger } from "../../core/ports";
import { obtainMongod, unavailableMarkerFile } from "./mongod-binary";

export type EmbeddedMongoOptions = {
  dataDir: string;
  /** Bound on the one download attempt's reachability check (EMBEDDED_MONGO_TIMEOUT_MS). */
  timeoutMs: number;
  logger: Logger;
  now?: Date;
  retryAfterMs?: number;
};

export type EmbeddedMongo = {
  /** mongodb://127.0.0.1:<port>/ (no credentials; it listens on localhost only). */
  uri: string;
  dbPath: string;
  binary: string;
  /** Stops mongod cleanly, keeping its data. */
  stop(): Promise<void>;
};

export type EmbeddedMongoStart =
  { type: "started"; mongo: EmbeddedMongo } | { type: "unavailable"; reason: string };

/** Starts the embedded MongoDB, or tells why it cannot; never throws. */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions): Promise<EmbeddedMongoStart> {
  const binary = await obtainMongod({ ...options, now: options.now ?? new Date() });
  if (binary.type === "missing") return { type: "unavailable", reason: binary.reason };
  const dbPath = path.join(options.dataDir, "mongo");
  try {
    await mkdir(dbPath, { recursive: true });
    const server = await MongoMemoryServer.create({
      instance: {
        dbPath,
        storageEngine: "wiredTiger",
        ip: "127.0.0.1",
        launchTimeout: 20_000,
        args: ["--wiredTigerCacheSizeGB", "0.25"],
      },
    });
    await rm(path.join(options.dataDir, unavailableMarkerFile), { force: true }); // a binary appeared
    return {
      type: "started",
      mongo: {
        uri: server.getUri(),
        dbPath,
        binary: binary.path,
        stop: async () => {
          await server.stop({ doCleanup: false });
        },
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: "unavailable", reason: `mongod (${binary.path}) did not start: ${message}` };
  }
}
