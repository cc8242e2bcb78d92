/**
 * Deep copy with BSON-like rules: Dates stay Dates, bytes stay bytes, undefined fields disappear,
 * functions are refused. (structuredClone is avoided: under jest it makes Dates of another realm.)
 */
export function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== "object") {
    if (typeof value === "function") throw new TypeError("Functions cannot be stored");
    return value;
  }
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof Uint8Array) return new Uint8Array(value) as T;
  if (Array.isArray(value)) {
    const list = value as unknown[];
    const copy = new Array<unknown>(list.length);
    for (let i = 0; i < list.length; i++) copy[i] = list[i] === undefined ? null : deepCopy(list[i]);
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key in source) {
    if (!Object.prototype.hasOwnProperty.call(source, key)) continue;
    const item = source[key];
    if (item !== undefined) copy[key] = deepCopy(item);
  }
  return copy as T;
}
