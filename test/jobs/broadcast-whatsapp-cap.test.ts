import { defaultWhatsAppWebSettings } from "../../src/channels/whatsapp/whatsapp.capabilities";
import { createWhatsAppPacer, type Pacer } from "../../src/channels/whatsapp/whatsapp.pacer";
import { createWhatsAppSender } from "../../src/channels/whatsapp/whatsapp.outbound";
import { createBroadcastWorld } from "../support/broadcast-world";
import { createFakeWhatsAppClient } from "../support/fake-whatsapp-client";
import { createPerson } from "../support/people-factory";

const message = { type: "template", template: "activeReminder" } as const;

describe("WhatsApp broadcasts past the daily cap", () => {
  let pacer: Pacer | undefined;
  afterEach(async () => {
    await pacer?.stop();
  });

  async function worldWithWhatsApp(recipients: number, maxPerDay: number) {
    const people = Array.from({ length: recipients }, (_, i) =>
      createPerson({ contacts: [{ channel: "whatsapp", userId: `+628120000770${i}` }] }),
    );
    const world = await createBroadcastWorld({
      people,
      channelSettings: { whatsappWeb: { ...defaultWhatsAppWebSettings, perMinute: 100, perDay: maxPerDay } },
    });
    for (const p of people) await world.wrote("whatsapp", p.contacts[0]!.userId);
    const client = createFakeWhatsAppClient();
    pacer = createWhatsAppPacer({
      maxPerMinute: 100,
      maxPerDay,
      clock: world.clock,
      jitterMs: { min: 0, max: 0 },
      sleep: async () => undefined,
    });
    world.chat.app.hub.register(
      createWhatsAppSender({ sessions: world.chat.app.services.sessions, pacer, connected: () => client }),
    );
    return { world, client };
  }

  it("sends up to the cap, keeps the rest pending with the next day as finish date, and sends them then", async () => {
    const { world, client } = await worldWithWhatsApp(6, 3);
    const created = await world.broadcasting.service.create(
      { segment: { state: "active" }, message },
      world.staff,
    );
    if (created.status !== "ok") throw new Error(created.reason);
    await world.broadcasting.service.schedule(created.broadcast._id, "now", world.staff);

    await world.runJobs();

    expect(client.sent).toHaveLength(3);
    const halfway = await world.broadcasting.service.progress(created.broadcast._id);
    expect(halfway).toMatchObject({ status: "sending", sent: 3, failed: 0, remaining: 3 });
    const resumes = new Date("2026-03-03T07:00:00+07:00").getTime();
    expect(halfway?.finishBy.whatsapp?.getTime()).toBeGreaterThanOrEqual(resumes);
    expect(halfway?.finishBy.whatsapp?.getTime()).toBeLessThan(resumes + 60_000);

    world.clock.set("2026-03-03T07:00:00+07:00");
    await world.runJobs();

    expect(client.sent).toHaveLength(6);
    expect(new Set(client.sent.map((s) => s.chatId)).size).toBe(6);
    expect(await world.broadcasting.service.progress(created.broadcast._id)).toMatchObject({
      status: "completed",
      sent: 6,
      failed: 0,
    });
  });

  it("warns staff in the preview when WhatsApp would take more than a week", async () => {
    const { world } = await worldWithWhatsApp(9, 1);
    const preview = await world.broadcasting.service.preview({ segment: { state: "active" }, message });
    expect(preview.slow).toEqual(["whatsapp"]);
    // One today, then one each morning: the ninth on 10 March after 07:00 WIB.
    expect(preview.finishBy.whatsapp?.toISOString().slice(0, 16)).toBe("2026-03-10T00:00");
  });
});
