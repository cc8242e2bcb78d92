/**
 * Counting for reports, done by the database: how many documents match, per combination of
 * fields, with numeric fields summed (MongoDB `$match` + `$group`). The same shape as the
 * document store's `groupCount` the scale work adds; reports depend only on this port.
 */
import type { Filter } from "./document-store.port";

/** One group: the grouped fields' values (null when missing), how many, and per summed field the total. */
export type GroupCount = { key: Record<string, unknown>; count: number; sums: Record<string, number> };

/** The collections reports count in (stored shapes: people.repository, claims.repository). */
export type ReportCollection = "people" | "claims";

export interface ReportQueries {
  groupCount(
    collection: ReportCollection,
    filter: Filter,
    by: string[],
    options?: { sum?: string[] },
  ): Promise<GroupCount[]>;
}

/** A grouped value as text ("-", or `fallback`, when missing or not a string or number). */
export const toKeyText = (value: unknown, fallback = "-") =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : fallback;
