import { defaultWhatsAppWebSettings } from "../../src/channels/whatsapp/whatsapp.capabilities";
import { createBroadcastWorld } from "../support/broadcast-world";
import { createPerson } from "../support/people-factory";

const message = { type: "template", template: "activeReminder" } as const;
const tg = (userId: string) => [{ channel: "telegram" as const, userId }];

describe("previews of big segments", () => {
  it("counts a segment over the exact-list size from the registrations, and says it is an estimate", async () => {
    const people = [
      createPerson({ contacts: tg("9001") }),
      createPerson({ contacts: tg("9002"), language: "en" }),
      createPerson({ contacts: [{ channel: "whatsapp", userId: "+6281200009003" }] }),
      createPerson({ contacts: tg("9004"), deceasedAt: new Date("2026-02-01") }),
      createPerson({ contacts: tg("9005"), status: "pending" }),
    ];
    const world = await createBroadcastWorld({ people, settings: { exactPreviewUpTo: 1 } });
    await world.wrote("whatsapp", "+6281200009003");
    await world.chat.app.services.optOuts.optOut({ channel: "telegram", userId: "9001" }, world.clock.now());

    const preview = await world.broadcasting.service.preview({ segment: { state: "active" }, message });

    const figures = {
      recipients: 2,
      byChannel: { telegram: 1, whatsapp: 1 },
      byLanguage: { id: 1, en: 1 },
      excluded: { optedOut: 1, deceased: 1 },
    };
    expect(preview).toMatchObject({ estimated: true, ...figures });
    expect(preview.sample.length).toBeGreaterThan(0);
    const exact = await createBroadcastWorld({ store: world.store, clock: world.clock });
    const listed = await exact.broadcasting.service.preview({ segment: { state: "active" }, message });
    expect(listed).toMatchObject({ estimated: false, ...figures });
  });

  it("lists a small segment exactly", async () => {
    const world = await createBroadcastWorld({ people: [createPerson({ contacts: tg("9101") })] });
    const preview = await world.broadcasting.service.preview({ segment: { state: "active" }, message });
    expect(preview).toMatchObject({ estimated: false, recipients: 1 });
  });

  it("counts everyone who chatted by conversation, less opted-out conversations", async () => {
    const world = await createBroadcastWorld({ settings: { exactPreviewUpTo: 0 } });
    await world.wrote("telegram", "9201");
    await world.wrote("telegram", "9202", { language: "en" });
    await world.wrote("whatsapp", "+6281200009203");
    await world.chat.app.services.optOuts.optOut({ channel: "telegram", userId: "9201" }, world.clock.now());

    const preview = await world.broadcasting.service.preview({ segment: { state: "chatted" }, message });

    expect(preview).toMatchObject({
      estimated: true,
      recipients: 2,
      byChannel: { telegram: 1, whatsapp: 1 },
      excluded: { optedOut: 1 },
    });
  });
});

describe("how long a broadcast takes", () => {
  it("shows when each channel is done, and flags WhatsApp past a week at its daily cap", async () => {
    const people = Array.from({ length: 12 }, (_, i) =>
      createPerson({
        contacts: [{ channel: "whatsapp", userId: `+62812000094${String(i).padStart(2, "0")}` }],
      }),
    );
    const world = await createBroadcastWorld({
      people,
      channelSettings: { whatsappWeb: { ...defaultWhatsAppWebSettings, perMinute: 8, perDay: 1 } },
    });
    for (const p of people) await world.wrote("whatsapp", p.contacts[0]!.userId);

    const preview = await world.broadcasting.service.preview({ segment: { state: "active" }, message });

    const days = (preview.finishBy.whatsapp!.getTime() - world.clock.now().getTime()) / 86_400_000;
    expect(Math.ceil(days)).toBe(11); // one today at 09:00, then one each morning at 07:00
    expect(preview.slow).toEqual(["whatsapp"]);
  });
});
