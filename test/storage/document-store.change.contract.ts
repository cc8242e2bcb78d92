/** Contract: replace with an optimistic check, update operators, atomic claims, delete. */
import type { ContractContext } from "./document-store.contract";

export function defineChangeContract(context: ContractContext): void {
  it("replaces a document only while it still matches what the writer expects", async () => {
    const sessions = context.collection();
    await sessions.insert({ _id: "s1", version: 1, step: "askName" });

    expect(
      await sessions.replace({ _id: "s1", version: 2, step: "askNik" }, { expect: { version: 1 } }),
    ).toBe(true);
    expect(await sessions.replace({ _id: "s1", version: 2, step: "stale" }, { expect: { version: 1 } })).toBe(
      false,
    );
    expect(await sessions.findById("s1")).toEqual({ _id: "s1", version: 2, step: "askNik" });
  });

  it("replaces the whole document, dropping fields the new one lacks", async () => {
    const sessions = context.collection();
    await sessions.insert({ _id: "s1", a: 1, b: 2 });

    expect(await sessions.replace({ _id: "s1", a: 3 })).toBe(true);
    expect(await sessions.findById("s1")).toEqual({ _id: "s1", a: 3 });
  });

  it("inserts on replace only with upsert, and refuses an upsert over a document that fails expect", async () => {
    const sessions = context.collection();

    expect(await sessions.replace({ _id: "s1", v: 1 })).toBe(false);
    expect(await sessions.findById("s1")).toBeNull();
    expect(await sessions.replace({ _id: "s1", v: 1 }, { upsert: true })).toBe(true);
    expect(await sessions.replace({ _id: "s1", v: 9 }, { upsert: true, expect: { v: 5 } })).toBe(false);
    expect(await sessions.findById("s1")).toEqual({ _id: "s1", v: 1 });
  });

  it("throws STORAGE_CONFLICT when a replace or an update would break a unique index", async () => {
    const people = context.collection([{ fields: { phone: 1 }, unique: true }]);
    await people.insert({ _id: "a", phone: "1" });
    await people.insert({ _id: "b", phone: "2" });

    const replacing = people.replace({ _id: "b", phone: "1" });
    await expect(replacing).rejects.toMatchObject({ name: "AppError", code: "STORAGE_CONFLICT" });
    const updating = people.update({ _id: "b" }, { $set: { phone: "1" } });
    await expect(updating).rejects.toMatchObject({ name: "AppError", code: "STORAGE_CONFLICT" });
    expect(await people.findById("b")).toEqual({ _id: "b", phone: "2" });
  });

  it("applies $set (dotted paths too), $unset, $inc and $push", async () => {
    const people = context.collection();
    const at = new Date("2026-03-02T00:00:00.000Z");
    await people.insert({ _id: "p", name: "Siti", address: { rt: "001", rw: "002" }, notes: ["x"], n: 1 });

    const matched = await people.update(
      { _id: "p" },
      {
        $set: { name: "Siti Aminah", "address.rt": "003", "contact.phone": "+62812", at },
        $unset: { "address.rw": true, missing: true, "nowhere.deep": true },
        $inc: { n: 2, visits: 1 },
        $push: { notes: "y", history: { at, status: "new" } },
      },
    );

    expect(matched).toBe(1);
    expect(await people.findById("p")).toEqual({
      _id: "p",
      name: "Siti Aminah",
      address: { rt: "003" },
      contact: { phone: "+62812" },
      at,
      notes: ["x", "y"],
      history: [{ at, status: "new" }],
      n: 3,
      visits: 1,
    });
  });

  it("treats a $set to undefined as removing the field", async () => {
    const people = context.collection();
    await people.insert({ _id: "p", phone: "+62812", name: "Siti" });

    await people.update({ _id: "p" }, { $set: { phone: undefined, name: "Budi" } });

    expect(await people.findById("p")).toEqual({ _id: "p", name: "Budi" });
  });

  it("updates every match by default, only the first with multi: false, and says how many", async () => {
    const jobs = context.collection();
    for (const id of ["1", "2", "3"]) await jobs.insert({ _id: id, status: "pending" });

    expect(await jobs.update({ status: "pending" }, { $set: { status: "seen" } }, { multi: false })).toBe(1);
    expect(await jobs.count({ status: "seen" })).toBe(1);
    expect(await jobs.update({ status: "pending" }, { $set: { status: "seen" } })).toBe(2);
    expect(await jobs.count({ status: "seen" })).toBe(3);
    expect(await jobs.update({ status: "nobody" }, { $set: { status: "x" } })).toBe(0);
  });

  it("upserts a document seeded from the filter's equalities, with $setOnInsert and a string _id", async () => {
    const counters = context.collection();

    const created = await counters.update(
      { kind: "registration", "scope.rt": "003", day: { $eq: "2026-03-02" } },
      { $inc: { count: 1 }, $setOnInsert: { createdBy: "bot" } },
      { upsert: true },
    );
    await counters.update(
      { kind: "registration", "scope.rt": "003", day: "2026-03-02" },
      { $inc: { count: 1 }, $setOnInsert: { createdBy: "someone else" } },
      { upsert: true },
    );

    expect(created).toBe(1);
    const [doc, ...others] = await counters.find({});
    expect(others).toEqual([]);
    expect(doc).toEqual({
      _id: expect.any(String),
      kind: "registration",
      scope: { rt: "003" },
      day: "2026-03-02",
      count: 2,
      createdBy: "bot",
    });
  });

  it("upserts with the _id given in the filter", async () => {
    const counters = context.collection();

    await counters.update({ _id: "c1" }, { $inc: { n: 1 } }, { upsert: true });

    expect(await counters.findById("c1")).toEqual({ _id: "c1", n: 1 });
  });

  it("refuses an upsert whose filter names an existing _id it does not match, keeping the document", async () => {
    const leases = context.collection();
    await leases.insert({ _id: "conv", holder: "a" });

    const taking = leases.findOneAndUpdate(
      { _id: "conv", holder: "nobody" },
      { $set: { holder: "b" } },
      { upsert: true },
    );

    await expect(taking).rejects.toMatchObject({ code: "STORAGE_CONFLICT" });
    expect(await leases.findById("conv")).toEqual({ _id: "conv", holder: "a" });
  });

  it("returns the document after findOneAndUpdate, picking the first in sort order", async () => {
    const jobs = context.collection();
    await jobs.insert({ _id: "late", status: "pending", at: 2 });
    await jobs.insert({ _id: "early", status: "pending", at: 1 });

    const claimed = await jobs.findOneAndUpdate(
      { status: "pending" },
      { $set: { status: "running" }, $inc: { tries: 1 } },
      { sort: { at: 1 } },
    );

    expect(claimed).toEqual({ _id: "early", status: "running", at: 1, tries: 1 });
    expect(await jobs.findOneAndUpdate({ status: "nothing" }, { $set: { status: "x" } })).toBeNull();
  });

  it("creates and returns the document when findOneAndUpdate upserts", async () => {
    const locks = context.collection();

    const lock = await locks.findOneAndUpdate(
      { name: "broadcast" },
      { $set: { holder: "w1" }, $setOnInsert: { since: 1 } },
      { upsert: true },
    );

    expect(lock).toEqual({ _id: expect.any(String), name: "broadcast", holder: "w1", since: 1 });
    expect(await locks.count({})).toBe(1);
  });

  it("gives 20 concurrent claims 20 different documents, then nothing", async () => {
    const jobs = context.collection();
    for (let i = 0; i < 20; i += 1) await jobs.insert({ _id: `job${i}`, status: "pending", order: i });
    const claim = (worker: number) =>
      jobs.findOneAndUpdate(
        { status: "pending" },
        { $set: { status: "claimed", worker } },
        { sort: { order: 1 } },
      );

    const claimed = await Promise.all(Array.from({ length: 20 }, (_, worker) => claim(worker)));

    expect(new Set(claimed.map((doc) => doc?._id)).size).toBe(20);
    expect(await jobs.count({ status: "claimed" })).toBe(20);
    expect(await claim(99)).toBeNull();
  });

  it("deletes every match and says how many", async () => {
    const messages = context.collection();
    for (const id of ["1", "2", "3"]) await messages.insert({ _id: id, old: id !== "3" });

    expect(await messages.delete({ old: true })).toBe(2);
    expect((await messages.find({})).map((d) => d._id)).toEqual(["3"]);
    expect(await messages.delete({ old: true })).toBe(0);
  });
}
