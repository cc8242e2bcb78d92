/**
 * The document store over MongoDB (mongoose 9). Connecting fails fast when the server cannot be
 * reached, naming the host but never the credentials. The connection is exposed so WhatsApp's
 * RemoteAuth (wwebjs-mongo) and Agenda can share it instead of opening their own.
 */
import mongoose, { type Connection } from "mongoose";
import type { Collection, CollectionSpec, DocumentStore, StoredDoc } from "../../core/document-store.port";
import { AppError } from "../../core/errors";
import type { Logger } from "../../core/ports";
import { MongoCollection, toModel } from "./mongo-collection";

export type MongoStoreOptions = {
  /** How long connecting may look for a server before giving up (ms). */
  serverSelectionTimeoutMS?: number;
  /** Database to use instead of the one named in the URI. */
  dbName?: string;
  logger?: Logger;
};

/** A DocumentStore on MongoDB, with the mongoose connection for other MongoDB users. */
export type MongoDocumentStore = DocumentStore & {
  readonly kind: "mongo";
  readonly connection: Connection;
  /** Host(s) of the URI, without user name or password, for logs. */
  readonly host: string;
};

/** "mongodb://user:secret@db1:27017,db2/app?x=y" → "db1:27017,db2". */
export function toSafeHost(uri: string): string {
  const rest = uri.replace(/^mongodb(\+srv)?:\/\//, "");
  const beforeQuery = rest.split("?")[0] ?? "";
  const afterCredentials = beforeQuery.slice(beforeQuery.lastIndexOf("@") + 1);
  return afterCredentials.split("/")[0] || "(no host)";
}

function describeFailure(error: unknown, uri: string, host: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(uri).join(host);
}

async function openConnection(uri: string, host: string, options: MongoStoreOptions): Promise<Connection> {
  let connection: Connection | undefined;
  try {
    connection = mongoose.createConnection(uri, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 3000,
      ignoreUndefined: true,
      autoIndex: false,
      ...(options.dbName ? { dbName: options.dbName } : {}),
    });
    return await connection.asPromise();
  } catch (error) {
    await connection?.close().catch(() => undefined);
    throw new AppError(
      "STORAGE_UNAVAILABLE",
      `Cannot connect to MongoDB at ${host}: ${describeFailure(error, uri, host)}`,
      { host },
      { cause: error },
    );
  }
}

function watch(connection: Connection, host: string, logger: Logger | undefined): void {
  // Without an "error" listener an EventEmitter error would crash the process.
  connection.on("error", (error: unknown) => logger?.error({ err: error, host }, "MongoDB connection error"));
  connection.on("disconnected", () => logger?.warn({ host }, "MongoDB disconnected; the driver reconnects"));
  connection.on("reconnected", () => logger?.info({ host }, "MongoDB reconnected"));
}

/**
 * Connects to MongoDB and returns the store. Rejects within ~`serverSelectionTimeoutMS` with
 * AppError STORAGE_UNAVAILABLE when no server answers.
 *
 * @example
 *   const store = await connectMongoDocumentStore(config.MONGODB_URI, { logger });
 *   new MongoBackend({ mongo: store.connection.db! }); // Agenda on the same database
 */
export async function connectMongoDocumentStore(
  uri: string,
  options: MongoStoreOptions = {},
): Promise<MongoDocumentStore> {
  mongoose.set("bufferCommands", false); // fail at once instead of queueing while disconnected
  const host = toSafeHost(uri);
  const connection = await openConnection(uri, host, options);
  watch(connection, host, options.logger);
  const collections = new Map<string, MongoCollection<StoredDoc>>();
  return {
    kind: "mongo",
    connection,
    host,
    collection<T extends StoredDoc>(spec: CollectionSpec): Collection<T> {
      let collection = collections.get(spec.name);
      if (!collection) {
        collection = new MongoCollection<StoredDoc>(spec, toModel(connection, spec));
        collections.set(spec.name, collection);
      }
      return collection as unknown as Collection<T>;
    },
    async close() {
      await Promise.allSettled([...collections.values()].map((c) => c.whenReady()));
      await connection.close();
    },
  };
}
