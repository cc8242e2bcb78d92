/**
 * Contract: the store does the work: projections return only what is asked, a stream hands out
 * every match once in batches, group counts come from the database, and a collection with
 * indexes answers exactly as one without (the memory store narrows by its equality indexes).
 */
import type { Collection, Filter, GroupCount, IndexSpec } from "../../src/core/document-store.port";
import type { ContractContext, Doc } from "./document-store.contract";

const at = (d: number) => new Date(`2026-03-0${d}T00:00:00.000Z`);

const people: Doc[] = [
  {
    _id: "p1",
    name: "Siti",
    status: "active",
    income: 2_000_000,
    address: { kelurahan: "Sungai Putri", rt: "3" },
    contacts: [{ channel: "telegram", userId: "11" }],
    words: ["si", "sit", "siti"],
    nickname: "Ti",
    createdAt: at(1),
  },
  {
    _id: "p2",
    name: "Budi",
    status: "active",
    income: 3_000_000,
    address: { kelurahan: "Sungai Putri", rt: "4" },
    contacts: [
      { channel: "whatsapp", userId: "+62812" },
      { channel: "telegram", userId: "12" },
    ],
    words: ["bu", "bud", "budi"],
    createdAt: at(2),
  },
  {
    _id: "p3",
    name: "Siti Aminah",
    status: "pending",
    income: 1_500_000,
    address: { kelurahan: "Legok", rt: "3" },
    contacts: [],
    words: ["si", "sit", "siti", "am", "ami", "amin", "amina", "aminah"],
    nickname: null,
    createdAt: at(3),
  },
  { _id: "p4", name: "Tanpa Alamat", status: "pending", income: "unknown", createdAt: at(4) },
];

const indexes: IndexSpec[] = [
  { fields: { status: 1, createdAt: 1 } },
  { fields: { "address.kelurahan": 1, "address.rt": 1 } },
  { fields: { "contacts.channel": 1 } },
  { fields: { words: 1 } },
  { fields: { nickname: 1 } },
  { fields: { deceasedAt: 1 } },
];

const byKey = (groups: GroupCount[]) =>
  groups.map((g) => ({ ...g.key, count: g.count, sums: g.sums })).sort((a, b) => b.count - a.count);

export function defineQueryContract(context: ContractContext): void {
  let indexed: Collection<Doc>;
  let plain: Collection<Doc>;

  beforeAll(async () => {
    indexed = context.collection(indexes);
    plain = context.collection();
    for (const doc of people) {
      await indexed.insert(doc);
      await plain.insert(doc);
    }
  });

  it("returns only the projected fields and the _id, also inside arrays of sub-documents", async () => {
    const [siti] = await indexed.find({ _id: "p1" }, { projection: { name: 1, "address.rt": 1 } });
    expect(siti).toEqual({ _id: "p1", name: "Siti", address: { rt: "3" } });
    const [budi] = await indexed.find({ _id: "p2" }, { projection: { "contacts.channel": 1 } });
    expect(budi).toEqual({ _id: "p2", contacts: [{ channel: "whatsapp" }, { channel: "telegram" }] });
    const one = await indexed.findOne({ name: "Budi" }, { projection: { status: 1 } });
    expect(one).toEqual({ _id: "p2", status: "active" });
  });

  it("answers every filter the same with indexes as without", async () => {
    const filters: Filter[] = [
      { status: "active" },
      { status: { $in: ["pending"] }, "address.rt": "3" },
      { "address.kelurahan": "Sungai Putri", "address.rt": { $ne: "3" } },
      { "contacts.channel": "telegram" },
      { words: { $all: ["si", "amin"] } },
      { $or: [{ status: "pending" }, { "address.rt": "4" }] },
      { "address.kelurahan": null },
      { _id: { $in: ["p1", "p3", "nobody"] } },
      { nickname: null },
      { nickname: { $exists: true } },
      { nickname: { $exists: false } },
      { nickname: { $in: [null, "Ti"] }, status: "pending" },
      { deceasedAt: { $exists: true } },
      { createdAt: { $lt: at(3) } },
      { createdAt: { $gte: at(2), $lte: at(4) }, "address.rt": { $gt: "3" } },
      { "address.rt": { $gt: 3 } },
      { words: { $gte: "sit", $lt: "siu" } },
      // On an array each bound may hold for another element (MongoDB without $elemMatch).
      { words: { $gt: "sit", $lt: "ami" } },
    ];
    const ids = (docs: Doc[]) => docs.map((d) => d._id);
    for (const filter of filters) {
      for (const options of [
        { sort: { createdAt: 1 as const } },
        { sort: { createdAt: -1 as const }, limit: 1 },
        { sort: { createdAt: 1 as const }, skip: 1, limit: 2 },
      ])
        expect(ids(await indexed.find(filter, options))).toEqual(ids(await plain.find(filter, options)));
      expect(await indexed.count(filter)).toBe(await plain.count(filter));
    }
  });

  it("matches $all when the array holds every value, and never for an empty list", async () => {
    expect((await indexed.find({ words: { $all: ["si", "siti"] } })).map((d) => d._id).sort()).toEqual([
      "p1",
      "p3",
    ]);
    expect(await indexed.count({ words: { $all: ["si", "budi"] } })).toBe(0);
    expect(await indexed.count({ words: { $all: [] } })).toBe(0);
    expect(await indexed.count({ name: { $all: ["Budi"] } })).toBe(1);
  });

  it("streams every match once, in batches of the asked size, sorted and projected", async () => {
    const batches: Doc[][] = [];
    for await (const batch of indexed.stream(
      { status: { $in: ["active", "pending"] } },
      { batchSize: 3, sort: { createdAt: -1 }, projection: { status: 1 } },
    ))
      batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([3, 1]);
    expect(batches.flat().map((d) => d._id)).toEqual(["p4", "p3", "p2", "p1"]);
    expect(batches.flat()[0]).toEqual({ _id: "p4", status: "pending" });
    let none = 0;
    for await (const batch of indexed.stream({ status: "nobody" })) none += batch.length;
    expect(none).toBe(0);
  });

  it("counts and sums per group in the database, a missing field as null", async () => {
    const groups = await indexed.groupCount({}, ["status", "address.kelurahan"], { sum: ["income"] });
    expect(byKey(groups)).toEqual(
      expect.arrayContaining([
        { status: "active", "address.kelurahan": "Sungai Putri", count: 2, sums: { income: 5_000_000 } },
        { status: "pending", "address.kelurahan": "Legok", count: 1, sums: { income: 1_500_000 } },
        { status: "pending", "address.kelurahan": null, count: 1, sums: { income: 0 } },
      ]),
    );
    expect(groups).toHaveLength(3);
  });

  it("groups only what the filter matches, and an array field by its whole value", async () => {
    const rt3 = await indexed.groupCount({ "address.rt": "3" }, ["status"]);
    expect(byKey(rt3)).toEqual([
      { status: "active", count: 1, sums: {} },
      { status: "pending", count: 1, sums: {} },
    ]);
    const channels = await indexed.groupCount({ "address.kelurahan": "Sungai Putri" }, ["contacts.channel"]);
    expect(byKey(channels)).toEqual(
      expect.arrayContaining([
        { "contacts.channel": ["telegram"], count: 1, sums: {} },
        { "contacts.channel": ["whatsapp", "telegram"], count: 1, sums: {} },
      ]),
    );
    expect(await indexed.groupCount({ status: "nobody" }, ["status"])).toEqual([]);
  });

  it("keeps indexes right through updates and deletes", async () => {
    const moving = context.collection(indexes);
    await moving.insert({ _id: "m1", status: "pending", words: ["ab"] });
    await moving.update({ _id: "m1" }, { $set: { status: "active" }, $push: { words: "cd" } });
    expect(await moving.count({ status: "pending" })).toBe(0);
    expect(await moving.count({ status: "active", words: "cd" })).toBe(1);
    await moving.replace({ _id: "m1", status: "rejected" });
    expect(await moving.count({ words: "ab" })).toBe(0);
    expect(await moving.count({ status: "rejected" })).toBe(1);
    await moving.delete({ status: "rejected" });
    expect(await moving.count({})).toBe(0);
  });
}
