import { runBroadcastCommand } from "../../src/jobs/broadcast.command";
import { createBroadcastWorld } from "../support/broadcast-world";
import { createPerson } from "../support/people-factory";

describe("broadcast CLI", () => {
  it("dry-runs, sends at a WIB time, shows status and pauses, auditing as the CLI user", async () => {
    const people = [createPerson(), createPerson()];
    const world = await createBroadcastWorld({ people });
    for (const p of people) await world.wrote("telegram", p.contacts[0]!.userId);
    const run = (...args: string[]) =>
      runBroadcastCommand(args, {
        service: world.broadcasting.service,
        actor: "cli:budi",
        now: world.clock.now(),
        confirm: async () => true,
        channels: world.chat.app.services.channels,
      });

    const dry = await run("dry-run", "--state", "active", "--template", "activeReminder", "--sample", "1");
    expect(dry.lines[0]).toContain("penerima: 2");
    expect(dry.lines.filter((l) => l.startsWith("contoh:"))).toHaveLength(1);

    const sent = await run("send", "--state", "active", "--text", "Halo {nama}", "--at", "10:00");
    expect(sent.code).toBe(0);
    const id = /(SB-\w+) dijadwalkan/.exec(sent.lines.join("\n"))?.[1] ?? "";
    expect(sent.lines.at(-1)).toContain("10.00 WIB");
    expect((await run("status", id)).lines[0]).toContain("terjadwal");
    expect((await run("pause", id)).lines[0]).toBe(`${id}: dijeda`);
    expect((await run("cancel", id)).code).toBe(0);
    expect((await run("resume", id)).code).toBe(1);
    const audit = await world.chat.app.services.audit.list({ actor: "cli:budi" });
    expect(audit.map((a) => a.action).sort()).toEqual(
      ["broadcast.cancel", "broadcast.create", "broadcast.pause", "broadcast.schedule"].sort(),
    );
  });

  it("creates a draft that sends nothing until 'send <id>'", async () => {
    const people = [createPerson()];
    const world = await createBroadcastWorld({ people });
    await world.wrote("telegram", people[0]!.contacts[0]!.userId);
    const deps = {
      service: world.broadcasting.service,
      actor: "cli:budi",
      now: world.clock.now(),
      confirm: async () => true,
      channels: world.chat.app.services.channels,
    };
    const created = await runBroadcastCommand(
      ["create", "--state", "active", "--template", "activeReminder"],
      deps,
    );
    const id = /(SB-\w+) dibuat/.exec(created.lines.join("\n"))?.[1] ?? "";
    await world.runJobs();
    expect(world.received()).toHaveLength(0);
    expect((await runBroadcastCommand(["send", id], deps)).code).toBe(0);
    await world.runJobs();
    expect(world.received()).toHaveLength(1);
  });

  it("explains a bad filter instead of sending to everyone", async () => {
    const world = await createBroadcastWorld();
    const result = await runBroadcastCommand(["send", "--filter", "desa=X", "--template", "activeReminder"], {
      service: world.broadcasting.service,
      actor: "cli:budi",
      now: world.clock.now(),
      confirm: async () => true,
      channels: world.chat.app.services.channels,
    });
    expect(result).toEqual({ lines: ["--filter salah: unknownField desa"], code: 1 });
  });

  it("schedules nothing when the person at the terminal does not confirm the send", async () => {
    const people = [createPerson()];
    const world = await createBroadcastWorld({ people });
    await world.wrote("telegram", people[0]!.contacts[0]!.userId);
    const questions: string[] = [];
    const result = await runBroadcastCommand(["send", "--state", "active", "--template", "activeReminder"], {
      service: world.broadcasting.service,
      actor: "cli:budi",
      now: world.clock.now(),
      channels: world.chat.app.services.channels,
      confirm: async (question) => (questions.push(question), false),
    });
    expect(result.code).toBe(2);
    expect(questions[0]).toContain("Kirim ke 1 penerima?");
    expect(await world.broadcasting.service.list()).toEqual([]);
    await world.runJobs();
    expect(world.received()).toHaveLength(0);
  });
});
