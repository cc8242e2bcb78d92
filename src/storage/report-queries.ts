/**
 * ReportQueries over the bot's store: the document store's own `groupCount` (MongoDB `$match` +
 * `$group`: only the groups come back, so 100,000 people cost one round trip; the memory store
 * groups its matches in the process). Reports name collections, never storage specs.
 */
import type { CollectionSpec, DocumentStore } from "../core/document-store.port";
import type { ReportCollection, ReportQueries } from "../core/report-queries.port";
import { claimsCollection } from "./repositories/claims.repository";
import { peopleCollection } from "./repositories/people.repository";

const specs: Record<ReportCollection, CollectionSpec> = {
  people: peopleCollection,
  claims: claimsCollection,
};

export function createReportQueries(store: DocumentStore): ReportQueries {
  return {
    groupCount: (name, filter, by, options = {}) =>
      store.collection(specs[name]).groupCount(filter, by, options),
  };
}
