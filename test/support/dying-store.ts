/**
 * A document store that "dies" on demand, as when the process is killed: after `kill()` every
 * call rejects and nothing more is written. The inner store keeps what was written before, so a
 * new app built on it sees exactly what a restarted process would.
 */
import type { Collection, DocumentStore, StoredDoc } from "../../src/core/document-store.port";

export function createDyingStore(inner: DocumentStore): DocumentStore & { kill(): void } {
  let dead = false;
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      dead
        ? Promise.reject(new Error("process is gone"))
        : fn(...args).then((r) => (dead ? Promise.reject(new Error("process is gone")) : r));
  return {
    kind: inner.kind,
    kill: () => void (dead = true),
    collection<T extends StoredDoc>(spec: Parameters<DocumentStore["collection"]>[0]): Collection<T> {
      const c = inner.collection<T>(spec);
      return {
        findById: guard(c.findById.bind(c)),
        findOne: guard(c.findOne.bind(c)),
        find: guard(c.find.bind(c)) as Collection<T>["find"],
        async *stream(filter, options) {
          for await (const batch of c.stream(filter, options)) {
            if (dead) throw new Error("process is gone");
            yield batch as never;
          }
        },
        count: guard(c.count.bind(c)),
        groupCount: guard(c.groupCount.bind(c)),
        insert: guard(c.insert.bind(c)),
        replace: guard(c.replace.bind(c)),
        update: guard(c.update.bind(c)),
        findOneAndUpdate: guard(c.findOneAndUpdate.bind(c)),
        delete: guard(c.delete.bind(c)),
      };
    },
    close: () => inner.close(),
  };
}
