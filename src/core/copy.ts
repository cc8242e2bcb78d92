/**
 * Deep copy with BSON-like rules: Dates stay Dates, bytes stay bytes, undefined fields disappear,
 * functions are refused. (structuredClone is avoided: under jest it makes Dates of another realm.)
 */
export function deepCopy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof Uint8Array) return new Uint8Array(value) as T;
  if (Array.isArray(value))
    return (value as unknown[]).map((item) => (item === undefined ? null : deepCopy(item))) as T;
  if (typeof value === "function") throw new TypeError("Functions cannot be stored");
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) copy[key] = deepCopy(item);
  return copy as T;
}
