/** A kelurahan officer's ports: every read and write is scoped, and a method added later cannot slip through. */
import type { Filter } from "../../src/core/document-store.port";
import { toStaffServices } from "../../src/core/staff-scope";
import { createPeopleSeeder } from "../support/seed-people";
import { createTestChat } from "../support/test-chat";

const officer = {
  id: "s1",
  name: "Lia",
  role: "kelurahan_officer" as const,
  scope: { type: "kelurahan" as const, kelurahan: ["Lebak Bandung"] },
  actor: "console:lia",
};

async function setup() {
  const chat = createTestChat();
  const seeder = createPeopleSeeder(chat.store);
  const mine = await seeder.seed({
    name: "Budi Lebak",
    nik: "1571080703800001",
    address: { kecamatan: "Jelutung", kelurahan: "Lebak Bandung", rw: "3", rt: "22" },
  });
  const other = await seeder.seed({
    name: "Rina Sipin",
    nik: "1571014506900002",
    address: { kecamatan: "Telanaipura", kelurahan: "Simpang IV Sipin", rw: "1", rt: "3" },
  });
  return { services: chat.app.services, scoped: toStaffServices(chat.app.services, officer), mine, other };
}

describe("kelurahan scope", () => {
  it("wraps every method of the people, claims, documents and hand-off ports (no method passes through unscoped)", async () => {
    const { services, scoped } = await setup();
    const unwrapped = (original: object, wrapped: object, allowed: string[]) =>
      Object.keys(original).filter(
        (key) =>
          !allowed.includes(key) &&
          (wrapped as Record<string, unknown>)[key] === (original as Record<string, unknown>)[key],
      );
    expect(unwrapped(services.people, scoped.people, ["register", "registerForReview"])).toEqual([]);
    // hasClaimFor answers only yes or no about a person the caller already holds.
    expect(unwrapped(services.claims, scoped.claims, ["create", "hasClaimFor"])).toEqual([]);
    expect(unwrapped(services.claimDocuments, scoped.claimDocuments, ["add", "label"])).toEqual([]);
    expect(
      unwrapped(services.handoffs, scoped.handoffs, [
        "open",
        "addMessage",
        "markAnswered",
        "markEscalated",
        "close",
      ]),
    ).toEqual([]);
    expect(unwrapped(services.reports, scoped.reports, [])).toEqual([]);
  });

  it("counts reports over the officer's kelurahan only, keeping the report's own filter", async () => {
    const { services, scoped } = await setup();
    const byKelurahan = (filter: Filter) =>
      scoped.reports.groupCount("people", filter, ["address.kelurahan"]).then((g) => g.map((x) => x.key));
    expect(await services.reports.groupCount("people", {}, ["address.kelurahan"])).toHaveLength(2);
    expect(await byKelurahan({})).toEqual([{ "address.kelurahan": "Lebak Bandung" }]);
    expect(await byKelurahan({ "address.kelurahan": "Simpang IV Sipin" })).toEqual([]);
    expect(await byKelurahan({ $or: [{ "address.rt": "22" }, { "address.rt": "3" }] })).toHaveLength(1);
  });

  it("finds only the officer's kelurahan, by list, count, reference and NIK", async () => {
    const { services, scoped, mine, other } = await setup();
    expect((await scoped.people.search({})).map((p) => p.name)).toEqual(["Budi Lebak"]);
    expect(await scoped.people.count({ kelurahan: "Simpang IV Sipin" })).toBe(0);
    expect(await scoped.people.findByReference(other.reference)).toBeNull();
    expect(await scoped.people.findByReference(mine.reference)).not.toBeNull();
    expect(await scoped.people.findByNikHash(services.vault.hash("1571014506900002"))).toBeNull();
    expect(await scoped.people.update(other._id, { name: "X" }, new Date())).toBeNull();
    expect((await services.people.findById(other._id))?.name).toBe("Rina Sipin");
  });
});
