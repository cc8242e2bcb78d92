/** MongoDB filter and update semantics over plain objects, for the memory store. */
import type { Change, FieldCondition, Filter } from "../../core/document-store.port";

type Doc = Record<string, unknown>;

export function getPath(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Doc)[part];
  }
  return value;
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.getTime() : value;
}

function equals(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return a.some((item) => equals(item, b));
  const left = comparable(a) ?? null;
  const right = comparable(b) ?? null;
  return left === right;
}

function compare(a: unknown, b: unknown, test: (x: number) => boolean): boolean {
  const left = comparable(a);
  const right = comparable(b);
  if (left === undefined || left === null || right === undefined || right === null) return false;
  if (typeof left !== typeof right) return false;
  return test(left < right ? -1 : left > right ? 1 : 0);
}

function matchesCondition(value: unknown, condition: FieldCondition): boolean {
  if (condition === null || typeof condition !== "object" || condition instanceof Date)
    return equals(value, condition);
  return Object.entries(condition).every(([op, operand]) => {
    switch (op) {
      case "$eq":
        return equals(value, operand);
      case "$ne":
        return !equals(value, operand);
      case "$in":
        return (operand as unknown[]).some((o) => equals(value, o));
      case "$nin":
        return !(operand as unknown[]).some((o) => equals(value, o));
      case "$lt":
        return compare(value, operand, (c) => c < 0);
      case "$lte":
        return compare(value, operand, (c) => c <= 0);
      case "$gt":
        return compare(value, operand, (c) => c > 0);
      case "$gte":
        return compare(value, operand, (c) => c >= 0);
      case "$exists":
        return (value !== undefined) === operand;
      default:
        throw new Error(`Unsupported filter operator ${op}`);
    }
  });
}

export function matches(doc: unknown, filter: Filter): boolean {
  return Object.entries(filter).every(([path, condition]) => {
    if (condition === undefined) return true;
    if (path === "$or") return (condition as Filter[]).some((f) => matches(doc, f));
    return matchesCondition(getPath(doc, path), condition as FieldCondition);
  });
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split(".");
  let target = doc;
  for (const part of parts.slice(0, -1)) {
    const nextValue = target[part];
    if (nextValue === null || typeof nextValue !== "object") target[part] = {};
    target = target[part] as Doc;
  }
  const last = parts.at(-1) as string;
  if (value === undefined) delete target[last];
  else target[last] = value;
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

/** A filter's plain equality fields, used to seed an upserted document. */
export function toSeed(filter: Filter): Doc {
  const seed: Doc = {};
  for (const [path, condition] of Object.entries(filter)) {
    if (path.startsWith("$") || condition === undefined) continue;
    if (condition === null || typeof condition !== "object" || condition instanceof Date)
      setPath(seed, path, condition);
  }
  return seed;
}

export function sortDocs<T>(docs: T[], sort: Record<string, 1 | -1> | undefined): T[] {
  if (!sort) return docs;
  const keys = Object.entries(sort);
  return [...docs].sort((a, b) => {
    for (const [path, direction] of keys) {
      const x = comparable(getPath(a, path));
      const y = comparable(getPath(b, path));
      if (x === y) continue;
      if (x === undefined || x === null) return -direction;
      if (y === undefined || y === null) return direction;
      return (x < y ? -1 : 1) * direction;
    }
    return 0;
  });
}
