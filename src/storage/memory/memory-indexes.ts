/**
 * The memory store's indexes, so it stays usable with ~100,000 documents: an equality index (value →
 * ids) on every field a declared index names, used to pick the few candidates a filter can match
 * before the full filter is checked; and a map per unique index, so an insert never scans.
 * Candidates are always a superset of the matches: a condition the indexes cannot narrow (a range,
 * `$ne`, an array operand) leaves the choice to another field or to a scan.
 */
import type { Filter, IndexSpec } from "../../core/document-store.port";
import { matches } from "./document-filter";
import { getPath } from "./document-match";
import {
  toRange,
  toSortedKeys,
  type Range,
  type SortedKey,
  compareSortValues,
  isExistsTrue,
  keysOf,
  missingKey,
  toAllValues,
  toValueKey,
  toWantedKeys,
  type Doc,
} from "./index-keys";

/** A unique index's key for a document, or undefined when the document is outside a partial index. */
function toUniqueKey(index: IndexSpec, doc: unknown): string | undefined {
  if (index.partial && !matches(doc, index.partial)) return undefined;
  const values = Object.keys(index.fields).map((path) => getPath(doc, path));
  return JSON.stringify(values.map((v) => (v instanceof Date ? { $date: v.getTime() } : (v ?? null))));
}

export class MemoryIndexes {
  private readonly equality = new Map<string, Map<string, Set<string>>>();
  /** Paths where a document has had several keys (arrays): their postings may overlap. */
  private readonly multikey = new Set<string>();
  private readonly unique: { index: IndexSpec; owners: Map<string, string> }[];
  /** Compound indexes as (first field → second fields): a posting of the first, in the second's order. */
  private readonly orderings = new Map<string, string[]>();
  /** Postings in a sort order, built when a sorted, limited query asks, dropped when the posting changes. */
  private readonly ordered = new Map<string, string[]>();

  constructor(indexes: readonly IndexSpec[]) {
    for (const index of indexes) {
      const [first, second] = Object.keys(index.fields);
      for (const path of Object.keys(index.fields)) this.equality.set(path, new Map());
      if (first && second) this.orderings.set(first, [...(this.orderings.get(first) ?? []), second]);
    }
    this.unique = indexes.filter((i) => i.unique).map((index) => ({ index, owners: new Map() }));
  }

  /** Each path's keys in value order, for ranges; built when a range asks, dropped on a write. */
  private readonly sortedKeys = new Map<string, SortedKey[]>();

  private forget(path: string, key: string): void {
    this.sortedKeys.delete(path);
    for (const sortPath of this.orderings.get(path) ?? [])
      for (const direction of [1, -1]) this.ordered.delete(toOrderKey(path, key, sortPath, direction));
  }

  /**
   * The ids of one posting in `sortPath` order (ties in insertion order), when a compound index
   * (path, sortPath) is declared: a sorted, limited query walks it and stops at its limit.
   */
  orderedIds(
    source: { path: string; key: string },
    sortPath: string,
    direction: number,
    valueOf: (id: string) => { value: unknown; seq: number } | undefined,
  ): readonly string[] | undefined {
    if (!this.orderings.get(source.path)?.includes(sortPath)) return undefined;
    const cacheKey = toOrderKey(source.path, source.key, sortPath, direction);
    const cached = this.ordered.get(cacheKey);
    if (cached) return cached;
    const keyed: { id: string; value: unknown; seq: number }[] = [];
    for (const id of this.equality.get(source.path)?.get(source.key) ?? []) {
      const found = valueOf(id);
      if (found) keyed.push({ id, ...found });
    }
    keyed.sort((a, b) => compareSortValues(a.value, b.value, direction) || a.seq - b.seq);
    const ids = keyed.map((k) => k.id);
    this.ordered.set(cacheKey, ids);
    return ids;
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
    for (const [path, postings] of this.equality) {
      const keys = keysOf(doc, path);
      if (keys.size > 1) this.multikey.add(path);
      for (const key of keys) {
        this.forget(path, key);
        let ids = postings.get(key);
        if (!ids) postings.set(key, (ids = new Set()));
        ids.add(doc._id);
      }
    }
    for (const { index, owners } of this.unique) {
      const key = toUniqueKey(index, doc);
      if (key !== undefined) owners.set(key, doc._id);
    }
  }

  remove(doc: Doc): void {
    for (const [path, postings] of this.equality)
      for (const key of keysOf(doc, path)) {
        this.forget(path, key);
        const ids = postings.get(key);
        ids?.delete(doc._id);
        if (ids?.size === 0) postings.delete(key);
      }
    for (const { index, owners } of this.unique) {
      const key = toUniqueKey(index, doc);
      if (key !== undefined && owners.get(key) === doc._id) owners.delete(key);
    }
  }

  /** The postings of each listed key (ids of documents holding it). */
  private postingsOf(path: string, keys: string[]): Set<string>[] {
    const postings = this.equality.get(path);
    return postings ? keys.map((key) => postings.get(key) ?? new Set<string>()) : [];
  }

  /** The candidates a field's condition limits the matches to, or undefined when it cannot narrow. */
  private byField(path: string, condition: Filter[string], ranges: boolean): Candidates | undefined {
    if (path === "_id") {
      const ids = toWantedKeys(condition)?.map((key) => key.slice(1));
      return ids ? { size: ids.length, ids: () => ids } : undefined;
    }
    const postings = this.equality.get(path);
    if (!postings) return undefined;
    const all = toAllValues(condition);
    if (all) {
      const keys = all.map((value) => toValueKey(value) ?? "");
      const lists = this.postingsOf(path, keys);
      const smallest = lists.reduce((a, b) => (b.size < a.size ? b : a));
      const key = keys[lists.indexOf(smallest)] as string;
      return { size: smallest.size, ids: () => smallest, source: { path, key } };
    }
    const range = toRange(condition);
    // On an array field each bound may hold for another element: only one bound narrows safely.
    if (range)
      return ranges && (range.bounds === 1 || !this.multikey.has(path))
        ? this.byRange(path, postings, range)
        : undefined;
    if (isExistsTrue(condition)) {
      const lists = [...postings.entries()].filter(([key]) => key !== missingKey).map(([, ids]) => ids);
      return toUnion(lists, this.multikey.has(path));
    }
    const keys = toWantedKeys(condition);
    if (!keys) return undefined;
    const union = toUnion(this.postingsOf(path, keys), this.multikey.has(path));
    return keys.length === 1 ? { ...union, source: { path, key: keys[0] as string } } : union;
  }

  /** The postings of the keys within a range ($lt/$lte/$gt/$gte of one kind: Dates, numbers or strings). */
  private byRange(path: string, postings: Map<string, Set<string>>, range: Range): Candidates {
    let sorted = this.sortedKeys.get(path);
    if (!sorted) {
      sorted = toSortedKeys(postings.keys());
      this.sortedKeys.set(path, sorted);
    }
    const lists: Set<string>[] = [];
    for (const entry of sorted)
      if (entry.kind === range.kind && range.holds(entry.value))
        lists.push(postings.get(entry.key) ?? new Set());
    return toUnion(lists, this.multikey.has(path));
  }

  /**
   * The smallest set of ids the indexes say a filter can match (`_id` values may name documents
   * that do not exist), or undefined when only a scan can tell. Sizes are known before any set
   * is built, so a broad condition costs nothing when a narrow one is there.
   */
  candidates(filter: Filter): Candidates | undefined {
    const pick = (ranges: boolean, best: Candidates | undefined) => {
      for (const [path, condition] of Object.entries(filter)) {
        const found =
          path === "$or" ? this.anyOf(condition as Filter[]) : this.byField(path, condition, ranges);
        if (found && (!best || found.size < best.size)) best = found;
      }
      return best;
    };
    // Ranges cost a walk over the path's keys: only when equalities leave many candidates.
    const best = pick(false, undefined);
    return best && best.size <= rangeWorthAbove ? best : pick(true, best);
  }

  /** Every alternative's candidates together, when each alternative can be narrowed. */
  private anyOf(alternatives: Filter[]): Candidates | undefined {
    const each: Candidates[] = [];
    for (const alternative of alternatives) {
      const found = this.candidates(alternative);
      if (!found) return undefined;
      each.push(found);
    }
    return {
      size: each.reduce((sum, c) => sum + c.size, 0),
      ids: () => new Set(each.flatMap((c) => [...c.ids()])),
    };
  }
}

/**
 * Ids the indexes narrowed a query to: how many (at most), the ids themselves when wanted, and the
 * posting they are when they are one (which a compound index may hold in order).
 */
export type Candidates = {
  size: number;
  ids: () => Iterable<string>;
  source?: { path: string; key: string };
};

/** Candidates an equality leaves before a range on another field is worth looking at. */
const rangeWorthAbove = 256;

const toOrderKey = (path: string, key: string, sortPath: string, direction: number) =>
  `${path}\u0000${key}\u0000${sortPath}\u0000${direction}`;

/** Postings taken together; a document in two of them (an array field) is handed out once. */
function toUnion(lists: Set<string>[], multikey: boolean): Candidates {
  const size = lists.reduce((sum, ids) => sum + ids.size, 0);
  if (lists.length === 1) return { size, ids: () => lists[0] as Set<string> };
  if (!multikey) return { size, ids: () => lists.flatMap((ids) => [...ids]) };
  return {
    size,
    *ids() {
      const seen = new Set<string>();
      for (const ids of lists)
        for (const id of ids) {
          if (seen.has(id)) continue;
          seen.add(id);
          yield id;
        }
    },
  };
}
