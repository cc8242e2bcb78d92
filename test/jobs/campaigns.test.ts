import { createSession } from "../../src/core/session";
import { createSessionStore } from "../../src/core/session.store";
import { createBroadcastWorld } from "../support/broadcast-world";
import { createPerson } from "../support/people-factory";

const day = 24 * 60 * 60 * 1000;

describe("automatic reminders", () => {
  it("reminds a participant 14 days before cover ends, once, even when checked again", async () => {
    const person = createPerson({ coverageEndsAt: new Date("2026-03-12T00:00:00+07:00") });
    const world = await createBroadcastWorld({ people: [person] });
    await world.wrote("telegram", person.contacts[0]!.userId);
    expect(await world.broadcasting.campaigns.run()).toMatchObject({ coverageEnding: 1 });
    await world.runJobs();
    expect(await world.broadcasting.campaigns.run()).toMatchObject({ coverageEnding: 0 });
    await world.runJobs();
    expect(world.received()).toEqual([`telegram:${person.contacts[0]!.userId}`]);
    expect(world.chat.pushed()[0]?.messages[0]?.text).toContain("12 Maret 2026");
  });

  it("reminds an unfinished registration after 2 days, once", async () => {
    const world = await createBroadcastWorld();
    const sessions = createSessionStore(world.store);
    const session = createSession("telegram", "900", world.clock.now());
    session.version = 1;
    session.parked.registration = {
      id: "registration",
      version: 1,
      step: "askNik",
      data: {},
      history: [],
      startedAt: world.clock.now(),
    };
    await sessions.save(session);
    await world.broadcasting.campaigns.run();
    await world.runJobs();
    expect(world.received()).toEqual([]);
    world.clock.advance(2 * day + 60_000);
    await world.broadcasting.campaigns.run();
    await world.runJobs();
    world.clock.advance(day);
    await world.broadcasting.campaigns.run();
    await world.runJobs();
    expect(world.received()).toEqual(["telegram:900"]);
  });

  it("greets an unfinished registration by the name and sex it already holds", async () => {
    const world = await createBroadcastWorld();
    const sessions = createSessionStore(world.store);
    const session = createSession("telegram", "901", world.clock.now());
    session.version = 1;
    session.displayName = "sari_wl";
    session.parked.registration = {
      id: "registration",
      version: 4,
      step: "area",
      data: { subject: "self", name: "Sari Wulandari", sex: "P" },
      history: [],
      startedAt: world.clock.now(),
    };
    await sessions.save(session);
    world.clock.advance(2 * day + 60_000);
    await world.broadcasting.campaigns.run();
    await world.runJobs();
    expect(world.chat.pushed()[0]?.messages[0]?.text).toMatch(/^Halo Ibu Sari Wulandari 👋/);
  });

  it("reminds an heir about missing claim documents after 3 days, once", async () => {
    const world = await createBroadcastWorld();
    await world.wrote("whatsapp", "+6281200000011");
    world.claims.push({
      reference: "KLM-ABC123",
      heir: { channel: "whatsapp", userId: "+6281200000011", language: "id" },
      missing: ["akta_kematian", "kk"],
      since: new Date(world.clock.now().getTime() - 4 * day),
    });
    await world.broadcasting.campaigns.run();
    await world.runJobs();
    await world.broadcasting.campaigns.run();
    await world.runJobs();
    expect(world.received()).toEqual(["whatsapp:+6281200000011"]);
    expect(world.chat.pushed()[0]?.messages[0]?.text).toContain("KLM-ABC123");
  });

  it("shows each reminder to staff and stops one when paused", async () => {
    const person = createPerson({ coverageEndsAt: new Date("2026-03-12T00:00:00+07:00") });
    const world = await createBroadcastWorld({ people: [person] });
    await world.wrote("telegram", person.contacts[0]!.userId);
    await world.broadcasting.campaigns.run();
    const list = await world.broadcasting.service.campaigns();
    expect(list.map((c) => [c.name, c.enabled])).toEqual([
      ["coverageEnding", true],
      ["registrationUnfinished", true],
      ["claimDocuments", true],
    ]);
    await world.broadcasting.service.pause("RM-coverageEnding", world.staff);
    await world.runJobs();
    expect(world.received()).toEqual([]);
    await world.broadcasting.service.resume("RM-coverageEnding", world.staff);
    await world.runJobs();
    expect(world.received()).toHaveLength(1);
  });

  it("waits for the end of quiet hours without switching the reminder off", async () => {
    const person = createPerson({ coverageEndsAt: new Date("2026-03-12T00:00:00+07:00") });
    const world = await createBroadcastWorld({ people: [person], start: "2026-03-02T22:00:00+07:00" });
    await world.wrote("telegram", person.contacts[0]!.userId);
    await world.broadcasting.campaigns.run();
    await world.runJobs();
    expect(world.received()).toEqual([]);
    expect((await world.broadcasting.service.campaigns())[0]?.enabled).toBe(true);
    world.clock.set("2026-03-03T07:00:00+07:00");
    await world.runJobs();
    expect(world.received()).toHaveLength(1);
  });

  it("runs the reminders once at start-up, without waiting for the first interval", async () => {
    const person = createPerson({ coverageEndsAt: new Date("2026-03-12T00:00:00+07:00") });
    const world = await createBroadcastWorld({ people: [person] });
    await world.wrote("telegram", person.contacts[0]!.userId);
    await world.broadcasting.start();
    await world.runJobs();
    await world.broadcasting.stop();
    expect(world.received()).toHaveLength(1);
  });
});
