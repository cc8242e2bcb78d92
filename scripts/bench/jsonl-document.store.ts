/**
 * A tiny persisted DocumentStore for the broadcast benchmark only: the memory store, with every
 * write appended synchronously to a JSON-lines file (so it survives SIGKILL of the process) and
 * replayed on open. Used when no MongoDB is available (MONGODB_URI unset); not for production.
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";
import type {
  Collection,
  CollectionSpec,
  DocumentStore,
  StoredDoc,
} from "../../src/core/document-store.port";
import {
  createMemoryDocumentStore,
  type WriteListener,
} from "../../src/storage/memory/memory-document.store";

type Line = { c: string; put?: StoredDoc; del?: string };

function encode(line: Line): string {
  return `${JSON.stringify(line, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : value;
  })}\n`;
}
const decode = (text: string) =>
  JSON.parse(text, (_key, value: unknown) =>
    value && typeof value === "object" && "$date" in value
      ? new Date((value as { $date: string }).$date)
      : value,
  ) as Line;

async function replay(collection: Collection<StoredDoc>, lines: Line[]): Promise<void> {
  for (const line of lines) {
    if (line.put) await collection.replace(line.put, { upsert: true });
    else if (line.del) await collection.delete({ _id: line.del });
  }
}

/** Every call waits until the collection's earlier writes are replayed. */
function afterReplay<T extends StoredDoc>(inner: Collection<T>, ready: Promise<void>): Collection<T> {
  const wait =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await ready;
      return fn(...args);
    };
  return {
    findById: wait(inner.findById.bind(inner)),
    findOne: wait(inner.findOne.bind(inner)),
    find: wait(inner.find.bind(inner)) as Collection<T>["find"],
    async *stream(filter, options) {
      await ready;
      for await (const batch of inner.stream(filter, options)) yield batch as never;
    },
    count: wait(inner.count.bind(inner)),
    groupCount: wait(inner.groupCount.bind(inner)),
    insert: wait(inner.insert.bind(inner)),
    replace: wait(inner.replace.bind(inner)),
    update: wait(inner.update.bind(inner)),
    findOneAndUpdate: wait(inner.findOneAndUpdate.bind(inner)),
    delete: wait(inner.delete.bind(inner)),
  };
}

/** Opens (or creates) the store in `file`, replaying what an earlier process wrote. */
export function openJsonlDocumentStore(file: string): DocumentStore & { kind: "memory" } {
  const pending: Line[] = existsSync(file)
    ? readFileSync(file, "utf8").split("\n").filter(Boolean).map(decode)
    : [];
  const fd = openSync(file, "a");
  const replaying = new Set<string>();
  const onWrite: WriteListener = (c, write) => {
    if (replaying.has(c)) return;
    writeSync(fd, encode("put" in write ? { c, put: write.put } : { c, del: write.remove }));
  };
  const memory = createMemoryDocumentStore({ onWrite });
  const ready = new Map<string, Promise<void>>();
  const open = <T extends StoredDoc>(spec: CollectionSpec): Collection<T> => {
    const inner = memory.collection<T>(spec);
    let replayed = ready.get(spec.name);
    if (!replayed) {
      replaying.add(spec.name);
      replayed = replay(
        inner,
        pending.filter((l) => l.c === spec.name),
      ).finally(() => replaying.delete(spec.name));
      ready.set(spec.name, replayed);
    }
    return afterReplay(inner, replayed);
  };
  return { kind: "memory", collection: open, close: async () => closeSync(fd) };
}
