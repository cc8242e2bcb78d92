/** Contract: what goes in comes back the same, and unique indexes refuse duplicates as a result. */
import type { ContractContext } from "./document-store.contract";

export function defineInsertContract(context: ContractContext): void {
  it("gives back what was stored: Dates stay Dates, nested objects and arrays intact, undefined dropped", async () => {
    const people = context.collection();
    const at = new Date("2026-03-02T02:00:00.000Z");
    await people.insert({
      _id: "p1",
      name: "Siti",
      age: 41,
      active: true,
      nothing: null,
      missing: undefined,
      at,
      address: { rt: "003", rw: "001", geo: { kelurahan: "Simpang IV Sipin" }, gone: undefined },
      tags: ["ojek", "rt"],
      history: [{ at, status: "new" }],
      empty: {},
    });

    const found = await people.findById("p1");

    expect(found).toEqual({
      _id: "p1",
      name: "Siti",
      age: 41,
      active: true,
      nothing: null,
      at,
      address: { rt: "003", rw: "001", geo: { kelurahan: "Simpang IV Sipin" } },
      tags: ["ojek", "rt"],
      history: [{ at, status: "new" }],
      empty: {},
    });
    expect(found?.at).toBeInstanceOf(Date);
    expect((found?.history as Array<{ at: unknown }>)[0]?.at).toBeInstanceOf(Date);
    expect(found).not.toHaveProperty("missing");
    expect(found?.address).not.toHaveProperty("gone");
  });

  it("keeps the stored document apart from the objects passed in and handed out", async () => {
    const people = context.collection();
    const doc = { _id: "p1", address: { rt: "003" }, tags: ["a"] };
    await people.insert(doc);
    doc.address.rt = "999";
    doc.tags.push("b");
    const first = await people.findById("p1");
    (first?.address as { rt: string }).rt = "777";
    const contact = { phone: "+62812" };
    await people.update({ _id: "p1" }, { $set: { contact } });
    contact.phone = "changed";

    expect(await people.findById("p1")).toEqual({
      _id: "p1",
      address: { rt: "003" },
      tags: ["a"],
      contact: { phone: "+62812" },
    });
  });

  it("returns null for an id that was never stored", async () => {
    expect(await context.collection().findById("nobody")).toBeNull();
  });

  it("reports a second insert with the same _id as a duplicate of _id and keeps the first", async () => {
    const people = context.collection();
    expect(await people.insert({ _id: "p1", name: "first" })).toEqual({ type: "inserted" });

    expect(await people.insert({ _id: "p1", name: "second" })).toEqual({ type: "duplicate", index: "_id" });
    expect(await people.findById("p1")).toEqual({ _id: "p1", name: "first" });
  });

  it("reports a unique index violation with the index's fields, and stores distinct values", async () => {
    const people = context.collection([{ fields: { nikHash: 1 }, unique: true }]);
    await people.insert({ _id: "a", nikHash: "h1" });
    await people.insert({ _id: "b", nikHash: "h2" });

    expect(await people.insert({ _id: "c", nikHash: "h1" })).toEqual({ type: "duplicate", index: "nikHash" });
    expect(await people.count({})).toBe(2);
  });

  it("applies a compound unique index to the combination only", async () => {
    const deliveries = context.collection([{ fields: { broadcastId: 1, recipient: 1 }, unique: true }]);
    await deliveries.insert({ _id: "1", broadcastId: "b1", recipient: "u1" });
    await deliveries.insert({ _id: "2", broadcastId: "b1", recipient: "u2" });
    await deliveries.insert({ _id: "3", broadcastId: "b2", recipient: "u1" });

    const again = await deliveries.insert({ _id: "4", broadcastId: "b1", recipient: "u1" });

    expect(again).toEqual({ type: "duplicate", index: "broadcastId_recipient" });
  });

  it("lets a partial unique index bind only documents that have the field", async () => {
    const people = context.collection([
      { fields: { phone: 1 }, unique: true, partial: { phone: { $exists: true } } },
    ]);
    await people.insert({ _id: "a" });
    await people.insert({ _id: "b" });
    await people.insert({ _id: "c", phone: "+6281234567890" });

    expect(await people.insert({ _id: "d", phone: "+6281234567890" })).toEqual({
      type: "duplicate",
      index: "phone",
    });
    expect(await people.count({})).toBe(3);
  });

  it("counts a missing field as null in a unique index that is not partial", async () => {
    const people = context.collection([{ fields: { email: 1 }, unique: true }]);
    await people.insert({ _id: "a" });

    expect(await people.insert({ _id: "b" })).toEqual({ type: "duplicate", index: "email" });
  });

  it("tells Dates apart from numbers in a unique index", async () => {
    const events = context.collection([{ fields: { at: 1 }, unique: true }]);
    const at = new Date("2026-03-02T00:00:00.000Z");
    await events.insert({ _id: "a", at });

    expect(await events.insert({ _id: "b", at: at.getTime() })).toEqual({ type: "inserted" });
    expect(await events.insert({ _id: "c", at: new Date(at) })).toEqual({ type: "duplicate", index: "at" });
  });
}
