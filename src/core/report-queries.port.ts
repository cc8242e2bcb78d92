/**
 * Counting for reports, done by the database: how many documents match, per combination of
 * fields, with numeric fields summed (MongoDB `$match` + `$group`): the document store's
 * `groupCount`, by collection name, so reports depend on no storage module.
 */
import type { Filter } from "./document-store.port";

import type { GroupCount } from "./document-store.port";

export type { GroupCount };

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
