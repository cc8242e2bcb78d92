/**
 * Every collection and its indexes, in one list; each spec says next to each index which queries
 * it serves. MongoDB's syncIndexes() drops an index that is not declared here, so an index made by
 * hand disappears at the next start: declare it instead. `toServingIndex` is the declared-shape
 * check the index test runs over every repository query (an explain on MongoDB when one is there).
 * Not listed: collections read only by `_id` (always indexed) and kept by their own modules:
 * channel_transports (WhatsApp transport lease), vault_keys and key_rotation (security).
 */
import type { CollectionSpec, Filter, IndexSpec, Sort } from "../core/document-store.port";
import { sessionsCollection } from "../core/session.store";
import { attemptsCollection } from "./repositories/attempts.repository";
import { auditCollection } from "./repositories/audit.repository";
import { broadcastsCollection, deliveriesCollection } from "./repositories/broadcast.repository";
import { claimDocumentsCollection } from "./repositories/claim-documents.repository";
import { claimsCollection } from "./repositories/claims.repository";
import { consentsCollection } from "./repositories/consents.repository";
import { optOutsCollection } from "./repositories/opt-out.repository";
import { outboxCollection } from "./repositories/outbox.repository";
import { peopleCollection } from "./repositories/people.repository";
import { unansweredCollection } from "./repositories/unanswered.repository";

export const collectionSpecs: readonly CollectionSpec[] = [
  peopleCollection,
  sessionsCollection,
  claimsCollection,
  claimDocumentsCollection,
  broadcastsCollection,
  deliveriesCollection,
  optOutsCollection,
  outboxCollection,
  consentsCollection,
  auditCollection,
  attemptsCollection,
  unansweredCollection,
];

/** The shape of one query: which collection, the filter and sort it was asked with. */
export type QueryShape = { collection: string; operation: string; filter: Filter; sort?: Sort };

/**
 * True when a condition bounds an index key: equality, a list, a range, "exists", or (on an index
 * that is not partial, where a missing field is indexed as null) "does not exist".
 */
function bounds(condition: Filter[string], partial = true): boolean {
  if (condition === undefined || Array.isArray(condition)) return false;
  if (condition === null || typeof condition !== "object" || condition instanceof Date) return true;
  const ops = Object.keys(condition);
  return ops.some(
    (op) =>
      ["$eq", "$in", "$all", "$lt", "$lte", "$gt", "$gte"].includes(op) ||
      (op === "$exists" && ((condition as { $exists?: boolean }).$exists === true || !partial)),
  );
}

/** The index (or "_id") whose leading field the filter bounds or the sort follows; undefined when none. */
function toIndexFor(
  indexes: readonly IndexSpec[],
  filter: Filter,
  sort: Sort | undefined,
): string | undefined {
  if (bounds(filter._id)) return "_id";
  for (const index of indexes) {
    const [first] = Object.keys(index.fields);
    if (first === undefined) continue;
    const usable =
      bounds(filter[first], index.partial !== undefined) &&
      (!index.partial || Object.keys(index.partial).every((f) => f in filter));
    const sortedBy = Object.keys(filter).length === 0 && sort !== undefined && Object.keys(sort)[0] === first;
    if (usable || sortedBy) return Object.keys(index.fields).join("_");
  }
  return undefined;
}

/**
 * The declared index a query can use, as MongoDB's planner would: the leading field of an index
 * is bounded by the filter (or orders an unfiltered sort). With `$or`, every alternative needs one.
 */
export function toServingIndex(
  spec: CollectionSpec,
  shape: Pick<QueryShape, "filter" | "sort">,
): string | undefined {
  const { $or, ...rest } = shape.filter;
  const direct = toIndexFor(spec.indexes, rest, shape.sort);
  if (direct || !$or) return direct;
  const each = $or.map((alternative) => toIndexFor(spec.indexes, { ...rest, ...alternative }, undefined));
  return each.every((i): i is string => i !== undefined) ? [...new Set(each)].join(" | ") : undefined;
}
