/**
 * A document store with network-like latency: every call waits a random 0–`maxTurns` turns of
 * the event loop before it reaches the inner store, as a round trip to a database server does.
 * Without it, turns on the memory store finish within one tick and two "processes" never overlap.
 * Latency is counted in event-loop turns, not milliseconds, so it stays the same on a busy machine.
 */
import type { Collection, DocumentStore, StoredDoc } from "../../src/core/document-store.port";

/** Resolves after `n` turns of the event loop. */
export async function waitTurns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

export function createLatentStore(inner: DocumentStore, random: () => number, maxTurns = 3): DocumentStore {
  return {
    kind: inner.kind,
    collection<T extends StoredDoc>(spec: Parameters<DocumentStore["collection"]>[0]): Collection<T> {
      const collection = inner.collection<T>(spec);
      return new Proxy(collection, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== "function") return value;
          return async (...args: unknown[]) => {
            await waitTurns(Math.floor(random() * (maxTurns + 1)));
            return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          };
        },
      });
    },
    close: () => inner.close(),
  };
}
