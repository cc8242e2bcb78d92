/**
 * MongoDB filter and update semantics over plain objects, for the memory store. Dotted paths walk
 * into arrays of sub-documents, a condition on an array holds when one element satisfies it, and
 * comparisons only compare values of the same kind (numbers with numbers, Dates with Dates), as
 * MongoDB does.
 */
import type { Change, Filter } from "../../core/document-store.port";
import { deepCopy } from "../../core/copy";

type Doc = Record<string, unknown>;

function isPlainObject(value: unknown): value is Doc {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

const splitPaths = new Map<string, string[]>();

/** A dotted path's parts, split once per path (queries repeat the same few paths). */
export function toParts(path: string): string[] {
  let parts = splitPaths.get(path);
  if (!parts) {
    parts = path.split(".");
    if (splitPaths.size < 10_000) splitPaths.set(path, parts);
  }
  return parts;
}

/** The value at a dotted path, without walking into arrays (sort keys, index keys). */
export function getPath(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const part of toParts(path)) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Doc)[part];
  }
  return value;
}

/** Every value a dotted path reaches, walking into arrays of sub-documents like MongoDB. */
function reach(value: unknown, parts: string[], from: number, out: unknown[]): unknown[] {
  if (from === parts.length) {
    out.push(value);
    return out;
  }
  const part = parts[from] as string;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(part)) reach(value[Number(part)], parts, from + 1, out);
    for (const item of value as unknown[]) if (isPlainObject(item)) reach(item, parts, from, out);
    if (value.length === 0) out.push(undefined);
    return out;
  }
  if (!isPlainObject(value)) out.push(undefined);
  else reach(value[part], parts, from + 1, out);
  return out;
}

/** Every value a dotted path reaches in a document (array elements walked as MongoDB does). */
export const valuesAt = (doc: unknown, path: string): unknown[] => reach(doc, toParts(path), 0, []);

/** The values at already split path parts (a compiled filter splits each path once). */
export function valuesAtParts(doc: unknown, parts: string[]): unknown[] {
  // The common case, a top-level field of a document, without the general walk.
  if (parts.length === 1 && isPlainObject(doc)) return [doc[parts[0] as string]];
  return reach(doc, parts, 0, []);
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split(".");
  let target = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(target[part])) {
      if (value === undefined) return; // $unset of a path that does not exist changes nothing
      target[part] = {};
    }
    target = target[part] as Doc;
  }
  const last = parts.at(-1) as string;
  if (value === undefined) delete target[last];
  else target[last] = deepCopy(value);
}

export function applyChange(doc: Doc, change: Change, inserting: boolean): void {
  for (const [path, value] of Object.entries(change.$set ?? {})) setPath(doc, path, value);
  if (inserting)
    for (const [path, value] of Object.entries(change.$setOnInsert ?? {})) setPath(doc, path, value);
  for (const path of Object.keys(change.$unset ?? {})) setPath(doc, path, undefined);
  for (const [path, by] of Object.entries(change.$inc ?? {}))
    setPath(doc, path, (Number(getPath(doc, path)) || 0) + by);
  for (const [path, value] of Object.entries(change.$push ?? {})) {
    const list = getPath(doc, path);
    setPath(doc, path, [...(Array.isArray(list) ? (list as unknown[]) : []), value]);
  }
}

/** `source` without `key`, as a new object (`delete` would leave a slow, larger V8 object). */
function without(source: Doc, key: string): Doc {
  const copy: Doc = {};
  for (const name of Object.keys(source)) if (name !== key) copy[name] = source[name];
  return copy;
}

/**
 * `doc` with `change` applied, `doc` itself untouched: objects on the changed paths are new, the
 * rest is shared (copy-on-write). For stores that never change a stored document in place: a
 * small change to a large document then costs what it changes, not a copy of everything.
 */
export function toChangedCopy(doc: Doc, change: Change, inserting: boolean): Doc {
  const fresh = new Set<Doc>();
  const own = (value: unknown): Doc => {
    const copy = isPlainObject(value) ? (fresh.has(value) ? value : { ...value }) : {};
    fresh.add(copy);
    return copy;
  };
  let root = own(doc);
  const set = (path: string, value: unknown) => {
    const parts = path.split(".");
    const last = parts.pop() as string;
    const chain: Doc[] = [root];
    for (const part of parts) {
      const parent = chain.at(-1) as Doc;
      if (value === undefined && !isPlainObject(parent[part])) return; // nothing to unset
      chain.push((parent[part] = own(parent[part])));
    }
    const target = chain.at(-1) as Doc;
    if (value !== undefined) target[last] = deepCopy(value);
    else if (last in target) {
      const rebuilt = without(target, last);
      fresh.add(rebuilt);
      if (parts.length === 0) root = rebuilt;
      else (chain.at(-2) as Doc)[parts.at(-1) as string] = rebuilt;
    }
  };
  for (const [path, value] of Object.entries(change.$set ?? {})) set(path, value);
  if (inserting) for (const [path, value] of Object.entries(change.$setOnInsert ?? {})) set(path, value);
  for (const path of Object.keys(change.$unset ?? {})) set(path, undefined);
  for (const [path, by] of Object.entries(change.$inc ?? {}))
    set(path, (Number(getPath(root, path)) || 0) + by);
  for (const [path, value] of Object.entries(change.$push ?? {})) {
    const list = getPath(root, path);
    set(path, [...(Array.isArray(list) ? (list as unknown[]) : []), value]);
  }
  return root;
}

/** A filter's equality fields (`x: v` or `x: { $eq: v }`), used to seed an upserted document. */
export function toSeed(filter: Filter): Doc {
  const seed: Doc = {};
  for (const [path, condition] of Object.entries(filter)) {
    if (path.startsWith("$") || condition === undefined) continue;
    if (!isPlainObject(condition)) setPath(seed, path, condition);
    else if ("$eq" in condition) setPath(seed, path, condition.$eq);
  }
  return seed;
}

function sortable(value: unknown): unknown {
  return value instanceof Date ? value.getTime() : value;
}

type Keyed<T> = { item: T; keys: unknown[] };

function compareValues(x: unknown, y: unknown, direction: number): number {
  if (x === y || (x == null && y == null)) return 0;
  if (x === undefined || x === null) return -direction;
  if (y === undefined || y === null) return direction;
  return ((x as number) < (y as number) ? -1 : 1) * direction;
}

function compareKeys(a: unknown[], b: unknown[], directions: number[]): number {
  for (let i = 0; i < directions.length; i++) {
    const c = compareValues(a[i], b[i], directions[i] as number);
    if (c !== 0) return c;
  }
  return 0;
}

/** Keeps the `first` smallest of `keyed` (in `compare` order) while walking them once. */
function toFirst<K>(keyed: K[], first: number, compare: (a: K, b: K) => number): K[] {
  const best: K[] = [];
  for (const item of keyed) {
    if (best.length === first && compare(item, best[first - 1] as K) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compare(item, best[mid] as K) < 0) high = mid;
      else low = mid + 1;
    }
    best.splice(low, 0, item);
    if (best.length > first) best.pop();
  }
  return best;
}

/**
 * The items in `sort` order (ties by `seq`, their insertion order), or only the first `first` of
 * them: a limited query keeps the best few while it walks the matches instead of sorting them all.
 */
export function sortDocs<T extends { doc: unknown; seq: number }>(
  items: T[],
  sort: Record<string, 1 | -1>,
  first?: number,
): T[] {
  const paths = Object.keys(sort);
  const directions = [...paths.map((p) => sort[p] as number), 1];
  const keyed: Keyed<T>[] = [];
  for (const item of items) {
    const keys: unknown[] = [];
    for (const path of paths) keys.push(sortable(getPath(item.doc, path)));
    keys.push(item.seq);
    keyed.push({ item, keys });
  }
  const compare = (a: Keyed<T>, b: Keyed<T>) => compareKeys(a.keys, b.keys, directions);
  const ordered =
    first === undefined || first * 8 > keyed.length ? keyed.sort(compare) : toFirst(keyed, first, compare);
  const out: T[] = [];
  for (let i = 0; i < ordered.length && (first === undefined || i < first); i++)
    out.push((ordered[i] as Keyed<T>).item);
  return out;
}
