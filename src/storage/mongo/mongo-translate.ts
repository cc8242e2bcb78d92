/** Translations between the document-store port and what MongoDB is sent or answers. */
import mongoose from "mongoose";
import type { Change, Filter, GroupCount } from "../../core/document-store.port";
import { deepCopy } from "../../core/copy";

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

/** The unique index an E11000 error names, spelled as the memory store does ("phone", "a_b"). */
export function toDuplicateIndex(error: unknown): string | undefined {
  if (!isRecord(error) || error.code !== 11000) return undefined;
  if (isRecord(error.keyPattern)) return Object.keys(error.keyPattern).join("_");
  const named = /index: (\S+)/.exec(String(error.message))?.[1];
  return named ? named.replace(/_-?1(?=_|$)/g, "") : "unknown";
}

/** Drops conditions whose value is undefined (the port ignores them; BSON would store null). */
export function toMongoFilter(filter: Filter): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, condition] of Object.entries(filter)) {
    if (condition === undefined) continue;
    out[path] = path === "$or" ? (condition as Filter[]).map(toMongoFilter) : condition;
  }
  return out;
}

function hasIdEquality(filter: Filter): boolean {
  const id = filter._id;
  return typeof id === "string" || (isRecord(id) && typeof id.$eq === "string");
}

/**
 * The update document MongoDB gets: a `$set` to undefined becomes `$unset` (as in the memory store),
 * values are copied BSON-style, and an upsert without an `_id` in its filter gets a string `_id`
 * (MongoDB would make an ObjectId, which the port's `_id: string` does not allow).
 */
export function toMongoUpdate(change: Change, filter: Filter, upsert: boolean): Record<string, unknown> {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, true> = { ...change.$unset };
  for (const [path, value] of Object.entries(change.$set ?? {})) {
    if (value === undefined) $unset[path] = true;
    else $set[path] = deepCopy(value);
  }
  const $setOnInsert = deepCopy(change.$setOnInsert ?? {});
  if (upsert && !hasIdEquality(filter) && $setOnInsert._id === undefined)
    $setOnInsert._id = new mongoose.Types.ObjectId().toHexString();
  const parts = { $set, $unset, $inc: change.$inc, $push: deepCopy(change.$push), $setOnInsert };
  const update = Object.fromEntries(
    Object.entries(parts).filter(([, value]) => value && Object.keys(value).length > 0),
  );
  return Object.keys(update).length > 0 ? update : { $set: {} };
}

/**
 * The pipeline of `groupCount`: `$match`, then `$group` on `{ k0: "$a.b", … }` (field names may not
 * contain dots), a missing field as null like the memory store, `$sum` of each summed field.
 */
export function toGroupStages(filter: Filter, by: string[], sum: string[]): Record<string, unknown>[] {
  const key = Object.fromEntries(by.map((path, i) => [`k${i}`, { $ifNull: [`$${path}`, null] }]));
  const sums = Object.fromEntries(sum.map((path, i) => [`s${i}`, { $sum: `$${path}` }]));
  return [{ $match: toMongoFilter(filter) }, { $group: { _id: key, count: { $sum: 1 }, ...sums } }];
}

/** One `$group` result as the port's GroupCount. */
export function toGroupCount(group: Record<string, unknown>, by: string[], sum: string[]): GroupCount {
  const id = isRecord(group._id) ? group._id : {};
  return {
    key: Object.fromEntries(by.map((path, i) => [path, id[`k${i}`] ?? null])),
    count: Number(group.count),
    sums: Object.fromEntries(sum.map((path, i) => [path, Number(group[`s${i}`] ?? 0)])),
  };
}
