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
import { applyChange, matches, sortDocs, toSeed } from "./document-match";
import { toGroupCounts, toProjected } from "./document-shape";
import { MemoryIndexes } from "./memory-indexes";

/** Values are copied in and out as BSON would store them. */
export const toStored = deepCopy;

type Doc = StoredDoc & Record<string, unknown>;
type Entry = { doc: Doc; seq: number };

/** How much work the memory store did: documents a filter was checked against (MongoDB's docsExamined). */
export type MemoryStoreStats = { examined: number };

/** Called after every write with the document as stored, or the id removed (persistence for benches). */
export type WriteListener = (collection: string, write: { put: Doc } | { remove: string }) => void;

class MemoryCollection<T extends StoredDoc> implements Collection<T> {
  private readonly entries = new Map<string, Entry>();
  private readonly indexes: MemoryIndexes;
  private nextSeq = 0;

  constructor(
    private readonly spec: CollectionSpec,
    private readonly stats: MemoryStoreStats,
    private readonly onWrite?: WriteListener,
  ) {
    this.indexes = new MemoryIndexes(spec.indexes);
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

  /** The matches, in `sort` order (else insertion order), narrowed by the indexes first. */
  private select(filter: Filter, options: { sort?: Sort; skip?: number; limit?: number } = {}): Doc[] {
    const ids = this.indexes.candidates(filter);
    let pool: Entry[];
    if (ids) {
      pool = [];
      for (const id of ids) {
        const entry = this.entries.get(id);
        if (entry) pool.push(entry);
      }
      pool.sort((a, b) => a.seq - b.seq); // ties in a sort keep insertion order, as in a scan
    } else pool = [...this.entries.values()];
    this.stats.examined += pool.length;
    const found = sortDocs(
      pool.filter((e) => matches(e.doc, filter)).map((e) => e.doc),
      options.sort,
    );
    const start = options.skip ?? 0;
    return start === 0 && !options.limit
      ? found
      : found.slice(start, options.limit ? start + options.limit : undefined);
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
  async *stream<R extends StoredDoc = T>(filter: Filter, options: StreamOptions = {}) {
    const found = this.select(filter, options.sort ? { sort: options.sort } : {});
    const size = options.batchSize ?? 500;
    for (let start = 0; start < found.length; start += size)
      yield found
        .slice(start, start + size)
        .map((doc) => toProjected(doc, options.projection) as unknown as R);
  }
  async count(filter: Filter) {
    return this.select(filter).length;
  }
  async groupCount(filter: Filter, by: string[], options: { sum?: string[] } = {}) {
    return toGroupCounts(this.select(filter), by, options.sum);
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
    const updated = toStored(existing);
    applyChange(updated, change, inserting);
    const violated = this.put(updated);
    if (violated) throw toUniqueViolation(this.spec.name, violated);
    return updated;
  }
  private upsertNew(filter: Filter, change: Change): Doc {
    const seed = {
      _id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`,
      ...toSeed(filter),
    } as Doc;
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
