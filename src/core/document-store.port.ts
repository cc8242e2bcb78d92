/**
 * A small document-store port: what the repositories need of MongoDB, nothing more.
 * Implemented by storage/memory (tests, demo) and storage/mongo (mongoose); one contract suite covers both.
 * Filters and changes use MongoDB's operator names so the Mongo adapter passes them through.
 */
export type StoredDoc = { _id: string };

type Comparable = string | number | boolean | Date | null;
export type FieldCondition =
  | Comparable
  | {
      $eq?: Comparable;
      $ne?: Comparable;
      $in?: Comparable[];
      $nin?: Comparable[];
      $lt?: Comparable;
      $lte?: Comparable;
      $gt?: Comparable;
      $gte?: Comparable;
      $exists?: boolean;
    };

/** Field (dotted path) → condition; all must hold. `$or` for alternatives. */
export type Filter = { [path: string]: FieldCondition | Filter[] | undefined; $or?: Filter[] };

export type Change = {
  $set?: Record<string, unknown>;
  $unset?: Record<string, true>;
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
  $setOnInsert?: Record<string, unknown>;
};

export type FindOptions = { sort?: Record<string, 1 | -1>; limit?: number; skip?: number };

export type InsertResult = { type: "inserted" } | { type: "duplicate"; index: string };

export interface Collection<T extends StoredDoc> {
  findById(id: string): Promise<T | null>;
  findOne(filter: Filter, options?: FindOptions): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /** Inserts; a unique-index violation is a result, not an exception. */
  insert(doc: T): Promise<InsertResult>;
  /** Replaces the document matching `_id` and `expect` (optimistic check). False when none matched. */
  replace(doc: T, options?: { expect?: Filter; upsert?: boolean }): Promise<boolean>;
  /** Applies `change` to every match (or the first with `multi: false`); returns how many matched. */
  update(filter: Filter, change: Change, options?: { multi?: boolean; upsert?: boolean }): Promise<number>;
  /** Atomically updates the first match (in `sort` order) and returns it as it is afterwards. */
  findOneAndUpdate(
    filter: Filter,
    change: Change,
    options?: { sort?: Record<string, 1 | -1>; upsert?: boolean },
  ): Promise<T | null>;
  delete(filter: Filter): Promise<number>;
}

/** Index specification shared by both stores. */
export type IndexSpec = {
  fields: Record<string, 1 | -1>;
  unique?: boolean;
  /** Only documents where these fields exist take part (MongoDB partialFilterExpression). */
  partial?: Record<string, { $exists: true } | string | number | boolean>;
  /** TTL in seconds on a Date field (single-field index only). */
  expireAfterSeconds?: number;
};

export type CollectionSpec = { name: string; indexes: IndexSpec[] };

export interface DocumentStore {
  readonly kind: "memory" | "mongo";
  collection<T extends StoredDoc>(spec: CollectionSpec): Collection<T>;
  close(): Promise<void>;
}
