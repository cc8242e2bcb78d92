/**
 * A document store whose session saves can be made to lose a race on demand, as when another
 * process saved first: the next `n` saves of a session report a conflict, or the next save whose
 * new state contains `marker` (e.g. a claim reference: the turn that created it). The turn's side
 * effects have run by then, so the turn is handled again.
 */
import type {
  Change,
  Collection,
  DocumentStore,
  Filter,
  StoredDoc,
} from "../../src/core/document-store.port";

export type ConflictingStore = DocumentStore & {
  conflictNext(n: number): void;
  conflictWhen(marker: RegExp): void;
};

export function createConflictingStore(inner: DocumentStore): ConflictingStore {
  let conflicts = 0;
  let marker: RegExp | undefined;
  /** A turn's save: an optimistic update of a session on its version. */
  const losesRace = (filter: Filter, change: Change) => {
    if (!("version" in filter)) return false;
    if (marker?.test(JSON.stringify(change.$set ?? {}))) {
      marker = undefined;
      return true;
    }
    return conflicts > 0 && conflicts-- > 0;
  };
  return {
    kind: inner.kind,
    conflictNext: (n) => void (conflicts = n),
    conflictWhen: (pattern) => void (marker = pattern),
    collection<T extends StoredDoc>(spec: Parameters<DocumentStore["collection"]>[0]): Collection<T> {
      const collection = inner.collection<T>(spec);
      if (spec.name !== "sessions") return collection;
      return Object.assign(Object.create(collection) as Collection<T>, {
        update: async (filter: Filter, change: Change, options?: Parameters<Collection<T>["update"]>[2]) =>
          losesRace(filter, change) ? 0 : collection.update(filter, change, options),
      });
    },
    close: () => inner.close(),
  };
}
