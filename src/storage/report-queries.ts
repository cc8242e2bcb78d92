/**
 * ReportQueries over the bot's store: on MongoDB one aggregation per question ($match, $group;
 * only the groups come back, so 100,000 people cost one round trip); on the memory store
 * (tests, demo) the matches are grouped in the process.
 */
import type { Connection } from "mongoose";
import type { CollectionSpec, DocumentStore, Filter, StoredDoc } from "../core/document-store.port";
import type { GroupCount, ReportCollection, ReportQueries } from "../core/report-queries.port";
import { claimsCollection } from "./repositories/claims.repository";
import { peopleCollection } from "./repositories/people.repository";

const specs: Record<ReportCollection, CollectionSpec> = {
  people: peopleCollection,
  claims: claimsCollection,
};
import { getPath } from "./memory/document-match";
import { toMongoFilter } from "./mongo/mongo-translate";

/** The $group stage: dotted paths become k0, k1, … (MongoDB forbids dots in _id keys). */
export function toGroupPipeline(filter: Filter, by: string[], sum: string[] = []): Record<string, unknown>[] {
  const id = Object.fromEntries(by.map((path, i) => [`k${i}`, `$${path}`]));
  const sums = Object.fromEntries(sum.map((path, i) => [`s${i}`, { $sum: `$${path}` }]));
  return [{ $match: toMongoFilter(filter) }, { $group: { _id: id, count: { $sum: 1 }, ...sums } }];
}

type GroupRow = { _id: Record<string, unknown>; count: number } & Record<string, unknown>;

export function fromGroupRows(rows: GroupRow[], by: string[], sum: string[] = []): GroupCount[] {
  return rows.map((row) => ({
    key: Object.fromEntries(by.map((path, i) => [path, row._id[`k${i}`] ?? null])),
    count: row.count,
    sums: Object.fromEntries(sum.map((path, i) => [path, Number(row[`s${i}`] ?? 0)])),
  }));
}

function groupInProcess(docs: StoredDoc[], by: string[], sum: string[] = []): GroupCount[] {
  const groups = new Map<string, GroupCount>();
  for (const doc of docs) {
    const key = Object.fromEntries(by.map((path) => [path, getPath(doc, path) ?? null]));
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key, count: 0, sums: Object.fromEntries(sum.map((p) => [p, 0])) };
    group.count += 1;
    for (const path of sum) {
      const value = getPath(doc, path);
      group.sums[path] = (group.sums[path] ?? 0) + (typeof value === "number" ? value : 0);
    }
    groups.set(id, group);
  }
  return [...groups.values()];
}

export function createReportQueries(store: DocumentStore): ReportQueries {
  const connection = (store as DocumentStore & { connection?: Connection }).connection;
  return {
    async groupCount(name: ReportCollection, filter: Filter, by: string[], options = {}) {
      const collection = specs[name];
      const db = store.kind === "mongo" ? connection?.db : undefined;
      if (db) {
        const rows = await db
          .collection(collection.name)
          .aggregate<GroupRow>(toGroupPipeline(filter, by, options.sum))
          .toArray();
        return fromGroupRows(rows, by, options.sum);
      }
      return groupInProcess(await store.collection(collection).find(filter), by, options.sum);
    },
  };
}
