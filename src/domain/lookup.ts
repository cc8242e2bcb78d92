/**
 * Looks a user-typed word up in a table of own properties only, so words such as
 * "constructor" or "__proto__" never reach Object.prototype.
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
