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
      /** Array field: holds when every listed value is one of its elements. */
      $all?: Comparable[];
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

export type Sort = Record<string, 1 | -1>;

/**
 * Inclusion projection: only these dotted paths (and `_id`) come back. Read what is shown or
 * sent, not whole documents. The caller names the narrower type it gets:
 * `find<Pick<PersonDoc, "_id" | "contacts">>(filter, { projection: { contacts: 1 } })`.
 */
export type Projection = Record<string, 1>;

export type FindOptions = { sort?: Sort; limit?: number; skip?: number; projection?: Projection };

export type StreamOptions = {
  sort?: Sort;
  projection?: Projection;
  /** Documents per batch (default 500): the size of one `$in` when batches are joined to another collection. */
  batchSize?: number;
};

/** One group of `groupCount`: the grouped fields' values (null when missing), how many, and sums. */
export type GroupCount = {
  key: Record<string, unknown>;
  count: number;
  /** Per summed field: the total of its numeric values in the group (non-numbers count as 0). */
  sums: Record<string, number>;
};

export type InsertResult = { type: "inserted" } | { type: "duplicate"; index: string };

export interface Collection<T extends StoredDoc> {
  findById(id: string): Promise<T | null>;
  findOne(filter: Filter, options?: FindOptions): Promise<T | null>;
  /** Matches in `sort` order; `skip`/`limit` are applied by the store, never by the caller. */
  find<R extends StoredDoc = T>(filter: Filter, options?: FindOptions): Promise<R[]>;
  /**
   * Every match, once, in batches (a MongoDB cursor): for work over a whole segment, such as
   * resolving a broadcast's recipients. Memory stays bounded by one batch (on MongoDB).
   *
   * @example
   *   for await (const batch of people.stream({ status: "active" }, { projection: { contacts: 1 } }))
   *     await sendTo(batch);
   */
  stream<R extends StoredDoc = T>(filter: Filter, options?: StreamOptions): AsyncIterable<R[]>;
  /** How many documents match (MongoDB countDocuments; nothing is loaded). */
  count(filter: Filter): Promise<number>;
  /**
   * Counts (and optionally sums) the matches per distinct combination of the `by` fields, in the
   * database (MongoDB `$match` + `$group`; one result per group, never the documents). A missing
   * field groups as null; an array field groups by the whole array. Groups come in no set order.
   *
   * @example
   *   // people per kelurahan and status, with the declared incomes added up
   *   await people.groupCount({ status: { $in: ["pending", "active"] } },
   *     ["address.kelurahan", "status"], { sum: ["income"] });
   *   // → [{ key: { "address.kelurahan": "Sungai Putri", status: "active" }, count: 812,
   *   //      sums: { income: 1624000000 } }, …]
   */
  groupCount(filter: Filter, by: string[], options?: { sum?: string[] }): Promise<GroupCount[]>;
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
