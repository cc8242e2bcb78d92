/**
 * A document store that counts what crosses the store's boundary: queries asked, documents read
 * (each document a find, findOne or stream returns) and counted rows (each group of a group count,
 * one per count). The figures mean the same on MongoDB (what the server sends back), so a budget
 * met here holds there.
 */
import type {
  Collection,
  CollectionSpec,
  DocumentStore,
  StoredDoc,
} from "../../src/core/document-store.port";

export type ReadCounts = { queries: number; documents: number; counted: number };

export type ReadCountingStore = DocumentStore & {
  readonly reads: ReadCounts;
  /** The reads of `work` alone. */
  measure<T>(work: () => Promise<T>): Promise<{ result: T; reads: ReadCounts }>;
};

export function createReadCountingStore(inner: DocumentStore): ReadCountingStore {
  const reads: ReadCounts = { queries: 0, documents: 0, counted: 0 };
  const read =
    <R>(documents: (result: R) => number, field: "documents" | "counted" = "documents") =>
    (result: R) => {
      reads.queries += 1;
      reads[field] += documents(result);
      return result;
    };
  const wrap = <T extends StoredDoc>(c: Collection<T>): Collection<T> => ({
    findById: (id) => c.findById(id).then(read((d) => (d ? 1 : 0))),
    findOne: (filter, options) => c.findOne(filter, options).then(read((d) => (d ? 1 : 0))),
    find: ((filter, options) =>
      c.find(filter, options).then(read((list) => list.length))) as Collection<T>["find"],
    async *stream(filter, options) {
      reads.queries += 1;
      for await (const batch of c.stream(filter, options)) {
        reads.documents += batch.length;
        yield batch as never;
      }
    },
    count: (filter) => c.count(filter).then(read(() => 1, "counted")),
    groupCount: (filter, by, options) =>
      c.groupCount(filter, by, options).then(read((groups) => groups.length, "counted")),
    insert: (doc) => c.insert(doc),
    replace: (doc, options) => c.replace(doc, options),
    update: (filter, change, options) => c.update(filter, change, options),
    findOneAndUpdate: (filter, change, options) =>
      c.findOneAndUpdate(filter, change, options).then(read((d) => (d ? 1 : 0))),
    delete: (filter) => c.delete(filter),
  });
  return {
    kind: inner.kind,
    reads,
    collection: <T extends StoredDoc>(spec: CollectionSpec) => wrap(inner.collection<T>(spec)),
    close: () => inner.close(),
    async measure(work) {
      const before = { ...reads };
      const result = await work();
      return {
        result,
        reads: {
          queries: reads.queries - before.queries,
          documents: reads.documents - before.documents,
          counted: reads.counted - before.counted,
        },
      };
    },
  };
}
