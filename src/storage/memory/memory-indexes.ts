/**
 * The memory store's indexes, so it stays usable with ~100,000 documents: an equality index (value →
 * ids) on every field a declared index names, used to pick the few candidates a filter can match
 * before the full filter is checked; and a map per unique index, so an insert never scans.
 * Candidates are always a superset of the matches: a condition the indexes cannot narrow (a range,
 * `$ne`, an array operand) leaves the choice to another field or to a scan.
 */
import type { FieldCondition, Filter, IndexSpec } from "../../core/document-store.port";
import { getPath, matches, valuesAt } from "./document-match";

type Doc = Record<string, unknown> & { _id: string };

/** The index key of one scalar value; undefined for values equality cannot use (objects, arrays). */
function toValueKey(value: unknown): string | undefined {
  if (value === undefined || value === null) return "null";
  if (value instanceof Date) return `d${value.getTime()}`;
  switch (typeof value) {
    case "string":
      return `s${value}`;
    case "number":
      return `n${value}`;
    case "boolean":
      return `b${String(value)}`;
    default:
      return undefined;
  }
}

/** Every key a document has under `path`: each reached value, and each element of a reached array. */
function keysOf(doc: Doc, path: string): Set<string> {
  const keys = new Set<string>();
  for (const value of valuesAt(doc, path)) {
    const items = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const item of items) {
      const key = toValueKey(item);
      if (key !== undefined) keys.add(key);
    }
  }
  return keys;
}

/** The keys a condition can only match through, or undefined when it is no equality. */
function toWantedKeys(condition: FieldCondition | Filter[] | undefined): string[] | undefined {
  if (condition === undefined || Array.isArray(condition)) return undefined;
  if (condition === null || typeof condition !== "object" || condition instanceof Date) {
    const key = toValueKey(condition);
    return key === undefined ? undefined : [key];
  }
  const single = (value: unknown) => {
    const key = toValueKey(value);
    return key === undefined ? undefined : [key];
  };
  if ("$eq" in condition) return single(condition.$eq);
  if (condition.$in) {
    const keys = condition.$in.map(toValueKey);
    return keys.every((k): k is string => k !== undefined) ? keys : undefined;
  }
  return undefined;
}

/** The values of a non-empty `$all` condition. */
function toAllValues(condition: Filter[string]): unknown[] | undefined {
  if (!condition || typeof condition !== "object" || Array.isArray(condition) || condition instanceof Date)
    return undefined;
  const all = (condition as { $all?: unknown[] }).$all;
  return all && all.length > 0 ? all : undefined;
}

/** A unique index's key for a document, or undefined when the document is outside a partial index. */
function toUniqueKey(index: IndexSpec, doc: unknown): string | undefined {
  if (index.partial && !matches(doc, index.partial)) return undefined;
  const values = Object.keys(index.fields).map((path) => getPath(doc, path));
  return JSON.stringify(values.map((v) => (v instanceof Date ? { $date: v.getTime() } : (v ?? null))));
}

export class MemoryIndexes {
  private readonly equality = new Map<string, Map<string, Set<string>>>();
  private readonly unique: { index: IndexSpec; owners: Map<string, string> }[];

  constructor(indexes: readonly IndexSpec[]) {
    for (const index of indexes)
      for (const path of Object.keys(index.fields)) this.equality.set(path, new Map());
    this.unique = indexes.filter((i) => i.unique).map((index) => ({ index, owners: new Map() }));
  }

  /** The unique index (named like MongoDB's fields, "a_b") another document already holds. */
  violated(doc: Doc): string | undefined {
    for (const { index, owners } of this.unique) {
      const key = toUniqueKey(index, doc);
      const owner = key === undefined ? undefined : owners.get(key);
      if (owner !== undefined && owner !== doc._id) return Object.keys(index.fields).join("_");
    }
    return undefined;
  }

  add(doc: Doc): void {
    for (const [path, postings] of this.equality)
      for (const key of keysOf(doc, path)) {
        let ids = postings.get(key);
        if (!ids) postings.set(key, (ids = new Set()));
        ids.add(doc._id);
      }
    for (const { index, owners } of this.unique) {
      const key = toUniqueKey(index, doc);
      if (key !== undefined) owners.set(key, doc._id);
    }
  }

  remove(doc: Doc): void {
    for (const [path, postings] of this.equality)
      for (const key of keysOf(doc, path)) {
        const ids = postings.get(key);
        ids?.delete(doc._id);
        if (ids?.size === 0) postings.delete(key);
      }
    for (const { index, owners } of this.unique) {
      const key = toUniqueKey(index, doc);
      if (key !== undefined && owners.get(key) === doc._id) owners.delete(key);
    }
  }

  /** Ids a field's equality condition limits the matches to, or undefined when it cannot narrow. */
  private byField(path: string, condition: Filter[string]): Set<string> | string[] | undefined {
    if (path === "_id") return toWantedKeys(condition)?.map((key) => key.slice(1));
    const postings = this.equality.get(path);
    if (!postings) return undefined;
    const all = toAllValues(condition);
    if (all) {
      const lists = all.map((value) => postings.get(toValueKey(value) ?? "") ?? new Set<string>());
      return lists.reduce((smallest, list) => (list.size < smallest.size ? list : smallest));
    }
    const keys = toWantedKeys(condition);
    if (!keys) return undefined;
    if (keys.length === 1) return postings.get(keys[0] as string) ?? new Set();
    return [...new Set(keys.flatMap((key) => [...(postings.get(key) ?? [])]))];
  }

  /**
   * The ids a filter can match (the smallest set the indexes give; `_id` values may name documents
   * that do not exist), or undefined when only a scan can tell.
   */
  candidates(filter: Filter): Set<string> | string[] | undefined {
    let best: Set<string> | string[] | undefined;
    const size = (ids: Set<string> | string[]) => (Array.isArray(ids) ? ids.length : ids.size);
    for (const [path, condition] of Object.entries(filter)) {
      const ids = path === "$or" ? this.anyOf(condition as Filter[]) : this.byField(path, condition);
      if (ids && (!best || size(ids) < size(best))) best = ids;
    }
    return best;
  }

  /** The union of every alternative's candidates, when each alternative can be narrowed. */
  private anyOf(alternatives: Filter[]): string[] | undefined {
    const union = new Set<string>();
    for (const alternative of alternatives) {
      const ids = this.candidates(alternative);
      if (!ids) return undefined;
      for (const id of ids) union.add(id);
    }
    return [...union];
  }
}
