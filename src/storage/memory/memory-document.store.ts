/**
 * The document store in memory: same contract as MongoDB (unique indexes, operators, atomic
 * updates), values copied in and out as BSON would (Dates kept, undefined dropped), so a test
 * that passes here does not depend on shared references.
 */
import type {
  Collection,
  CollectionSpec,
  DocumentStore,
  Filter,
  FindOptions,
  IndexSpec,
  StoredDoc,
} from "../../core/document-store.port";
import { deepCopy } from "../../core/copy";
import { toUniqueViolation } from "../unique-violation";
import { getPath, matches, sortDocs, toChanged, toSeed } from "./document-match";

/** Values are copied in and out as BSON would store them. */
export const toStored = deepCopy;

function indexKey(index: IndexSpec, doc: unknown): string | undefined {
  if (index.partial && !matches(doc, index.partial)) return undefined;
  const values = Object.keys(index.fields).map((path) => getPath(doc, path));
  if (!index.partial && values.every((v) => v === undefined)) return JSON.stringify(values.map(() => null));
  return JSON.stringify(values.map((v) => (v instanceof Date ? { $date: v.getTime() } : (v ?? null))));
}

/** A unique index's keys: key → owning _id, and _id → its key (kept in step with every write). */
type UniqueKeys = { index: IndexSpec; owners: Map<string, string>; keyOf: Map<string, string> };

class MemoryCollection<T extends StoredDoc> implements Collection<T> {
  private readonly docs = new Map<string, T>();
  private readonly unique: UniqueKeys[];
  constructor(private readonly spec: CollectionSpec) {
    this.unique = spec.indexes
      .filter((i) => i.unique)
      .map((index) => ({ index, owners: new Map(), keyOf: new Map() }));
  }

  private violates(doc: T): string | undefined {
    for (const { index, owners } of this.unique) {
      const key = indexKey(index, doc);
      const owner = key === undefined ? undefined : owners.get(key);
      if (owner !== undefined && owner !== doc._id) return Object.keys(index.fields).join("_");
    }
    return undefined;
  }

  /** Stores a document that passed `violates`, keeping the unique keys in step. */
  private put(doc: T): void {
    this.forget(doc._id);
    this.docs.set(doc._id, doc);
    for (const { index, owners, keyOf } of this.unique) {
      const key = indexKey(index, doc);
      if (key === undefined) continue;
      owners.set(key, doc._id);
      keyOf.set(doc._id, key);
    }
  }

  private forget(id: string): void {
    for (const { owners, keyOf } of this.unique) {
      const key = keyOf.get(id);
      if (key !== undefined && owners.get(key) === id) owners.delete(key);
      keyOf.delete(id);
    }
  }

  private select(filter: Filter, options: FindOptions = {}): T[] {
    // A filter on one _id looks at that document only (the common claim-by-id case).
    const byId = typeof filter._id === "string" ? this.docs.get(filter._id) : undefined;
    const candidates = typeof filter._id === "string" ? (byId ? [byId] : []) : [...this.docs.values()];
    const found = sortDocs(
      candidates.filter((d) => matches(d, filter)),
      options.sort,
    );
    const start = options.skip ?? 0;
    return found.slice(start, options.limit ? start + options.limit : undefined);
  }

  async findById(id: string) {
    const doc = this.docs.get(id);
    return doc ? toStored(doc) : null;
  }
  async findOne(filter: Filter, options?: FindOptions) {
    const doc = this.select(filter, { ...options, limit: 1 })[0];
    return doc ? toStored(doc) : null;
  }
  async find(filter: Filter, options?: FindOptions) {
    return this.select(filter, options).map(toStored);
  }
  async count(filter: Filter) {
    return this.select(filter).length;
  }
  async insert(doc: T) {
    if (this.docs.has(doc._id)) return { type: "duplicate", index: "_id" } as const;
    const stored = toStored(doc);
    const violated = this.violates(stored);
    if (violated) return { type: "duplicate", index: violated } as const;
    this.put(stored);
    return { type: "inserted" } as const;
  }
  async replace(doc: T, options: { expect?: Filter; upsert?: boolean } = {}) {
    const existing = this.docs.get(doc._id);
    if (!existing) {
      if (!options.upsert) return false;
      const result = await this.insert(doc);
      if (result.type === "duplicate") throw toUniqueViolation(this.spec.name, result.index);
      return true;
    }
    if (options.expect && !matches(existing, options.expect)) return false;
    const stored = toStored(doc);
    const violated = this.violates(stored);
    if (violated) throw toUniqueViolation(this.spec.name, violated);
    this.put(stored);
    return true;
  }
  private applyTo(existing: T, change: Parameters<Collection<T>["update"]>[1], inserting: boolean): T {
    // Copy-on-write: the stored document is never changed in place, so only changed paths are copied.
    const updated = toChanged(existing, change, inserting) as T;
    const violated = this.violates(updated);
    if (violated) throw toUniqueViolation(this.spec.name, violated);
    this.put(updated);
    return updated;
  }
  private upsertNew(filter: Filter, change: Parameters<Collection<T>["update"]>[1]): T {
    const seed = {
      _id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`,
      ...toSeed(filter),
    } as unknown as T;
    // As in MongoDB: an upsert whose filter names an `_id` that exists (but did not match) fails.
    if (this.docs.has(seed._id)) throw toUniqueViolation(this.spec.name, "_id");
    return this.applyTo(seed, change, true);
  }
  async update(
    filter: Filter,
    change: Parameters<Collection<T>["update"]>[1],
    options: { multi?: boolean; upsert?: boolean } = {},
  ) {
    const targets = this.select(filter);
    const chosen = options.multi === false ? targets.slice(0, 1) : targets;
    if (chosen.length === 0 && options.upsert) {
      this.upsertNew(filter, change);
      return 1;
    }
    for (const doc of chosen) this.applyTo(doc, change, false);
    return chosen.length;
  }
  async findOneAndUpdate(
    filter: Filter,
    change: Parameters<Collection<T>["update"]>[1],
    options: { sort?: Record<string, 1 | -1>; upsert?: boolean } = {},
  ) {
    const target = this.select(filter, { ...(options.sort ? { sort: options.sort } : {}), limit: 1 })[0];
    if (!target) return options.upsert ? toStored(this.upsertNew(filter, change)) : null;
    return toStored(this.applyTo(target, change, false));
  }
  async delete(filter: Filter) {
    const targets = this.select(filter);
    for (const doc of targets) {
      this.forget(doc._id);
      this.docs.delete(doc._id);
    }
    return targets.length;
  }
}

export function createMemoryDocumentStore(): DocumentStore {
  const collections = new Map<string, Collection<StoredDoc>>();
  return {
    kind: "memory",
    collection<T extends StoredDoc>(spec: CollectionSpec): Collection<T> {
      let collection = collections.get(spec.name);
      if (!collection) {
        collection = new MemoryCollection<StoredDoc>(spec);
        collections.set(spec.name, collection);
      }
      return collection as unknown as Collection<T>;
    },
    close: async () => undefined,
  };
}
