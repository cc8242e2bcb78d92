import { noExclusions } from "../../src/jobs/broadcast-recipients";
import { createBroadcastWorld } from "../support/broadcast-world";
import { createPerson } from "../support/people-factory";

const message = { type: "template", template: "activeReminder" } as const;

describe("who a broadcast reaches", () => {
  it("selects by kecamatan, RT, role, registration status, language and channel", async () => {
    const siti = createPerson({ name: "Siti", role: "rt_head" });
    const budi = createPerson({
      name: "Budi",
      address: { kecamatan: "Jambi Timur", kelurahan: "Talang Banjar", rw: "2", rt: "7" },
    });
    const pending = createPerson({ status: "pending" });
    const english = createPerson({ language: "en" });
    const world = await createBroadcastWorld({ people: [siti, budi, pending, english] });
    for (const p of [siti, budi, pending, english])
      await world.wrote("telegram", p.contacts[0]!.userId, { language: p.language });
    const count = async (segment: Parameters<typeof world.broadcasting.service.preview>[0]["segment"]) =>
      (await world.broadcasting.service.preview({ segment, message })).recipients;

    expect(await count({ state: "registered" })).toBe(4);
    expect(await count({ state: "active" })).toBe(3);
    expect(await count({ state: "pending" })).toBe(1);
    expect(await count({ state: "active", kecamatan: "Jambi Timur" })).toBe(1);
    expect(await count({ state: "active", rt: "3" })).toBe(2);
    expect(await count({ state: "active", role: "rt_head" })).toBe(1);
    expect(await count({ state: "active", language: "en" })).toBe(1);
    expect(await count({ state: "active", channel: "whatsapp" })).toBe(0);
  });

  it("selects participants whose cover ends before a date", async () => {
    const soon = createPerson({ coverageEndsAt: new Date("2026-03-20T00:00:00+07:00") });
    const later = createPerson({ coverageEndsAt: new Date("2026-09-01T00:00:00+07:00") });
    const world = await createBroadcastWorld({ people: [soon, later] });
    const preview = await world.broadcasting.service.preview({
      segment: { state: "coverageEnding", coverageEndsBefore: "2026-04-01" },
      message: { type: "template", template: "coverageEnding" },
    });
    expect(preview.recipients).toBe(1);
    expect(preview.renders[0]?.text).toContain("20 Maret 2026");
  });

  it("never reaches a deceased participant, and says so in the preview", async () => {
    const alive = createPerson();
    const died = createPerson({ status: "deceased", deceasedAt: new Date("2026-02-01") });
    const diedButActive = createPerson({ deceasedAt: new Date("2026-02-10") });
    const world = await createBroadcastWorld({ people: [alive, died, diedButActive] });
    const preview = await world.broadcasting.service.preview({ segment: { state: "active" }, message });
    expect(preview.recipients).toBe(1);
    expect(preview.excluded.deceased).toBe(1);
  });

  it("never writes first to a WhatsApp user who never wrote to the bot", async () => {
    const wrote = createPerson({ contacts: [{ channel: "whatsapp", userId: "+6281200000001" }] });
    const silent = createPerson({ contacts: [{ channel: "whatsapp", userId: "+6281200000002" }] });
    const world = await createBroadcastWorld({ people: [wrote, silent] });
    await world.wrote("whatsapp", "+6281200000001");
    const preview = await world.broadcasting.service.preview({ segment: { state: "active" }, message });
    expect(preview.recipients).toBe(1);
    expect(preview.excluded.neverWrote).toBe(1);
    expect(preview.sample[0]?.user).toMatch(/^\+6\*+01$/);
  });

  it("reaches someone on two channels once, on the channel they used last", async () => {
    const both = createPerson({
      contacts: [
        { channel: "telegram", userId: "555" },
        { channel: "whatsapp", userId: "+6281200000003" },
      ],
    });
    const world = await createBroadcastWorld({ people: [both] });
    await world.wrote("telegram", "555", { at: new Date("2026-02-01T10:00:00+07:00") });
    await world.wrote("whatsapp", "+6281200000003", { at: new Date("2026-02-20T10:00:00+07:00") });
    const preview = await world.broadcasting.service.preview({ segment: { state: "active" }, message });
    expect(preview).toMatchObject({ recipients: 1, byChannel: { whatsapp: 1 } });
    expect(preview.excluded.duplicate).toBe(1);
  });

  it("reaches 'everyone who chatted' once per phone, and leaves out opted-out conversations", async () => {
    const world = await createBroadcastWorld();
    await world.wrote("whatsapp", "+6281200000004", { phone: "+6281200000004" });
    await world.wrote("telegram", "777", { phone: "+6281200000004" });
    await world.wrote("telegram", "778");
    await world.chat.app.services.optOuts.optOut({ channel: "telegram", userId: "778" }, world.clock.now());
    const preview = await world.broadcasting.service.preview({ segment: { state: "chatted" }, message });
    expect(preview).toMatchObject({ recipients: 1, excluded: { optedOut: 1, duplicate: 1 } });
  });

  it("previews each language's text with the exact count, and refuses text too long for WhatsApp", async () => {
    const people = [createPerson({ name: "Siti", sex: "P" }), createPerson({ language: "en", name: "John" })];
    const world = await createBroadcastWorld({ people });
    for (const p of people) await world.wrote("telegram", p.contacts[0]!.userId, { language: p.language });
    const preview = await world.broadcasting.service.preview({
      segment: { state: "active" },
      message: { type: "text", text: "Halo {nama}!" },
    });
    expect(preview.recipients).toBe(2);
    expect(preview.byLanguage).toEqual({ id: 1, en: 1 });
    expect(preview.renders.map((r) => r.text.split("\n")[0])).toEqual(["Halo Ibu Siti!", "Halo Mr John!"]);
    expect(preview.renders[1]?.text).toContain("Reply STOP");
    const tooLong = await world.broadcasting.service.create(
      { segment: { state: "active" }, message: { type: "text", text: "x".repeat(1200) } },
      world.staff,
    );
    expect(tooLong).toEqual({ status: "refused", reason: "tooLong" });
  });

  it("reaches each human once when their conversations are read in different batches", async () => {
    const both = createPerson({
      contacts: [
        { channel: "telegram", userId: "600" },
        { channel: "whatsapp", userId: "+6281200000600" },
      ],
    });
    const world = await createBroadcastWorld({ people: [both] });
    await world.wrote("telegram", "600", { at: new Date("2026-02-01T10:00:00+07:00") });
    await world.wrote("telegram", "601", { phone: "+6281200000999" });
    await world.wrote("whatsapp", "+6281200000600", { at: new Date("2026-02-20T10:00:00+07:00") });
    await world.wrote("whatsapp", "+6281200000999", { phone: "+6281200000999" });
    const excluded = noExclusions();
    const batches = [];
    for await (const batch of world.broadcasting.resolver.resolveBatches({ state: "chatted" }, excluded, {
      batchSize: 1,
    }))
      batches.push(...batch);

    expect(batches.map((r) => `${r.channel}:${r.userId}`).sort()).toEqual([
      "telegram:601",
      "whatsapp:+6281200000600",
    ]);
    expect(excluded.duplicate).toBe(2);
  });
});
