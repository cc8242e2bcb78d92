import { createBroadcastWorld } from "../support/broadcast-world";
import { createPerson } from "../support/people-factory";

const message = { type: "template", template: "activeReminder" } as const;

describe("STOP / BERHENTI and MULAI", () => {
  it("asks before stopping, then no broadcast reaches the person on any channel", async () => {
    const person = createPerson({
      contacts: [
        { channel: "telegram", userId: "tg-siti" },
        { channel: "whatsapp", userId: "+6281200000009" },
      ],
    });
    const world = await createBroadcastWorld({ people: [person] });
    await world.wrote("whatsapp", "+6281200000009");
    world.chat.as({ userId: "tg-siti", channel: "telegram" });
    await world.chat.says("halo");
    await world.chat.says("BERHENTI");
    expect(world.chat.lastReply()).toHaveKey("broadcast:optOut.confirm");
    await world.chat.says("ya");
    expect(world.chat.lastReply()).toHaveKey("broadcast:optOut.done");

    const preview = await world.broadcasting.service.preview({ segment: { state: "active" }, message });
    expect(preview).toMatchObject({ recipients: 0, excluded: { optedOut: 1 } });
    const audit = await world.chat.app.services.audit.list({ actor: "telegram:tg-siti" });
    expect(audit.map((a) => [a.action, a.target]).sort()).toEqual([
      ["consent.optOut", "conversation:telegram:tg-siti"],
      ["consent.optOut", `person:${person._id}`],
    ]);
  });

  it("keeps everything as it was when the user answers no", async () => {
    const world = await createBroadcastWorld();
    await world.chat.says("stop");
    await world.chat.says("tidak");
    expect(world.chat.replies()[0]).toHaveKey("broadcast:optOut.kept");
    expect(await world.chat.app.services.optOuts.isOptedOut({ channel: "terminal", userId: "warga-1" })).toBe(
      false,
    );
  });

  it("MULAI undoes the opt-out after a yes, and broadcasts reach the user again", async () => {
    const world = await createBroadcastWorld();
    await world.chat.says("stop");
    await world.chat.says("ya");
    await world.chat.says("MULAI");
    expect(world.chat.lastReply()).toHaveKey("broadcast:optIn.confirm");
    await world.chat.says("1");
    expect(world.chat.lastReply()).toHaveKey("broadcast:optIn.done");
    const preview = await world.broadcasting.service.preview({ segment: { state: "chatted" }, message });
    expect(preview.recipients).toBe(1);
  });

  it("tells a user who never stopped that they already receive messages", async () => {
    const world = await createBroadcastWorld();
    await world.chat.says("mulai");
    await world.chat.says("ya");
    expect(world.chat.lastReply()).toHaveKey("broadcast:optIn.already");
  });

  it("stops in the middle of another flow and keeps that flow's answers", async () => {
    const world = await createBroadcastWorld();
    world.chat.as({ userId: "staff-9", isStaff: true });
    await world.chat.says("menu");
    await world.chat.says("7");
    await world.chat.says("Kirim siaran");
    expect(world.chat.lastReply()).toHaveKey("broadcast:create.audience.prompt");
    await world.chat.says("berhenti");
    await world.chat.says("ya");
    expect((await world.chat.session())?.parked.broadcast).toBeDefined();
  });
});
