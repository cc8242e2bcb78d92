/**
 * The document store in memory: same contract as MongoDB (unique indexes, operators, atomic
 * updates, projections, cursors, group counts), values copied in and out as BSON would (Dates
 * kept, undefined dropped), so a test that passes here does not depend on shared references.
 * Every field a declared index names gets an equality index, so a query narrows to its candidates
 * instead of scanning: the no-MongoDB fallback stays usable at ~100,000 documents.
 */
import type {
  Change,
  Collection,
  CollectionSpec,
  DocumentStore,
  Filter,
  FindOptions,
  Sort,
  StoredDoc,
  StreamOptions,
} from "../../core/document-store.port";
import { deepCopy } from "../../core/copy";
import { toUniqueViolation } from "../unique-violation";
import { matches } from "./document-filter";
import { toChangedCopy, toSeed } from "./document-match";
import { toGroupCounts, toProjected } from "./document-shape";
import { MemoryIndexes } from "./memory-indexes";
import { MemoryQuery, type Doc, type Entry, type MemoryStoreStats } from "./memory-query";

/** Values are copied in and out as BSON would store them. */
export const toStored = deepCopy;

export type { MemoryStoreStats } from "./memory-query";

/** Called after every write with the document as stored, or the id removed (persistence for benches). */
export type WriteListener = (collection: string, write: { put: Doc } | { remove: string }) => void;

class MemoryCollection<T extends StoredDoc> implements Collection<T> {
  private readonly entries = new Map<string, Entry>();
  private readonly indexes: MemoryIndexes;
  private readonly query: MemoryQuery;
  private nextSeq = 0;

  constructor(
    private readonly spec: CollectionSpec,
    private readonly stats: MemoryStoreStats,
    private readonly onWrite?: WriteListener,
  ) {
    this.indexes = new MemoryIndexes(spec.indexes);
    this.query = new MemoryQuery(this.entries, this.indexes, stats);
  }

  private select(filter: Filter, options?: { sort?: Sort; skip?: number; limit?: number }): Doc[] {
    return this.query.select(filter, options);
  }

  /** Stores `doc` (replacing its previous version); the unique index it would violate, if any. */
  private put(doc: Doc): string | undefined {
    const violated = this.indexes.violated(doc);
    if (violated) return violated;
    const previous = this.entries.get(doc._id);
    if (previous) this.indexes.remove(previous.doc);
    this.indexes.add(doc);
    this.entries.set(doc._id, { doc, seq: previous?.seq ?? this.nextSeq++ });
    this.onWrite?.(this.spec.name, { put: doc });
    return undefined;
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.indexes.remove(entry.doc);
    this.entries.delete(id);
    this.onWrite?.(this.spec.name, { remove: id });
  }

  async findById(id: string) {
    const entry = this.entries.get(id);
    if (entry) this.stats.examined += 1;
    return entry ? (toStored(entry.doc) as unknown as T) : null;
  }
  async findOne(filter: Filter, options?: FindOptions) {
    const doc = this.select(filter, { ...options, limit: 1 })[0];
    return doc ? (toProjected(doc, options?.projection) as unknown as T) : null;
  }
  async find<R extends StoredDoc = T>(filter: Filter, options: FindOptions = {}) {
    return this.select(filter, options).map((doc) => toProjected(doc, options.projection) as unknown as R);
  }
  /** Without a sort, matches are found as the batches are taken (a sample reads only what it needs). */
  async *stream<R extends StoredDoc = T>(filter: Filter, options: StreamOptions = {}) {
    const size = options.batchSize ?? 500;
    const found = options.sort ? this.select(filter, { sort: options.sort }) : this.query.matching(filter);
    let batch: R[] = [];
    for (const doc of found) {
      batch.push(toProjected(doc, options.projection) as unknown as R);
      if (batch.length < size) continue;
      yield batch;
      batch = [];
    }
    if (batch.length > 0) yield batch;
  }
  async count(filter: Filter) {
    let count = 0;
    const matched = this.query.matching(filter)[Symbol.iterator]();
    while (!matched.next().done) count += 1;
    return count;
  }
  async groupCount(filter: Filter, by: string[], options: { sum?: string[] } = {}) {
    return toGroupCounts(this.query.matching(filter), by, options.sum);
  }
  async insert(doc: T) {
    if (this.entries.has(doc._id)) return { type: "duplicate", index: "_id" } as const;
    const violated = this.put(toStored(doc));
    return violated ? ({ type: "duplicate", index: violated } as const) : ({ type: "inserted" } as const);
  }
  async replace(doc: T, options: { expect?: Filter; upsert?: boolean } = {}) {
    const existing = this.entries.get(doc._id);
    if (!existing) {
      if (!options.upsert) return false;
      const result = await this.insert(doc);
      if (result.type === "duplicate") throw toUniqueViolation(this.spec.name, result.index);
      return true;
    }
    if (options.expect && !matches(existing.doc, options.expect)) return false;
    const violated = this.put(toStored(doc));
    if (violated) throw toUniqueViolation(this.spec.name, violated);
    return true;
  }
  private applyTo(existing: Doc, change: Change, inserting: boolean): Doc {
    // Copy-on-write: a stored document is never changed in place, so only the changed paths are new.
    const updated = toChangedCopy(existing, change, inserting) as Doc;
    const violated = this.put(updated);
    if (violated) throw toUniqueViolation(this.spec.name, violated);
    return updated;
  }
  private upsertNew(filter: Filter, change: Change): Doc {
    const seed = {
      _id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`,
      ...toSeed(filter),
    } as Doc;
    // As in MongoDB: an upsert whose filter names an `_id` that exists (but did not match) fails.
    if (this.entries.has(seed._id)) throw toUniqueViolation(this.spec.name, "_id");
    return this.applyTo(seed, change, true);
  }
  async update(filter: Filter, change: Change, options: { multi?: boolean; upsert?: boolean } = {}) {
    const targets = this.select(filter, options.multi === false ? { limit: 1 } : {});
    if (targets.length === 0 && options.upsert) {
      this.upsertNew(filter, change);
      return 1;
    }
    for (const doc of targets) this.applyTo(doc, change, false);
    return targets.length;
  }
  async findOneAndUpdate(filter: Filter, change: Change, options: { sort?: Sort; upsert?: boolean } = {}) {
    const target = this.select(filter, { ...(options.sort ? { sort: options.sort } : {}), limit: 1 })[0];
    if (!target) return options.upsert ? (toStored(this.upsertNew(filter, change)) as unknown as T) : null;
    return toStored(this.applyTo(target, change, false)) as unknown as T;
  }
  async delete(filter: Filter) {
    const targets = this.select(filter);
    for (const doc of targets) this.remove(doc._id);
    return targets.length;
  }
}

export type MemoryDocumentStore = DocumentStore & {
  readonly kind: "memory";
  readonly stats: MemoryStoreStats;
};

export function createMemoryDocumentStore(options: { onWrite?: WriteListener } = {}): MemoryDocumentStore {
  const collections = new Map<string, MemoryCollection<StoredDoc>>();
  const stats: MemoryStoreStats = { examined: 0 };
  const open = (spec: CollectionSpec) => {
    let collection = collections.get(spec.name);
    if (!collection) {
      collection = new MemoryCollection<StoredDoc>(spec, stats, options.onWrite);
      collections.set(spec.name, collection);
    }
    return collection;
  };
  return {
    kind: "memory",
    stats,
    collection: <T extends StoredDoc>(spec: CollectionSpec) => open(spec) as unknown as Collection<T>,
    close: async () => undefined,
  };
}
