/**
 * Every repository query uses a declared index (storage/index-registry.ts): on the memory store by
 * the declared-shape check (the leading field of an index is bounded by the filter, as MongoDB's
 * planner needs), and on a real MongoDB (MONGODB_URI) by `explain`: no COLLSCAN in any plan.
 * A few queries read a whole collection on purpose; they are listed below with why.
 */
import type { Collection as DriverCollection } from "mongodb";
import { collectionSpecs, toServingIndex, type QueryShape } from "../../src/storage/index-registry";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { connectMongoDocumentStore } from "../../src/storage/mongo/mongo-document.store";
import { toGroupStages, toMongoFilter } from "../../src/storage/mongo/mongo-translate";
import { createQueryRecorder } from "../support/query-recorder";
import { exerciseRepositories } from "./repository-queries.scenario";

/** Queries that read every document of a collection by design. */
const wholeCollection: { collection: string; operation: string; why: string }[] = [
  {
    collection: "sessions",
    operation: "stream",
    why: "a broadcast to everyone who chatted lists every conversation once",
  },
  {
    collection: "sessions",
    operation: "groupCount",
    why: "previewing 'everyone who chatted' counts every conversation",
  },
];

const isWholeCollection = (shape: QueryShape) =>
  wholeCollection.some(
    (w) =>
      w.collection === shape.collection &&
      w.operation === shape.operation &&
      Object.keys(shape.filter).every((f) => f === "channel" || f === "language"),
  );

const describeShape = (s: QueryShape) =>
  `${s.collection}.${s.operation}(${JSON.stringify(Object.keys(s.filter))}${s.sort ? `, sort ${JSON.stringify(s.sort)}` : ""})`;

function unserved(shapes: QueryShape[]): string[] {
  const specs = new Map(collectionSpecs.map((spec) => [spec.name, spec] as const));
  return shapes.flatMap((shape) => {
    const spec = specs.get(shape.collection);
    if (!spec) return [`${shape.collection}: not in the index registry`];
    if (isWholeCollection(shape) || toServingIndex(spec, shape)) return [];
    return [describeShape(shape)];
  });
}

describe("index use of every repository query", () => {
  it("finds a declared index for each query shape the bot asks the store (memory store)", async () => {
    const recorder = createQueryRecorder(createMemoryDocumentStore());
    await exerciseRepositories(recorder);

    const collections = new Set(recorder.shapes.map((s) => s.collection));
    expect([...collections].sort()).toEqual(
      expect.arrayContaining(collectionSpecs.map((s) => s.name).sort()),
    );
    expect([...new Set(unserved(recorder.shapes))]).toEqual([]);
  });

  it("flags a query whose filter no index leads with", () => {
    const people = collectionSpecs.find((s) => s.name === "people")!;
    expect(
      toServingIndex(people, { filter: { "address.kelurahan": "Legok", "address.rt": "3" } }),
    ).toBeDefined();
    expect(toServingIndex(people, { filter: { name: "Siti" } })).toBeUndefined();
    expect(
      toServingIndex(people, { filter: { $or: [{ status: "active" }, { name: "Siti" }] } }),
    ).toBeUndefined();
  });
});

const uri = process.env.MONGODB_URI;
const describeMongo = uri ? describe : describe.skip;
const skipReason = "no MONGODB_URI: no MongoDB server can be had on this machine (set MONGODB_URI to run it)";

function plannedStages(plan: unknown, out: string[] = []): string[] {
  if (!plan || typeof plan !== "object") return out;
  const node = plan as Record<string, unknown>;
  if (typeof node.stage === "string") out.push(node.stage);
  for (const value of Object.values(node))
    if (Array.isArray(value)) for (const item of value) plannedStages(item, out);
    else if (value && typeof value === "object") plannedStages(value, out);
  return out;
}

describeMongo(
  uri ? "index use on MongoDB (explain)" : `index use on MongoDB (skipped: ${skipReason})`,
  () => {
    it("plans no collection scan for any repository query", async () => {
      const mongo = await connectMongoDocumentStore(uri!, { dbName: `jamsos_indexes_${process.pid}` });
      try {
        const recorder = createQueryRecorder(mongo);
        await exerciseRepositories(recorder);
        const scans: string[] = [];
        for (const shape of recorder.shapes.filter((s) => !isWholeCollection(s))) {
          const driver = mongo.connection.collection(shape.collection) as unknown as DriverCollection;
          const filter = toMongoFilter(shape.filter);
          const explained =
            shape.operation === "groupCount"
              ? await driver.aggregate(toGroupStages(shape.filter, ["_id"], [])).explain("queryPlanner")
              : await driver.find(filter, shape.sort ? { sort: shape.sort } : {}).explain("queryPlanner");
          if (plannedStages(explained).includes("COLLSCAN")) scans.push(describeShape(shape));
        }
        expect([...new Set(scans)]).toEqual([]);
      } finally {
        await mongo.connection.dropDatabase();
        await mongo.close();
      }
    });
  },
);
