/**
 * What a query gives back in the memory store, shaped as MongoDB would: inclusion projections
 * (dotted paths, through arrays of sub-documents) and `$group` keys and sums.
 */
import type { GroupCount, Projection } from "../../core/document-store.port";
import { deepCopy } from "../../core/copy";
import { toParts } from "./document-match";

type Doc = Record<string, unknown>;

const isObject = (value: unknown): value is Doc =>
  value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);

/** Copies `source`'s value at `parts` into `target`, walking arrays of sub-documents. */
function copyPath(source: Doc, target: Doc, parts: string[]): void {
  const [head, ...rest] = parts as [string, ...string[]];
  const value = source[head];
  if (value === undefined) return;
  if (rest.length === 0 || (!isObject(value) && !Array.isArray(value))) {
    if (rest.length === 0) target[head] = deepCopy(value);
    return;
  }
  if (Array.isArray(value)) {
    const existing = Array.isArray(target[head]) ? (target[head] as Doc[]) : [];
    target[head] = value.flatMap((item, i) => {
      if (!isObject(item)) return [];
      const into = existing[i] ?? {};
      copyPath(item, into, rest);
      return [into];
    });
    return;
  }
  const into = isObject(target[head]) ? target[head] : {};
  copyPath(value, into, rest);
  target[head] = into;
}

/** A copy of the document with only the projected paths and `_id`; the whole copy without a projection. */
export function toProjected<T>(doc: T, projection: Projection | undefined): T {
  if (!projection) return deepCopy(doc);
  const source = doc as Doc;
  const out: Doc = { _id: source._id };
  for (const path of Object.keys(projection)) copyPath(source, out, toParts(path));
  return out as T;
}

/** The value of `$path` in an aggregation expression: arrays of sub-documents become arrays of values. */
function toExpressionValue(value: unknown, parts: string[]): unknown {
  if (parts.length === 0) return value;
  if (Array.isArray(value))
    return value.flatMap((item) => {
      const found = toExpressionValue(item, parts);
      return found === undefined ? [] : [found];
    });
  if (!isObject(value)) return undefined;
  return toExpressionValue(value[parts[0] as string], parts.slice(1));
}

const toKeyPart = (value: unknown): unknown =>
  value instanceof Date ? { $date: value.getTime() } : Array.isArray(value) ? value.map(toKeyPart) : value;

/** `$match` then `$group` over documents already filtered: one entry per distinct key. */
export function toGroupCounts(docs: Iterable<unknown>, by: string[], sum: string[] = []): GroupCount[] {
  const groups = new Map<string, GroupCount>();
  for (const doc of docs) {
    const key: Record<string, unknown> = {};
    for (const path of by) key[path] = toExpressionValue(doc, toParts(path)) ?? null;
    let id = "";
    for (const path of by) {
      const value = key[path];
      id += typeof value === "string" ? `s${value}\u0000` : `${JSON.stringify(toKeyPart(value))}\u0000`;
    }
    let group = groups.get(id);
    if (!group) {
      group = { key: deepCopy(key), count: 0, sums: Object.fromEntries(sum.map((f) => [f, 0])) };
      groups.set(id, group);
    }
    group.count += 1;
    for (const field of sum) {
      const value = toExpressionValue(doc, toParts(field));
      if (typeof value === "number") group.sums[field] = (group.sums[field] ?? 0) + value;
    }
  }
  return [...groups.values()];
}
