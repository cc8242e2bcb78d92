import { defaultWhatsAppWebSettings } from "../../src/channels/whatsapp/whatsapp.capabilities";
import { createBroadcastWorld } from "../support/broadcast-world";
import { createPerson } from "../support/people-factory";

async function staffWorld() {
  const people = [
    createPerson({ name: "Siti", sex: "P" }),
    createPerson({ name: "Budi", role: "rt_head" }),
    createPerson({ status: "pending" }),
  ];
  const world = await createBroadcastWorld({ people });
  for (const p of people) await world.wrote("telegram", p.contacts[0]!.userId);
  world.chat.as({ userId: "staff-1", channel: "telegram", isStaff: true });
  await world.chat.says("menu");
  return world;
}

describe("staff broadcast flow", () => {
  it("creates a broadcast step by step, previews the exact count and sends it now", async () => {
    const world = await staffWorld();
    await world.chat.says("7"); // Menu petugas
    await world.chat.says("Kirim siaran");
    await world.chat.says("2"); // Peserta aktif
    await world.chat.says("-");
    await world.chat.says("Tulis pesan sendiri");
    await world.chat.says("Halo {nama}, posyandu RT {rt} besok jam 8.");
    expect(world.chat.keys()).toContain("broadcast:create.preview.summary");
    expect(world.chat.texts()[0]).toContain("Penerima: 2 orang (Telegram 2");
    expect(world.chat.texts().join("\n")).toContain("Halo Ibu Siti, posyandu RT 3 besok jam 8.");
    await world.chat.says("Kirim sekarang");
    expect(world.chat.lastReply()).toHaveKey("broadcast:create.created");
    await world.runJobs();
    expect(world.received()).toHaveLength(2);
    expect(
      world.chat
        .pushed()
        .map((p) => p.messages[0]?.text.split("\n")[0])
        .sort(),
    ).toEqual(["Halo Bapak Budi, posyandu RT 3 besok jam 8.", "Halo Ibu Siti, posyandu RT 3 besok jam 8."]);
  });

  it("takes a text pasted at the message question as the staff's own text", async () => {
    const world = await staffWorld();
    for (const line of ["7", "Kirim siaran", "2", "-"]) await world.chat.says(line);
    await world.chat.says("Pengingat: {nama}, posyandu RT {rt} besok jam 8 di balai warga.");
    expect(world.chat.keys()).toContain("broadcast:create.preview.summary");
    expect(world.chat.texts().join("\n")).toContain("Pengingat: Ibu Siti, posyandu RT 3 besok jam 8");
  });

  it("still picks a template named at the message question, and refuses a pasted text too long", async () => {
    const world = await staffWorld();
    for (const line of ["7", "Kirim siaran", "2", "-", "menunggu verifikasi"]) await world.chat.says(line);
    expect(world.chat.keys()).toContain("broadcast:create.preview.summary");
    const other = await staffWorld();
    for (const line of ["7", "Kirim siaran", "2", "-"]) await other.chat.says(line);
    await other.chat.says(`Halo {nama} ${"kabar penting ".repeat(100)}`);
    expect(other.chat.keys()).toEqual([
      "broadcast:create.freeText.tooLong",
      "broadcast:create.freeText.prompt",
    ]);
  });

  it("tells staff when each channel is done, and warns before sending what WhatsApp needs over a week for", async () => {
    const people = Array.from({ length: 10 }, (_, i) =>
      createPerson({
        contacts: [{ channel: "whatsapp", userId: `+62812000088${String(i).padStart(2, "0")}` }],
      }),
    );
    const world = await createBroadcastWorld({
      people,
      channelSettings: { whatsappWeb: { ...defaultWhatsAppWebSettings, perMinute: 8, perDay: 1 } },
    });
    for (const p of people) await world.wrote("whatsapp", p.contacts[0]!.userId);
    world.chat.as({ userId: "staff-1", channel: "telegram", isStaff: true });
    await world.chat.says("menu");
    await world.chat.says("7");
    await world.chat.says("Kirim siaran");
    await world.chat.says("2");
    await world.chat.says("-");
    await world.chat.says("1");
    const preview = world.chat.texts().join("\n");
    expect(preview).toContain("WhatsApp: selesai sekitar 11 Maret 2026 pukul 07.00 WIB.");
    expect(preview).toContain("butuh lebih dari seminggu");
    expect(world.chat.lastReply()).toHaveKey("broadcast:create.preview.prompt");
  });

  it("re-asks a filter it does not know, and schedules for a WIB time", async () => {
    const world = await staffWorld();
    await world.chat.says("7");
    await world.chat.says("Kirim siaran");
    await world.chat.says("2");
    await world.chat.says("desa=Sipin");
    expect(world.chat.lastReply()).toHaveKey("broadcast:create.filters.unknownField");
    await world.chat.says("peran=rt");
    await world.chat.says("1"); // Pengingat kepesertaan aktif
    expect(world.chat.texts()[0]).toContain("Penerima: 1 orang");
    await world.chat.says("Jadwalkan");
    await world.chat.says("14:00");
    expect(world.chat.texts().at(-1)).toContain("pukul 14.00 WIB");
    await world.runJobs();
    expect(world.received()).toHaveLength(0);
    world.clock.set("2026-03-02T14:00:00+07:00");
    await world.runJobs();
    expect(world.received()).toHaveLength(1);
  });

  it("lists broadcasts with progress and pauses one from the chat", async () => {
    const world = await staffWorld();
    const created = await world.broadcasting.service.create(
      { segment: { state: "active" }, message: { type: "template", template: "activeReminder" } },
      world.staff,
    );
    if (created.status !== "ok") throw new Error("not created");
    await world.broadcasting.service.schedule(
      created.broadcast._id,
      new Date("2026-03-02T15:00:00+07:00"),
      world.staff,
    );
    await world.chat.says("7");
    await world.chat.says("Siaran & pengingat otomatis"); // Siaran & pengingat otomatis
    expect(world.chat.texts()[0]).toContain(`1. ${created.broadcast._id} · terjadwal`);
    await world.chat.says("1");
    await world.chat.says("Jeda");
    expect(world.chat.replies()[0]).toHaveKey("broadcast:manage.paused");
    expect((await world.broadcasting.service.get(created.broadcast._id))?.status).toBe("paused");
    const audit = await world.chat.app.services.audit.list({ actor: "telegram:staff-1" });
    expect(audit.map((a) => a.action)).toContain("broadcast.pause");
  });

  it("is not available to citizens", async () => {
    const world = await createBroadcastWorld();
    await world.chat.says("halo");
    await world.chat.says("kirim siaran");
    expect(world.chat.keys()).not.toContain("broadcast:create.audience.prompt");
  });
});

describe("staff broadcast flow, nobody to send to", () => {
  it("says in words why no broadcast was created", async () => {
    const world = await createBroadcastWorld();
    world.chat.as({ userId: "staff-1", channel: "telegram", isStaff: true });
    await world.chat.says("menu");
    await world.chat.says("7");
    await world.chat.says("Kirim siaran");
    await world.chat.says("3"); // Menunggu verifikasi: nobody
    await world.chat.says("-");
    await world.chat.says("1");
    expect(world.chat.texts()[0]).toContain("Penerima: 0 orang");
    await world.chat.says("Kirim sekarang");
    expect(world.chat.texts().join("\n")).toContain(
      "Siaran tidak dibuat: tidak ada penerima untuk segmen ini.",
    );
  });
});
