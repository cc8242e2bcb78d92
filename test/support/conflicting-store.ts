/**
 * A document store whose session saves can be made to lose a race on demand: the next `n`
 * optimistic replaces of a session report a conflict (as when another process saved first), after
 * the flow's side effects already ran. Everything else goes to the inner store.
 */
import type { Collection, DocumentStore, StoredDoc } from "../../src/core/document-store.port";

export function createConflictingStore(
  inner: DocumentStore,
): DocumentStore & { conflictNext(n: number): void } {
  let conflicts = 0;
  return {
    kind: inner.kind,
    conflictNext: (n) => void (conflicts = n),
    collection<T extends StoredDoc>(spec: Parameters<DocumentStore["collection"]>[0]): Collection<T> {
      const collection = inner.collection<T>(spec);
      if (spec.name !== "sessions") return collection;
      return Object.assign(Object.create(collection) as Collection<T>, {
        replace: async (doc: T, options?: Parameters<Collection<T>["replace"]>[1]) => {
          if (options?.expect && conflicts > 0) {
            conflicts -= 1;
            return false;
          }
          return collection.replace(doc, options);
        },
      });
    },
    close: () => inner.close(),
  };
}
