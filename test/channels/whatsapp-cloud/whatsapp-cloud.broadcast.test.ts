import type { Broadcast } from "../../../src/core/broadcast.port";
import { createSession } from "../../../src/core/session";
import { createSessionStore } from "../../../src/core/session.store";
import { createInProcessScheduler } from "../../../src/jobs/in-process.scheduler";
import { silentLogger } from "../../../src/security/pino.logger";
import { createTestClock } from "../../support/test-chat";
import { startCloudHarness, type CloudHarness } from "../../support/whatsapp-cloud-harness";

jest.setTimeout(60_000);

const staff = { actor: "cli:test" };
let wa: CloudHarness;
afterEach(() => wa.stop());

async function startWorld() {
  const clock = createTestClock();
  const scheduler = createInProcessScheduler({ clock, logger: silentLogger, timers: false });
  wa = await startCloudHarness({ clock, app: { scheduler } });
  await wa.app.broadcasting.start();
  const sessions = createSessionStore(wa.store);
  /** `count` people who last wrote `hoursAgo` hours ago, numbers +6281200000000… */
  async function wrote(count: number, hoursAgo: number, first = 0) {
    const at = new Date(clock.now().getTime() - hoursAgo * 3600_000);
    for (let i = first; i < first + count; i++) {
      const session = createSession("whatsapp", `+628120${String(i).padStart(7, "0")}`, at);
      session.version = 1;
      await sessions.save(session);
    }
  }
  async function broadcast(message: Broadcast["message"]) {
    const created = await wa.app.services.broadcasts.create(
      { segment: { state: "chatted" }, message },
      staff,
    );
    if (created.status !== "ok") throw new Error(`not created: ${created.reason}`);
    await wa.app.services.broadcasts.schedule(created.broadcast._id, "now", staff);
    return created.broadcast._id;
  }
  /** Runs due jobs until the broadcast is finished (a held-off channel reschedules it). */
  async function finish(id: string) {
    for (let round = 0; round < 50; round++) {
      await scheduler.runDue();
      const progress = await wa.app.services.broadcasts.progress(id);
      if (progress?.remaining === 0) return progress;
      clock.advance(60_000);
    }
    throw new Error("broadcast did not finish");
  }
  return { clock, wrote, broadcast, finish };
}

describe("broadcasts over the WhatsApp Cloud API", () => {
  it("sends 1,000 approved template messages to people outside the 24-hour window, once each, with receipts", async () => {
    const world = await startWorld();
    wa.graph.setReceipts(["sent", "delivered", "read"]);
    await world.wrote(1000, 48);
    const preview = await wa.app.services.broadcasts.preview({
      segment: { state: "chatted" },
      message: { type: "template", template: "activeReminder" },
    });
    expect(preview).toMatchObject({ recipients: 1000, needTemplate: { whatsapp: 1000 } });

    const id = await world.broadcast({ type: "template", template: "activeReminder" });
    const progress = await world.finish(id);
    await wa.graph.flushReceipts();

    expect(progress).toMatchObject({ sent: 1000, failed: 0, skipped: 0 });
    const recipients = new Set(wa.graph.sent.map((m) => m.to));
    expect(recipients.size).toBe(1000);
    expect(wa.graph.sent).toHaveLength(1000);
    expect(wa.graph.sent[0]?.body.template).toMatchObject({
      name: "jamsos_pengingat_aktif",
      language: { code: "id" },
      components: [{ type: "body", parameters: [{ type: "text", text: "Bapak/Ibu" }] }],
    });
    expect(await wa.app.services.broadcasts.progress(id)).toMatchObject({
      delivered: 1000,
      read: 1000,
      undelivered: 0,
    });
  });

  it("writes free text inside the 24-hour window and a template outside it, in the same broadcast", async () => {
    const world = await startWorld();
    await world.wrote(3, 2, 0);
    await world.wrote(2, 30, 3);
    const preview = await wa.app.services.broadcasts.preview({
      segment: { state: "chatted" },
      message: { type: "text", text: "Posyandu buka Sabtu, {nama}." },
    });
    expect(preview.needTemplate).toEqual({ whatsapp: 2 });
    await world.finish(await world.broadcast({ type: "text", text: "Posyandu buka Sabtu, {nama}." }));
    const byType = wa.graph.sent.map((m) => `${m.to.slice(-1)}:${m.type}`).sort();
    expect(byType).toEqual(["0:text", "1:text", "2:text", "3:template", "4:template"]);
    const template = wa.graph.sent.find((m) => m.type === "template")?.body.template;
    expect(template?.name).toBe("jamsos_pengumuman");
    expect(template?.components?.[0]?.parameters?.[0]?.text).toBe("Posyandu buka Sabtu, Bapak/Ibu.");
  });

  it("rides out a 429 storm: waits, retries, and sends every message exactly once", async () => {
    const world = await startWorld();
    await world.wrote(200, 48);
    wa.graph.storm(60);
    const progress = await world.finish(
      await world.broadcast({ type: "template", template: "activeReminder" }),
    );
    expect(progress).toMatchObject({ sent: 200, failed: 0 });
    expect(wa.graph.counts.refused).toBe(60);
    expect(new Set(wa.graph.sent.map((m) => m.to)).size).toBe(200);
    expect(wa.graph.sent).toHaveLength(200);
  });

  it("gives up on an invalid number after one try and records why, without holding the others", async () => {
    const world = await startWorld();
    await world.wrote(3, 48);
    wa.graph.failTo("6281200000001", 131026, "Message undeliverable");
    const id = await world.broadcast({ type: "template", template: "activeReminder" });
    const progress = await world.finish(id);
    expect(progress).toMatchObject({ sent: 2, failed: 1 });
    const failed = await wa.app.broadcasting.repo.deliveries.find({ broadcastId: id, status: "failed" });
    expect(failed[0]?.reason).toContain("131026");
    expect(wa.graph.counts.messages).toBe(3);
  });

  it("sends a claim update outside the window as the generic notice template, inside it as text", async () => {
    await startWorld();
    const notify = (userId: string) =>
      wa.app.hub.notify({ channel: "whatsapp", userId }, [{ key: "common:welcome" }], { language: "id" });
    const fresh = wa.user("6281255550001");
    await fresh.says("halo");
    const before = fresh.messages().length;
    await notify("+6281255550001");
    expect(
      fresh
        .messages()
        .slice(before)
        .map((m) => m.type),
    ).toEqual(["text"]);
    wa.clock.advance(25 * 3600_000);
    await notify("+6281255550001");
    const notice = fresh.last()?.body.template;
    expect(notice?.name).toBe("jamsos_pemberitahuan");
    expect(notice?.components?.[0]?.parameters?.[0]?.text).not.toMatch(/\n/);
  });
});
