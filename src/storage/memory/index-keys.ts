/**
 * Index keys of the memory store: the key of each scalar value (by kind, so 1 and "1" differ), the
 * keys a document holds under a path, and the keys an equality condition can match.
 */
import type { FieldCondition, Filter } from "../../core/document-store.port";
import { valuesAt } from "./document-match";

export type Doc = Record<string, unknown> & { _id: string };

/** The key of a path a document does not have (equality with null matches it, `$exists` does not). */
export const missingKey = "missing";

/** The keys an equality with `value` can match: null also matches a missing field. */
const toEqualityKeys = (value: unknown): string[] | undefined => {
  const key = toValueKey(value);
  return key === undefined ? undefined : key === "null" ? ["null", missingKey] : [key];
};

/** The index key of one scalar value; undefined for values equality cannot use (objects, arrays). */
export function toValueKey(value: unknown): string | undefined {
  if (value === undefined) return missingKey;
  if (value === null) return "null";
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
export function keysOf(doc: Doc, path: string): Set<string> {
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
export function toWantedKeys(condition: FieldCondition | Filter[] | undefined): string[] | undefined {
  if (condition === undefined || Array.isArray(condition)) return undefined;
  if (condition === null || typeof condition !== "object" || condition instanceof Date)
    return toEqualityKeys(condition);
  if ("$eq" in condition) return toEqualityKeys(condition.$eq);
  if (condition.$in) {
    const keys = condition.$in.map(toEqualityKeys);
    return keys.every((k): k is string[] => k !== undefined) ? keys.flat() : undefined;
  }
  return undefined;
}

/** The values of a non-empty `$all` condition. */
export function toAllValues(condition: Filter[string]): unknown[] | undefined {
  if (!condition || typeof condition !== "object" || Array.isArray(condition) || condition instanceof Date)
    return undefined;
  const all = (condition as { $all?: unknown[] }).$all;
  return all && all.length > 0 ? all : undefined;
}

export function isExistsTrue(condition: Filter[string]): boolean {
  return (
    condition !== null &&
    typeof condition === "object" &&
    !Array.isArray(condition) &&
    !(condition instanceof Date) &&
    (condition as { $exists?: unknown }).$exists === true
  );
}

/** Sort order of two values (null and missing first ascending), as the store sorts. */
export function compareSortValues(x: unknown, y: unknown, direction: number): number {
  const a = x instanceof Date ? x.getTime() : x;
  const b = y instanceof Date ? y.getTime() : y;
  if (a === b || (a == null && b == null)) return 0;
  if (a === undefined || a === null) return -direction;
  if (b === undefined || b === null) return direction;
  return ((a as number) < (b as number) ? -1 : 1) * direction;
}

/** A key by its kind and value ("d" Dates as times, "n" numbers, "s" strings), for ranges. */
export type SortedKey = { kind: string; value: number | string; key: string };

/** Keys of Dates, numbers and strings, each with its value, in value order. */
export function toSortedKeys(keys: Iterable<string>): SortedKey[] {
  const sorted: SortedKey[] = [];
  for (const key of keys) {
    const kind = key[0] ?? "";
    if (kind === "d" || kind === "n") sorted.push({ kind, value: Number(key.slice(1)), key });
    else if (kind === "s") sorted.push({ kind, value: key.slice(1), key });
  }
  return sorted.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** A range condition on one kind of value, as a test of a key's value. */
export type Range = { kind: string; bounds: number; holds: (value: number | string) => boolean };

/** The range a condition of only $lt/$lte/$gt/$gte bounds (all of one kind), or undefined. */
export function toRange(condition: Filter[string]): Range | undefined {
  if (!condition || typeof condition !== "object" || Array.isArray(condition) || condition instanceof Date)
    return undefined;
  const entries = Object.entries(condition);
  if (entries.length === 0 || !entries.every(([op]) => ["$lt", "$lte", "$gt", "$gte"].includes(op)))
    return undefined;
  const bounds = entries.map(([op, operand]) => {
    const key = toValueKey(operand);
    const kind = key?.[0] ?? "";
    const value = kind === "d" || kind === "n" ? Number(key?.slice(1)) : key?.slice(1);
    return { op, kind, value };
  });
  const kind = bounds[0]?.kind ?? "";
  if (!["d", "n", "s"].includes(kind) || bounds.some((b) => b.kind !== kind)) return undefined;
  return {
    kind,
    bounds: bounds.length,
    holds: (value) =>
      bounds.every(({ op, value: bound }) => {
        const b = bound as number | string;
        return op === "$lt" ? value < b : op === "$lte" ? value <= b : op === "$gt" ? value > b : value >= b;
      }),
  };
}
