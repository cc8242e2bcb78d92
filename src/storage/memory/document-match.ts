/**
 * MongoDB filter and update semantics over plain objects, for the memory store. Dotted paths walk
 * into arrays of sub-documents, a condition on an array holds when one element satisfies it, and
 * comparisons only compare values of the same kind (numbers with numbers, Dates with Dates), as
 * MongoDB does.
 */
import type { Change, FieldCondition, Filter } from "../../core/document-store.port";
import { deepCopy } from "../../core/copy";

type Doc = Record<string, unknown>;

function isPlainObject(value: unknown): value is Doc {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

/** The value at a dotted path, without walking into arrays (sort keys, index keys). */
export function getPath(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split(".")) {
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

function equals(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

/** Ordering within one kind only: MongoDB's $lt/$gt never compare a number with a Date or a string. */
function order(a: unknown, b: unknown): number | undefined {
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  if (a instanceof Date || b instanceof Date || a === null || b === null) return undefined;
  if (typeof a !== typeof b || !["number", "string", "boolean"].includes(typeof a)) return undefined;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** True when `value`, or one element of it when it is an array, satisfies `test`. */
function anyElement(value: unknown, test: (v: unknown) => boolean): boolean {
  return Array.isArray(value) ? test(value) || value.some(test) : test(value);
}

function holds(values: unknown[], op: string, operand: unknown): boolean {
  const some = (test: (v: unknown) => boolean) => values.some((value) => anyElement(value, test));
  const compare = (test: (c: number) => boolean) =>
    some((v) => {
      const c = order(v, operand);
      return c !== undefined && test(c);
    });
  switch (op) {
    case "$eq":
      return some((v) => equals(v, operand));
    case "$ne":
      return !holds(values, "$eq", operand);
    case "$in":
      return (operand as unknown[]).some((o) => holds(values, "$eq", o));
    case "$nin":
      return !holds(values, "$in", operand);
    case "$lt":
      return compare((c) => c < 0);
    case "$lte":
      return compare((c) => c <= 0);
    case "$gt":
      return compare((c) => c > 0);
    case "$gte":
      return compare((c) => c >= 0);
    case "$exists":
      return values.some((v) => v !== undefined) === operand;
    default:
      throw new Error(`Unsupported filter operator ${op}`);
  }
}

function matchesCondition(values: unknown[], condition: FieldCondition): boolean {
  if (!isPlainObject(condition)) return holds(values, "$eq", condition);
  return Object.entries(condition).every(([op, operand]) => holds(values, op, operand));
}

export function matches(doc: unknown, filter: Filter): boolean {
  return Object.entries(filter).every(([path, condition]) => {
    if (condition === undefined) return true;
    if (path === "$or") return (condition as Filter[]).some((f) => matches(doc, f));
    return matchesCondition(reach(doc, path.split("."), 0, []), condition as FieldCondition);
  });
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

/**
 * `doc` with `change` applied, leaving `doc` itself untouched: the top level and every object on a
 * changed path are copied, the rest is shared. Cheaper than copying the whole document first.
 */
export function toChanged(doc: Doc, change: Change, inserting: boolean): Doc {
  const updated: Doc = { ...doc };
  const copied = new Set<unknown>([updated]);
  const own = (parent: Doc, part: string): Doc => {
    const child = parent[part];
    if (copied.has(child)) return child as Doc;
    const copy = isPlainObject(child) ? { ...child } : {};
    copied.add(copy);
    parent[part] = copy;
    return copy;
  };
  const set = (path: string, value: unknown) => {
    const parts = path.split(".");
    let target = updated;
    for (const part of parts.slice(0, -1)) {
      if (value === undefined && !isPlainObject(target[part])) return; // $unset of a missing path
      target = own(target, part);
    }
    const last = parts.at(-1) as string;
    if (value === undefined) delete target[last];
    else target[last] = deepCopy(value);
  };
  for (const [path, value] of Object.entries(change.$set ?? {})) set(path, value);
  if (inserting) for (const [path, value] of Object.entries(change.$setOnInsert ?? {})) set(path, value);
  for (const path of Object.keys(change.$unset ?? {})) set(path, undefined);
  for (const [path, by] of Object.entries(change.$inc ?? {}))
    set(path, (Number(getPath(updated, path)) || 0) + by);
  for (const [path, value] of Object.entries(change.$push ?? {})) {
    const list = getPath(updated, path);
    set(path, [...(Array.isArray(list) ? (list as unknown[]) : []), value]);
  }
  return updated;
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

export function sortDocs<T>(docs: T[], sort: Record<string, 1 | -1> | undefined): T[] {
  if (!sort) return docs;
  const keys = Object.entries(sort);
  return [...docs].sort((a, b) => {
    for (const [path, direction] of keys) {
      const x = sortable(getPath(a, path));
      const y = sortable(getPath(b, path));
      if (x === y || (x == null && y == null)) continue;
      if (x === undefined || x === null) return -direction;
      if (y === undefined || y === null) return direction;
      return (x < y ? -1 : 1) * direction;
    }
    return 0;
  });
}
