/**
 * One collection of the document-store port over a mongoose model. Reads go through the model
 * with `.lean()` (plain objects, Dates kept); writes go to the model's driver collection so MongoDB's
 * own update semantics apply untouched (no mongoose casting or minimising of stored documents).
 */
import type { Collection as DriverCollection } from "mongodb";
import mongoose, { type Connection, type Model } from "mongoose";
import type {
  Change,
  Collection,
  CollectionSpec,
  Filter,
  FindOptions,
  GroupCount,
  InsertResult,
  StoredDoc,
  StreamOptions,
} from "../../core/document-store.port";
import { deepCopy } from "../../core/copy";
import { AppError } from "../../core/errors";
import { toUniqueViolation } from "../unique-violation";
import {
  toDuplicateIndex,
  toGroupStages,
  toGroupCount,
  toMongoFilter,
  toMongoUpdate,
} from "./mongo-translate";

export type Raw = Record<string, unknown> & { _id: string };
type Sort = Record<string, 1 | -1>;

export class MongoCollection<T extends StoredDoc> implements Collection<T> {
  private readonly ready: Promise<void>;

  constructor(
    private readonly spec: CollectionSpec,
    private readonly model: Model<Raw>,
  ) {
    this.ready = model.syncIndexes().then(
      () => undefined,
      (error: unknown) => {
        throw new AppError(
          "STORAGE_UNAVAILABLE",
          `Could not create the indexes of ${spec.name}`,
          { collection: spec.name },
          { cause: error },
        );
      },
    );
    this.ready.catch(() => undefined); // reported by the first operation that awaits it
  }

  /** Resolves once the collection's indexes exist (or rejects with why they could not be made). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private get driver(): DriverCollection<Raw> {
    return this.model.collection as unknown as DriverCollection<Raw>;
  }

  async findById(id: string) {
    await this.ready;
    return (await this.model.findById(id).lean<T>().exec()) ?? null;
  }
  async findOne(filter: Filter, options: FindOptions = {}) {
    const [first] = await this.find(filter, { ...options, limit: 1 });
    return first ?? null;
  }
  async find<R extends StoredDoc = T>(filter: Filter, options: FindOptions = {}) {
    await this.ready;
    const query = this.model.find(toMongoFilter(filter), options.projection ?? null);
    if (options.sort) query.sort(options.sort);
    if (options.skip) query.skip(options.skip);
    if (options.limit) query.limit(options.limit);
    return query.lean<R[]>().exec();
  }
  /** One driver cursor over every match, handed out a batch at a time. */
  async *stream<R extends StoredDoc = T>(filter: Filter, options: StreamOptions = {}) {
    await this.ready;
    const size = options.batchSize ?? 500;
    const cursor = this.driver.find(toMongoFilter(filter), {
      batchSize: size,
      ...(options.projection ? { projection: options.projection } : {}),
      ...(options.sort ? { sort: options.sort } : {}),
    });
    try {
      let batch: R[] = [];
      for await (const doc of cursor) {
        batch.push(doc as unknown as R);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      await cursor.close();
    }
  }
  async count(filter: Filter) {
    await this.ready;
    return this.model.countDocuments(toMongoFilter(filter)).exec();
  }
  async groupCount(filter: Filter, by: string[], options: { sum?: string[] } = {}): Promise<GroupCount[]> {
    await this.ready;
    const sum = options.sum ?? [];
    const groups = await this.driver.aggregate(toGroupStages(filter, by, sum)).toArray();
    return groups.map((group) => toGroupCount(group, by, sum));
  }
  async insert(doc: T): Promise<InsertResult> {
    await this.ready;
    try {
      await this.driver.insertOne(deepCopy(doc));
      return { type: "inserted" };
    } catch (error) {
      const index = toDuplicateIndex(error);
      if (index) return { type: "duplicate", index };
      throw error;
    }
  }
  async replace(doc: T, options: { expect?: Filter; upsert?: boolean } = {}) {
    await this.ready;
    const filter = { ...toMongoFilter(options.expect ?? {}), _id: doc._id };
    try {
      const result = await this.driver.replaceOne(filter, deepCopy(doc), {
        upsert: options.upsert ?? false,
      });
      return result.matchedCount + result.upsertedCount > 0;
    } catch (error) {
      const index = toDuplicateIndex(error);
      if (index === "_id") return false; // upsert raced with an existing document that failed `expect`
      throw index ? toUniqueViolation(this.spec.name, index) : error;
    }
  }
  async update(filter: Filter, change: Change, options: { multi?: boolean; upsert?: boolean } = {}) {
    await this.ready;
    const upsert = options.upsert ?? false;
    const update = toMongoUpdate(change, filter, upsert);
    const where = toMongoFilter(filter);
    try {
      const result =
        options.multi === false
          ? await this.driver.updateOne(where, update, { upsert })
          : await this.driver.updateMany(where, update, { upsert });
      return result.matchedCount + result.upsertedCount;
    } catch (error) {
      throw this.toWriteError(error);
    }
  }
  async findOneAndUpdate(filter: Filter, change: Change, options: { sort?: Sort; upsert?: boolean } = {}) {
    await this.ready;
    const upsert = options.upsert ?? false;
    try {
      const updated = await this.driver.findOneAndUpdate(
        toMongoFilter(filter),
        toMongoUpdate(change, filter, upsert),
        { upsert, returnDocument: "after", ...(options.sort ? { sort: options.sort } : {}) },
      );
      return updated as T | null;
    } catch (error) {
      throw this.toWriteError(error);
    }
  }
  async delete(filter: Filter) {
    await this.ready;
    const result = await this.driver.deleteMany(toMongoFilter(filter));
    return result.deletedCount;
  }

  private toWriteError(error: unknown): unknown {
    const index = toDuplicateIndex(error);
    return index ? toUniqueViolation(this.spec.name, index) : error;
  }
}

/** The mongoose model of a collection spec: string `_id`, any other field, the spec's indexes. */
export function toModel(connection: Connection, spec: CollectionSpec): Model<Raw> {
  const schema = new mongoose.Schema<Raw>(
    { _id: String },
    {
      strict: false,
      strictQuery: false,
      versionKey: false,
      minimize: false,
      autoIndex: false,
      bufferCommands: false,
      collection: spec.name,
    },
  );
  for (const index of spec.indexes) {
    schema.index(index.fields, {
      ...(index.unique ? { unique: true } : {}),
      ...(index.partial ? { partialFilterExpression: index.partial } : {}),
      ...(index.expireAfterSeconds !== undefined ? { expireAfterSeconds: index.expireAfterSeconds } : {}),
    });
  }
  return connection.model<Raw>(spec.name, schema, spec.name);
}
