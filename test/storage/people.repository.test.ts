import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createPeopleRepository } from "../../src/storage/repositories/people.repository";
import { aNewPerson } from "../support/people-factory";
import { testVaultKeys } from "../support/test-chat";

const now = new Date("2026-03-02T02:00:00Z");
const vault = createVault(testVaultKeys);

function setup(random?: (max: number) => number) {
  const store = createMemoryDocumentStore();
  return { store, people: createPeopleRepository(store, random ? { random } : {}) };
}

describe("people repository", () => {
  it("registers with a DFT- reference and finds the person by NIK hash, contact, phone and reference", async () => {
    const { people } = setup();
    const result = await people.register(aNewPerson(vault), now);
    expect(result.type).toBe("registered");
    if (result.type !== "registered") return;
    expect(result.person.reference).toMatch(/^DFT-[2-9A-HJKMNP-Z]{6}$/);
    expect((await people.findByNikHash(vault.hash("1571 0807 0380 0001")))?._id).toBe(result.person._id);
    expect(await people.findByContact({ channel: "whatsapp", userId: "+6281234567890" })).toHaveLength(1);
    expect(await people.findByPhone("+6281234567890")).toHaveLength(1);
    expect((await people.findByReference(result.person.reference.toLowerCase()))?.name).toBe("Budi Santoso");
  });

  it("stores the NIK sealed, never in clear", async () => {
    const { store, people } = setup();
    await people.register(aNewPerson(vault), now);
    const raw = await store.collection({ name: "people", indexes: [] }).find({});
    expect(JSON.stringify(raw)).not.toContain("1571080703800001");
  });

  it("refuses a second record for the same NIK and returns the existing one", async () => {
    const { people } = setup();
    const first = await people.register(aNewPerson(vault), now);
    const second = await people.register(
      aNewPerson(vault, { name: "Orang Lain", phone: "+6285200000000" }),
      now,
    );
    expect(second.type).toBe("duplicateNik");
    if (first.type === "registered" && second.type === "duplicateNik")
      expect(second.existing._id).toBe(first.person._id);
    expect(await people.count({})).toBe(1);
  });

  it("returns the person an earlier call with the same key registered, even after a change to it", async () => {
    const { people } = setup();
    const first = await people.register(aNewPerson(vault), now, "fx-submit-1");
    if (first.type !== "registered") throw new Error("not registered");
    await people.addFlag(first.person._id, "checked", now);
    const again = await people.register(aNewPerson(vault), now, "fx-submit-1");

    expect(again).toMatchObject({ type: "registered", person: { _id: first.person._id } });
    expect(await people.count({})).toBe(1);
    const other = await people.register(aNewPerson(vault), now, "fx-submit-2");
    expect(other.type).toBe("duplicateNik");
  });

  it("draws another reference when the first one is taken", async () => {
    const draws = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    const { people } = setup(() => draws.shift() ?? 2);
    const a = await people.register(aNewPerson(vault), now);
    const b = await people.register(aNewPerson(vault, { nikDigits: "1571084703800002" }), now);
    expect(a.type === "registered" && a.person.reference).toBe("DFT-222222");
    expect(b.type === "registered" && b.person.reference).toBe("DFT-333333");
  });

  it("searches by name prefix, reference, kelurahan and RT", async () => {
    const { people } = setup();
    const r = await people.register(aNewPerson(vault), now);
    await people.register(
      aNewPerson(vault, {
        nikDigits: "1571084703800002",
        name: "Siti Aminah",
        address: { kecamatan: "Jelutung", kelurahan: "Payo Lebar", rw: "1", rt: "5" },
      }),
      now,
    );
    expect((await people.search({ text: "bud" })).map((p) => p.name)).toEqual(["Budi Santoso"]);
    expect((await people.search({ text: "siti am" })).map((p) => p.name)).toEqual(["Siti Aminah"]);
    if (r.type === "registered") expect(await people.search({ text: r.person.reference })).toHaveLength(1);
    expect(await people.search({ kelurahan: "Payo Lebar", rt: "5" })).toHaveLength(1);
    expect(await people.count({ kecamatan: "Jelutung", status: ["pending", "active"] })).toBe(2);
    expect(await people.count({ text: "zzz" })).toBe(0);
  });

  it("adds flags and contacts once", async () => {
    const { people } = setup();
    const r = await people.register(aNewPerson(vault), now);
    if (r.type !== "registered") throw new Error("not registered");
    await people.addFlag(r.person._id, "duplicate_attempt", now);
    await people.addFlag(r.person._id, "duplicate_attempt", now);
    await people.addContact(r.person._id, { channel: "telegram", userId: "42" }, now);
    await people.addContact(r.person._id, { channel: "telegram", userId: "42" }, now);
    const person = await people.findById(r.person._id);
    expect(person?.flags).toEqual(["duplicate_attempt"]);
    expect(person?.contacts).toHaveLength(2);
    expect(await people.search({ channel: "telegram" })).toHaveLength(1);
  });

  it("anonymises: the stub keeps area and programmes, loses name, NIK, phone and contacts", async () => {
    const { people } = setup();
    const r = await people.register(aNewPerson(vault), now);
    if (r.type !== "registered") throw new Error("not registered");
    await people.anonymise(r.person._id, now);
    const stub = await people.findById(r.person._id);
    expect(stub).toMatchObject({
      status: "deleted",
      name: "",
      contacts: [],
      address: { kelurahan: "Lebak Bandung" },
    });
    expect(stub?.phone).toBeUndefined();
    expect(await people.findByNikHash(r.person.nik.hash)).toBeNull();
    // The NIK can be registered again afterwards.
    expect((await people.register(aNewPerson(vault), now)).type).toBe("registered");
  });

  it("finds the pending or active RT heads of an RT", async () => {
    const { people } = setup();
    const rt = { kecamatan: "Jelutung", kelurahan: "Lebak Bandung", rw: "3", rt: "22" };
    await people.register(
      aNewPerson(vault, { role: "rt_head", leadsRt: rt, occupation: { code: "ketua_rt" } }),
      now,
    );
    expect(await people.findRtHeads(rt)).toHaveLength(1);
    expect(await people.findRtHeads({ ...rt, rt: "23" })).toHaveLength(0);
  });
});
