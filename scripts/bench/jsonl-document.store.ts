/**
 * A tiny persisted DocumentStore for the broadcast benchmark only: documents in memory, every
 * write appended synchronously to a JSON-lines file (so it survives SIGKILL of the process) and
 * replayed on open. Unique indexes and `_id` lookups are hashed, so 10,000 deliveries stay fast.
 * Used when no MongoDB is available (MONGODB_URI unset); not for production.
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";
import { deepCopy } from "../../src/core/copy";
import type {
  Change,
  Collection,
  CollectionSpec,
  DocumentStore,
  Filter,
  FindOptions,
  IndexSpec,
  StoredDoc,
} from "../../src/core/document-store.port";
import { applyChange, getPath, matches, sortDocs, toSeed } from "../../src/storage/memory/document-match";
import { toUniqueViolation } from "../../src/storage/unique-violation";

type Doc = StoredDoc & Record<string, unknown>;
type Line = { c: string; put?: Doc; del?: string };

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

class JsonlCollection<T extends StoredDoc> implements Collection<T> {
  readonly docs = new Map<string, Doc>();
  private readonly unique: { spec: IndexSpec; keys: Map<string, string> }[];
  constructor(
    private readonly name: string,
    spec: CollectionSpec,
    private readonly write: (line: Line) => void,
  ) {
    this.unique = spec.indexes.filter((i) => i.unique).map((i) => ({ spec: i, keys: new Map() }));
  }
  private key(index: IndexSpec, doc: Doc) {
    return JSON.stringify(Object.keys(index.fields).map((p) => getPath(doc, p) ?? null));
  }
  /** Stores `doc` (replacing its previous version) unless a unique index is taken by another. */
  store(doc: Doc, persist = true): string | undefined {
    for (const { spec, keys } of this.unique) {
      const owner = keys.get(this.key(spec, doc));
      if (owner !== undefined && owner !== doc._id) return Object.keys(spec.fields).join("_");
    }
    const previous = this.docs.get(doc._id);
    for (const { spec, keys } of this.unique) {
      if (previous) keys.delete(this.key(spec, previous));
      keys.set(this.key(spec, doc), doc._id);
    }
    this.docs.set(doc._id, doc);
    if (persist) this.write({ c: this.name, put: doc });
    return undefined;
  }
  remove(id: string, persist = true) {
    const previous = this.docs.get(id);
    if (!previous) return;
    for (const { spec, keys } of this.unique) keys.delete(this.key(spec, previous));
    this.docs.delete(id);
    if (persist) this.write({ c: this.name, del: id });
  }
  private select(filter: Filter, options: FindOptions = {}): Doc[] {
    const id = filter._id;
    const pool =
      typeof id === "string"
        ? [this.docs.get(id)].filter((d): d is Doc => d !== undefined)
        : this.docs.values();
    const found = sortDocs(
      [...pool].filter((d) => matches(d, filter)),
      options.sort,
    );
    const start = options.skip ?? 0;
    return found.slice(start, options.limit ? start + options.limit : undefined);
  }
  async findById(id: string) {
    const doc = this.docs.get(id);
    return doc ? (deepCopy(doc) as unknown as T) : null;
  }
  async findOne(filter: Filter, options?: FindOptions) {
    const doc = this.select(filter, { ...options, limit: 1 })[0];
    return doc ? (deepCopy(doc) as unknown as T) : null;
  }
  async find(filter: Filter, options?: FindOptions) {
    return this.select(filter, options).map((d) => deepCopy(d) as unknown as T);
  }
  async count(filter: Filter) {
    return this.select(filter).length;
  }
  async insert(doc: T) {
    if (this.docs.has(doc._id)) return { type: "duplicate", index: "_id" } as const;
    const violated = this.store(deepCopy(doc));
    return violated ? ({ type: "duplicate", index: violated } as const) : ({ type: "inserted" } as const);
  }
  async replace(doc: T, options: { expect?: Filter; upsert?: boolean } = {}) {
    const existing = this.docs.get(doc._id);
    if (!existing ? !options.upsert : options.expect && !matches(existing, options.expect)) return false;
    return this.store(deepCopy(doc)) === undefined;
  }
  private change(doc: Doc, change: Change, inserting: boolean): Doc {
    const updated = deepCopy(doc);
    applyChange(updated, change, inserting);
    const violated = this.store(updated);
    if (violated) throw toUniqueViolation(this.name, violated);
    return updated;
  }
  /** Inserts what an upsert that matched nothing creates; an `_id` that exists fails, as in MongoDB. */
  private upsertNew(filter: Filter, change: Change): Doc {
    const seed = {
      _id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`,
      ...toSeed(filter),
    };
    if (this.docs.has(seed._id)) throw toUniqueViolation(this.name, "_id");
    return this.change(seed, change, true);
  }
  async update(filter: Filter, change: Change, options: { multi?: boolean; upsert?: boolean } = {}) {
    const targets = this.select(filter, options.multi === false ? { limit: 1 } : {});
    if (targets.length === 0 && options.upsert) {
      this.upsertNew(filter, change);
      return 1;
    }
    for (const doc of targets) this.change(doc, change, false);
    return targets.length;
  }
  async findOneAndUpdate(
    filter: Filter,
    change: Change,
    options: { sort?: Record<string, 1 | -1>; upsert?: boolean } = {},
  ) {
    const target = this.select(filter, { ...(options.sort ? { sort: options.sort } : {}), limit: 1 })[0];
    if (!target) return options.upsert ? (deepCopy(this.upsertNew(filter, change)) as unknown as T) : null;
    return deepCopy(this.change(target, change, false)) as unknown as T;
  }
  async delete(filter: Filter) {
    const targets = this.select(filter);
    for (const doc of targets) this.remove(doc._id);
    return targets.length;
  }
}

/** Opens (or creates) the store in `file`, replaying what an earlier process wrote. */
export function openJsonlDocumentStore(file: string): DocumentStore & { kind: "memory" } {
  const collections = new Map<string, JsonlCollection<StoredDoc>>();
  const pending: Line[] = existsSync(file)
    ? readFileSync(file, "utf8").split("\n").filter(Boolean).map(decode)
    : [];
  const fd = openSync(file, "a");
  const write = (line: Line) => void writeSync(fd, encode(line));
  const get = (spec: CollectionSpec) => {
    let collection = collections.get(spec.name);
    if (!collection) {
      collection = new JsonlCollection(spec.name, spec, write);
      collections.set(spec.name, collection);
      for (const line of pending.filter((l) => l.c === spec.name)) {
        if (line.put) collection.store(line.put, false);
        else if (line.del) collection.remove(line.del, false);
      }
    }
    return collection;
  };
  return {
    kind: "memory",
    collection: <T extends StoredDoc>(spec: CollectionSpec) => get(spec) as unknown as Collection<T>,
    close: async () => closeSync(fd),
  };
}
