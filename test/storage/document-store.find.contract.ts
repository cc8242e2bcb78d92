/** Contract: filters mean what they mean in MongoDB; sort, skip, limit and count agree with them. */
import type { Collection, Filter } from "../../src/core/document-store.port";
import type { ContractContext, Doc } from "./document-store.contract";

const day = (d: number) => new Date(`2026-03-0${d}T00:00:00.000Z`);

const fixtures: Doc[] = [
  {
    _id: "a",
    n: 1,
    at: day(1),
    status: "pending",
    note: null,
    tags: ["ojek", "rt"],
    address: { rt: "001" },
    items: [{ kind: "ktp", ok: true }],
  },
  {
    _id: "b",
    n: 2,
    at: day(2),
    status: "done",
    tags: ["pedagang"],
    address: { rt: "002" },
    items: [{ kind: "kk", ok: false }],
  },
  { _id: "c", n: 3, at: day(3), status: "pending", tags: [], address: { rt: "001" } },
  { _id: "d", n: "3", status: "lost" },
];

export function defineFindContract(context: ContractContext): void {
  let people: Collection<Doc>;
  const ids = async (filter: Filter) => (await people.find(filter)).map((d) => d._id).sort();

  beforeAll(async () => {
    people = context.collection();
    for (const doc of fixtures) await people.insert(doc);
  });

  it("matches plain equality, $eq, and ignores a field whose condition is undefined", async () => {
    expect(await ids({ status: "pending" })).toEqual(["a", "c"]);
    expect(await ids({ status: { $eq: "done" } })).toEqual(["b"]);
    expect(await ids({ status: undefined })).toEqual(["a", "b", "c", "d"]);
  });

  it("matches $ne and $nin also where the field is missing", async () => {
    expect(await ids({ status: { $ne: "pending" } })).toEqual(["b", "d"]);
    expect(await ids({ "address.rt": { $ne: "001" } })).toEqual(["b", "d"]);
    expect(await ids({ "address.rt": { $nin: ["001"] } })).toEqual(["b", "d"]);
    expect(await ids({ status: { $in: ["done", "lost"] } })).toEqual(["b", "d"]);
  });

  it("compares numbers with $lt, $lte, $gt and $gte, never with strings", async () => {
    expect(await ids({ n: { $gt: 1 } })).toEqual(["b", "c"]);
    expect(await ids({ n: { $gte: 2, $lt: 3 } })).toEqual(["b"]);
    expect(await ids({ n: { $lte: 1 } })).toEqual(["a"]);
    expect(await ids({ n: { $gte: "3" } })).toEqual(["d"]);
  });

  it("compares Dates with Dates, never with numbers", async () => {
    expect(await ids({ at: { $gte: day(2) } })).toEqual(["b", "c"]);
    expect(await ids({ at: { $lt: day(2) } })).toEqual(["a"]);
    expect(await ids({ at: { $gt: day(1), $lte: day(3) } })).toEqual(["b", "c"]);
    expect(await ids({ at: day(2) })).toEqual(["b"]);
    expect(await ids({ at: { $gt: 0 } })).toEqual([]);
  });

  it("treats null as missing in equality, and a null field as existing for $exists", async () => {
    expect(await ids({ note: null })).toEqual(["a", "b", "c", "d"]);
    expect(await ids({ note: { $exists: true } })).toEqual(["a"]);
    expect(await ids({ note: { $exists: false } })).toEqual(["b", "c", "d"]);
    expect(await ids({ address: { $exists: true } })).toEqual(["a", "b", "c"]);
    expect(await ids({ status: { $ne: null } })).toEqual(["a", "b", "c", "d"]);
  });

  it("matches $or alternatives together with the other fields", async () => {
    expect(await ids({ $or: [{ status: "done" }, { n: { $gte: 3 } }] })).toEqual(["b", "c"]);
    expect(await ids({ status: "pending", $or: [{ n: 1 }, { n: 3 }] })).toEqual(["a", "c"]);
  });

  it("follows dotted paths into nested objects and into arrays of sub-documents", async () => {
    expect(await ids({ "address.rt": "001" })).toEqual(["a", "c"]);
    expect(await ids({ "items.kind": "kk" })).toEqual(["b"]);
    expect(await ids({ "items.ok": true })).toEqual(["a"]);
    expect(await ids({ "items.kind": { $exists: true } })).toEqual(["a", "b"]);
  });

  it("matches an array field when one element matches", async () => {
    expect(await ids({ tags: "rt" })).toEqual(["a"]);
    expect(await ids({ tags: { $in: ["pedagang", "rt"] } })).toEqual(["a", "b"]);
    expect(await ids({ tags: { $ne: "ojek" } })).toEqual(["b", "c", "d"]);
    expect(await ids({ tags: { $nin: ["ojek", "pedagang"] } })).toEqual(["c", "d"]);
    expect(await ids({ tags: { $exists: true } })).toEqual(["a", "b", "c"]);
  });

  it("counts what a filter matches", async () => {
    expect(await people.count({})).toBe(4);
    expect(await people.count({ status: "pending" })).toBe(2);
    expect(await people.count({ status: "nobody" })).toBe(0);
  });

  it("sorts by several keys, then skips and limits", async () => {
    const queue = context.collection();
    const rows = [
      { _id: "1", group: "x", rank: 1, at: day(3) },
      { _id: "2", group: "y", rank: 5, at: day(1) },
      { _id: "3", group: "x", rank: 3, at: day(2) },
      { _id: "4", group: "y", rank: 2, at: day(4) },
      { _id: "5", group: "x", rank: 4, at: day(5) },
    ];
    for (const row of rows) await queue.insert(row);
    const order = async (sort: Record<string, 1 | -1>, skip?: number, limit?: number) =>
      (await queue.find({}, { sort, ...(skip ? { skip } : {}), ...(limit ? { limit } : {}) })).map(
        (d) => d._id,
      );

    expect(await order({ group: 1, rank: -1 })).toEqual(["5", "3", "1", "2", "4"]);
    expect(await order({ at: -1 })).toEqual(["5", "4", "1", "3", "2"]);
    expect(await order({ rank: 1 }, 1, 2)).toEqual(["4", "3"]);
    expect(await order({ rank: 1 }, 4, 10)).toEqual(["2"]);
    expect((await queue.findOne({ group: "y" }, { sort: { rank: 1 } }))?._id).toBe("4");
    expect(await queue.findOne({ group: "z" })).toBeNull();
  });

  it("sorts documents without the field first when ascending", async () => {
    const queue = context.collection();
    await queue.insert({ _id: "with", rank: 1 });
    await queue.insert({ _id: "without" });

    expect((await queue.find({}, { sort: { rank: 1 } })).map((d) => d._id)).toEqual(["without", "with"]);
    expect((await queue.find({}, { sort: { rank: -1 } })).map((d) => d._id)).toEqual(["with", "without"]);
  });
}
