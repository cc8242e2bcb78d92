import { AppError } from "../../src/core/errors";
import type { ChannelSender } from "../../src/core/ports";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createBroadcastWorld, type BroadcastWorld } from "../support/broadcast-world";
import { createDyingStore } from "../support/dying-store";
import { createPerson } from "../support/people-factory";

const activeTemplate = { type: "template", template: "activeReminder" } as const;

async function worldWith(count: number, start?: string) {
  const people = Array.from({ length: count }, () => createPerson());
  const world = await createBroadcastWorld({ people, ...(start ? { start } : {}) });
  for (const p of people) await world.wrote("telegram", p.contacts[0]!.userId);
  return { world, people };
}

async function createAndSchedule(world: BroadcastWorld, at: Date | "now" = "now") {
  const created = await world.broadcasting.service.create(
    { segment: { state: "active" }, message: activeTemplate },
    world.staff,
  );
  if (created.status !== "ok") throw new Error(`not created: ${created.reason}`);
  await world.broadcasting.service.schedule(created.broadcast._id, at, world.staff);
  return created.broadcast._id;
}

/** A Telegram sender that records, and can refuse or die on a given message. */
function replaceTelegram(world: BroadcastWorld, behave: (n: number, userId: string) => void) {
  const got: string[] = [];
  let calls = 0;
  const sender: ChannelSender = {
    channel: "telegram",
    send: async (userId, _messages, kind) => {
      if (kind !== "unsolicited") return;
      calls += 1;
      behave(calls, userId);
      got.push(userId);
    },
  };
  world.chat.app.hub.register(sender);
  return got;
}

describe("broadcast dispatcher", () => {
  it("sends one message to every recipient and reports the totals to the staff member", async () => {
    const { world } = await worldWith(5);
    const id = await createAndSchedule(world);
    await world.runJobs();
    expect(world.received()).toHaveLength(5);
    expect(new Set(world.received()).size).toBe(5);
    expect(await world.broadcasting.service.progress(id)).toMatchObject({
      status: "completed",
      sent: 5,
      remaining: 0,
    });
    const report = world.chat.sent.find((s) => s.userId === "staff-1");
    expect(report?.messages[0]?.text).toContain("terkirim 5");
  });

  it("waits until quiet hours end when asked to send at 21:00 WIB", async () => {
    const { world } = await worldWith(2, "2026-03-02T21:00:00+07:00");
    const id = await createAndSchedule(world);
    await world.runJobs();
    expect(world.received()).toHaveLength(0);
    const broadcast = await world.broadcasting.service.get(id);
    expect(broadcast?.scheduledAt).toEqual(new Date("2026-03-03T07:00:00+07:00"));
    world.clock.set("2026-03-03T07:00:00+07:00");
    await world.runJobs();
    expect(world.received()).toHaveLength(2);
  });

  it("stops when quiet hours begin mid-run and continues the next morning without repeating anyone", async () => {
    const { world } = await worldWith(4, "2026-03-02T19:59:00+07:00");
    replaceTelegram(world, (n) => n === 2 && world.clock.set("2026-03-02T20:00:00+07:00"));
    const id = await createAndSchedule(world);
    await world.runJobs();
    const progress = await world.broadcasting.service.progress(id);
    expect(progress?.remaining).toBeGreaterThan(0);
    world.clock.set("2026-03-03T07:00:00+07:00");
    await world.runJobs();
    expect(await world.broadcasting.service.progress(id)).toMatchObject({
      sent: 4,
      remaining: 0,
      status: "completed",
    });
  });

  it("pauses, resumes and finishes without sending anyone twice", async () => {
    const { world } = await worldWith(6);
    let id = "";
    const got = replaceTelegram(world, (n) => {
      if (n === 3) void world.broadcasting.service.pause(id, world.staff);
    });
    id = await createAndSchedule(world);
    await world.runJobs();
    const paused = await world.broadcasting.service.progress(id);
    expect(paused).toMatchObject({ status: "paused" });
    expect(paused?.remaining).toBeGreaterThan(0);
    expect((await world.broadcasting.service.resume(id, world.staff)).status).toBe("ok");
    await world.runJobs();
    expect(got).toHaveLength(6);
    expect(new Set(got).size).toBe(6);
    const audit = await world.chat.app.services.audit.list({ target: `broadcast:${id}` });
    expect(audit.map((a) => a.action).sort()).toEqual(
      ["broadcast.create", "broadcast.pause", "broadcast.resume", "broadcast.schedule"].sort(),
    );
  });

  it("cancels: the rest is marked skipped and nothing more goes out", async () => {
    const { world } = await worldWith(5);
    let id = "";
    const got = replaceTelegram(world, (n) => {
      if (n === 2) void world.broadcasting.service.cancel(id, world.staff);
    });
    id = await createAndSchedule(world);
    await world.runJobs();
    const progress = await world.broadcasting.service.progress(id);
    expect(progress).toMatchObject({ status: "cancelled", remaining: 0 });
    expect(progress!.skipped).toBe(5 - got.length);
    world.clock.advance(60_000);
    await world.runJobs();
    expect(got.length).toBeLessThan(5);
    expect((await world.broadcasting.service.resume(id, world.staff)).status).toBe("refused");
  });

  /** Ten recipients; the process "dies" in the sender as decided by `dieAt`; then a new app resumes. */
  async function crashAndResume(
    dieAt: (received: string[], userId: string) => "before" | "after" | undefined,
  ) {
    const inner = createMemoryDocumentStore();
    const dying = createDyingStore(inner);
    const people = Array.from({ length: 10 }, () => createPerson());
    const first = await createBroadcastWorld({ people, store: dying });
    for (const p of people) await first.wrote("telegram", p.contacts[0]!.userId);
    const received: string[] = [];
    first.chat.app.hub.register({
      channel: "telegram",
      send: async (userId) => {
        const when = dieAt(received, userId);
        if (when === "before") dying.kill();
        if (when === "before") throw new Error("killed");
        received.push(userId);
        if (when === "after") dying.kill();
      },
    });
    const id = await createAndSchedule(first);
    await expect(first.broadcasting.dispatcher.dispatch(id)).rejects.toThrow("process is gone");
    const restarted = await createBroadcastWorld({ people, store: inner, clock: first.clock });
    restarted.chat.app.hub.register({
      channel: "telegram",
      send: async (userId, _m, kind) => void (kind === "unsolicited" && received.push(userId)),
    });
    restarted.clock.advance(60_000); // the dead runner's heartbeat is now stale
    await restarted.broadcasting.recover();
    await restarted.runJobs();
    const expected = people.map((p) => p.contacts[0]!.userId).sort();
    return {
      received: received.sort(),
      expected,
      progress: await restarted.broadcasting.service.progress(id),
    };
  }

  it("resumes after a crash half way with nobody twice and nobody missing", async () => {
    // Killed right after Telegram accepted the 5th message, before it was recorded as sent.
    const { received, expected, progress } = await crashAndResume((got) =>
      got.length === 4 ? "after" : undefined,
    );
    expect(received).toEqual(expected);
    expect(progress).toMatchObject({ status: "completed", remaining: 0 });
  });

  it("reports a message cut off on the wire as uncertain instead of sending it twice", async () => {
    const { received, expected, progress } = await crashAndResume((got) =>
      got.length === 5 ? "before" : undefined,
    );
    expect(new Set(received).size).toBe(received.length);
    expect(received).toHaveLength(expected.length - 1);
    expect(progress).toMatchObject({ status: "completed", remaining: 0, skipped: 0 });
    // The lost message, and any other that was on the wire, are "uncertain"; none went twice.
    expect(progress!.failed).toBeGreaterThanOrEqual(1);
    expect(progress!.sent + progress!.failed).toBe(10);
  });

  it("does not let a second runner start while the first one's heartbeat is fresh", async () => {
    const { world } = await worldWith(2);
    const id = await createAndSchedule(world);
    await world.broadcasting.repo.broadcasts.update(
      { _id: id },
      { $set: { status: "sending", runnerId: "other", runnerHeartbeatAt: world.clock.now() } },
    );
    expect(await world.broadcasting.dispatcher.dispatch(id)).toMatchObject({ type: "busy" });
    expect(world.received()).toHaveLength(0);
  });

  it("waits and retries when Telegram answers 429 with retry_after", async () => {
    const { world } = await worldWith(3);
    const got = replaceTelegram(world, (n) => {
      if (n === 2) {
        throw Object.assign(new Error("Too Many Requests"), {
          error_code: 429,
          parameters: { retry_after: 0 },
        });
      }
    });
    const id = await createAndSchedule(world);
    await world.runJobs();
    expect(await world.broadcasting.service.progress(id)).toMatchObject({ sent: 3, failed: 0 });
    expect(new Set(got).size).toBe(3);
  });

  it("records a channel's refusal as skipped and another error as failed, with the reason", async () => {
    const { world } = await worldWith(3);
    replaceTelegram(world, (n) => {
      if (n === 1) throw new AppError("NOT_ALLOWED", "daily cap", { reason: "dailyCap" });
      if (n === 2) throw new Error("Forbidden: bot was blocked by the user");
    });
    const id = await createAndSchedule(world);
    await world.runJobs();
    const deliveries = await world.broadcasting.repo.deliveries.find({ broadcastId: id });
    expect(deliveries.map((d) => [d.status, d.reason ?? ""]).sort()).toEqual([
      ["failed", "Forbidden: bot was blocked by the user"],
      ["sent", ""],
      ["skipped", "dailyCap"],
    ]);
  });

  it("leaves deliveries pending while a channel is not running yet and sends them once it registers", async () => {
    const { world } = await worldWith(3);
    world.chat.app.hub.unregister("telegram");
    const id = await createAndSchedule(world);
    await world.runJobs();
    expect(await world.broadcasting.service.progress(id)).toMatchObject({ sent: 0, failed: 0, remaining: 3 });
    expect(await world.chat.app.outboxItems.find({})).toEqual([]);
    const got = replaceTelegram(world, () => undefined);
    world.clock.advance(30_000);
    await world.runJobs();
    expect(await world.broadcasting.service.progress(id)).toMatchObject({
      status: "completed",
      sent: 3,
      failed: 0,
    });
    expect(new Set(got).size).toBe(3);
  });

  it("does not fail anyone while a registered channel is not connected yet (WhatsApp logging in)", async () => {
    const { world } = await worldWith(2);
    let connected = false;
    replaceTelegram(world, () => {
      if (!connected)
        throw new AppError("CHANNEL_SEND_FAILED", "not connected", {
          channel: "telegram",
          unavailable: true,
        });
    });
    const id = await createAndSchedule(world);
    await world.runJobs();
    const pending = await world.broadcasting.repo.deliveries.find({ broadcastId: id, status: "pending" });
    expect(pending).toHaveLength(2);
    expect(pending.every((d) => d.attemptedAt === undefined)).toBe(true);
    connected = true;
    world.clock.advance(30_000);
    await world.runJobs();
    expect(await world.broadcasting.service.progress(id)).toMatchObject({ sent: 2, failed: 0, remaining: 0 });
  });
});
