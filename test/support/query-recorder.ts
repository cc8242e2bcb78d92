/**
 * A document store that records the shape of every query its collections are asked (filter and
 * sort), so a test can check each against the declared indexes (storage/index-registry.ts).
 */
import type {
  Collection,
  CollectionSpec,
  DocumentStore,
  Filter,
  Sort,
  StoredDoc,
} from "../../src/core/document-store.port";
import type { QueryShape } from "../../src/storage/index-registry";

type Options = { sort?: Sort } | undefined;

export function createQueryRecorder(inner: DocumentStore): DocumentStore & { shapes: QueryShape[] } {
  const shapes: QueryShape[] = [];
  const wrap = <T extends StoredDoc>(c: Collection<T>, collection: string): Collection<T> => {
    const record = (operation: string, filter: Filter, options?: Options) =>
      void shapes.push({ collection, operation, filter, ...(options?.sort ? { sort: options.sort } : {}) });
    return {
      findById: (id) => (record("findById", { _id: id }), c.findById(id)),
      findOne: (filter, options) => (record("findOne", filter, options), c.findOne(filter, options)),
      find: (filter, options) => (record("find", filter, options), c.find(filter, options)),
      stream: ((filter, options) => (
        record("stream", filter, options),
        c.stream(filter, options)
      )) as Collection<T>["stream"],
      count: (filter) => (record("count", filter), c.count(filter)),
      groupCount: (filter, by, options) => (record("groupCount", filter), c.groupCount(filter, by, options)),
      insert: (doc) => c.insert(doc),
      replace: (doc, options) => (record("replace", { _id: doc._id }), c.replace(doc, options)),
      update: (filter, change, options) => (record("update", filter), c.update(filter, change, options)),
      findOneAndUpdate: (filter, change, options) => (
        record("findOneAndUpdate", filter, options),
        c.findOneAndUpdate(filter, change, options)
      ),
      delete: (filter) => (record("delete", filter), c.delete(filter)),
    };
  };
  return {
    kind: inner.kind,
    shapes,
    collection: <T extends StoredDoc>(spec: CollectionSpec) => wrap(inner.collection<T>(spec), spec.name),
    close: () => inner.close(),
  };
}
