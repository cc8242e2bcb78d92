/** A fresh bot for the counting benches: memory store, a fixed clock, bench keys, every channel sending nowhere. */
import { createApp } from "../../src/app";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";

const benchKeys = { current: "b1", keys: { b1: Buffer.alloc(32, 1) }, hashKey: Buffer.alloc(32, 2) };

export function createBenchApp(now: Date): ReturnType<typeof createApp> {
  const app = createApp({
    store: createMemoryDocumentStore(),
    clock: { now: () => now },
    logger: silentLogger,
    vault: createVault(benchKeys),
  });
  for (const channel of ["terminal", "telegram", "whatsapp"] as const)
    app.hub.register({ channel, send: async () => undefined });
  return app;
}
