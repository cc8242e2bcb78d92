import { readFileSync } from "node:fs";
import path from "node:path";
import { isAppError } from "../../../src/core/errors";
import { createPeopleSeeder } from "../../support/seed-people";
import { defaultChat, startFakeWhatsApp, type FakeWhatsApp } from "../../support/whatsapp-harness";

describe("WhatsApp channel: a conversation", () => {
  let wa: FakeWhatsApp;
  afterEach(async () => wa.channel.stop());

  it("greets a new user and shows the menu as numbered lines, in one message to their chat", async () => {
    wa = await startFakeWhatsApp();
    await wa.says("halo");
    expect(wa.textsTo(defaultChat)).toHaveLength(1);
    expect(wa.lastText()).toContain("Saya *Jamsos Bot*");
    expect(wa.lastText()).toContain("\n1. Daftar\n");
    expect(wa.lastText()).toContain("\n6. Bahasa / Language");
  });

  it("follows the menu by number and keeps the chosen language", async () => {
    wa = await startFakeWhatsApp();
    await wa.says("halo");
    await wa.says("6");
    expect(wa.lastText()).toContain("1. Register");
    await wa.says("menu");
    expect(wa.lastText()).toContain("1. Register");
  });

  it("knows the sender by their E.164 number", async () => {
    wa = await startFakeWhatsApp();
    await wa.says("halo");
    const session = await wa.app.services.sessions.load("whatsapp:+6281234567890");
    expect(session).toMatchObject({ userId: "+6281234567890", phone: "+6281234567890" });
  });

  it("answers an @lid sender in their chat and knows them by the number WhatsApp reveals", async () => {
    wa = await startFakeWhatsApp();
    await wa.receive({ from: "201234567890123@lid", body: "halo", senderNumber: "6281298765432" });
    expect(wa.lastText("201234567890123@lid")).toContain("1. Daftar");
    expect(await wa.app.services.sessions.load("whatsapp:+6281298765432")).not.toBeNull();
  });

  it("shows the staff menu only to a number linked to a staff account", async () => {
    wa = await startFakeWhatsApp({ staffNumbers: ["0812-3456-7890"] });
    await wa.says("menu");
    expect(wa.lastText()).toContain("7. Menu petugas");
    await wa.says("menu", "6281111111111@c.us");
    expect(wa.lastText("6281111111111@c.us")).not.toContain("Menu petugas");
  });

  it("shows the typing indicator while it works", async () => {
    wa = await startFakeWhatsApp();
    await wa.says("halo");
    expect(wa.client.typing).toEqual([defaultChat]);
  });

  it("logs no phone number of the sender, not even inside WhatsApp's message ids", async () => {
    wa = await startFakeWhatsApp();
    const first = await wa.receive({ body: "halo" });
    await wa.receive({ body: "halo", id: first.id });
    await wa.receive({ fromMe: true, body: "halo" });
    expect(wa.logger.entries.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(wa.logger.entries)).not.toMatch(/1234567890/);
  });

  it("ignores groups, status updates, its own messages and messages replayed from before login", async () => {
    wa = await startFakeWhatsApp();
    await wa.receive({ from: "120363025555555555@g.us", body: "halo" });
    await wa.receive({ from: "status@broadcast", isStatus: true });
    await wa.receive({ fromMe: true, body: "halo" });
    await wa.receive({ body: "halo", timestamp: Math.floor(wa.clock.now().getTime() / 1000) - 3600 });
    expect(wa.client.sent).toEqual([]);
    expect(await wa.app.services.sessions.load("whatsapp:+6281234567890")).toBeNull();
  });

  it("refuses a photo that is too large kindly, without downloading it", async () => {
    wa = await startFakeWhatsApp();
    const photo = await wa.receive({
      type: "image",
      media: { mimeType: "image/jpeg", size: 30 * 1024 * 1024 },
      bytes: new Uint8Array(1),
    });
    expect(photo.downloads).toBe(0);
    expect(wa.lastText()).toContain("terlalu besar (maksimal 10 MB)");
  });

  it("tells a user who sends a voice note what it can read", async () => {
    wa = await startFakeWhatsApp();
    await wa.receive({ type: "ptt", body: "" });
    expect(wa.lastText()).toContain("Pesan suara");
  });

  it("registers over WhatsApp, offering the sender's own number for the phone", async () => {
    wa = await startFakeWhatsApp();
    for (const line of ["halo", "daftar", "1", "Ahmad Fauzi 1571 0807 0380 0001"]) await wa.says(line);
    expect(wa.lastText()).toContain("Di *kelurahan* mana Anda tinggal");
    for (const line of ["lbk bandung RT 22 RW 3", "ketua rt", "1,5 juta", "1"]) await wa.says(line);
    expect(wa.lastText()).toContain("HP: 0812-3456-7890 (nomor yang Anda pakai sekarang)");
    expect(wa.lastText()).toContain("\n1. ✅ Kirim pendaftaran");
    await wa.says("kirim");
    const reference = /DFT-[2-9A-HJKMNP-Z]{6}/.exec(wa.lastText())?.[0];
    expect(reference).toBeDefined();
    const [person] = await wa.app.services.people.findByContact({
      channel: "whatsapp",
      userId: "+6281234567890",
    });
    expect(person).toMatchObject({
      reference,
      status: "pending",
      role: "rt_head",
      phone: "+6281234567890",
      contacts: [{ channel: "whatsapp", userId: "+6281234567890" }],
      consent: { channel: "whatsapp", givenBy: "self" },
    });
    expect(wa.errors()).toEqual([]);
  });

  it("takes a death report with a photo", async () => {
    wa = await startFakeWhatsApp();
    await createPeopleSeeder(wa.store).seed({ name: "Ahmad Yani", nik: "1571020101800001" });
    for (const line of [
      "menu",
      "lapor kematian",
      "setuju",
      "1571 0201 0180 0001 Ahmad Yani",
      "kemarin",
      "3",
      "1",
    ])
      await wa.says(line);
    // The heir's number is known from WhatsApp: only name and NIK are asked.
    expect(wa.lastText()).toContain("nama lengkap dan NIK");
    for (const line of ["Siti Aminah 1571 0252 0385 0002", "tidak"]) await wa.says(line);
    expect(wa.lastText()).toContain("HP 0812-3456-7890");
    await wa.says("1");
    const reference = /KLM-[2-9A-HJKMNP-Z]{6}/.exec(wa.textsTo(defaultChat).join("\n"))?.[0];
    expect(reference).toBeDefined();

    const jpeg = new Uint8Array(readFileSync(path.join(__dirname, "../../fixtures/buku-tabungan.jpg")));
    const photo = await wa.sendsPhoto({ bytes: jpeg, caption: "akta kematian" });
    expect(photo.downloads).toBe(1);
    expect(wa.lastText()).toContain(
      "✅ Diterima: *Akta kematian / surat keterangan kematian*. Masih 6 dokumen lagi",
    );
    expect(wa.lastText()).not.toContain("•");
    const claim = await wa.app.services.claims.findByReference(reference!);
    expect(claim).toMatchObject({ received: ["deathCertificate"], heir: { phone: "+6281234567890" } });
    const [stored] = await wa.app.services.claimDocuments.listByClaim(reference!);
    expect(stored).toMatchObject({ type: "deathCertificate", mimeType: "image/jpeg", size: jpeg.length });
    expect(wa.errors()).toEqual([]);
  });

  it("does not download a photo that no flow asks for", async () => {
    wa = await startFakeWhatsApp();
    const photo = await wa.sendsPhoto({ bytes: new Uint8Array([1, 2, 3]) });
    expect(photo.downloads).toBe(0);
    expect(wa.lastText()).toContain("belum paham");
  });
});

describe("WhatsApp channel: sending without being asked", () => {
  let wa: FakeWhatsApp;
  afterEach(async () => wa.channel.stop());

  it("refuses an unsolicited message to someone who never wrote, as 'never wrote'", async () => {
    wa = await startFakeWhatsApp();
    const error: unknown = await wa.app.hub
      .notify({ channel: "whatsapp", userId: "+6281299999999" }, [{ key: "common:welcome" }])
      .catch((e: unknown) => e);
    expect(isAppError(error, "NOT_ALLOWED")).toBe(true);
    expect((error as { details: { reason: string } }).details.reason).toBe("never_wrote");
    expect(wa.client.sent).toEqual([]);
  });

  it("delivers an unsolicited message through the pacer to someone who wrote before", async () => {
    wa = await startFakeWhatsApp();
    await wa.says("halo");
    await wa.app.hub.notify({ channel: "whatsapp", userId: "+6281234567890" }, [{ key: "common:welcome" }]);
    expect(wa.lastText()).toContain("Jamsos Bot");
  });

  it("holds unsolicited messages beyond the per-minute cap but answers a user at once", async () => {
    wa = await startFakeWhatsApp({ maxPerMinute: 1 });
    await wa.says("halo");
    const user = { channel: "whatsapp" as const, userId: "+6281234567890" };
    await wa.app.hub.notify(user, [{ key: "common:welcome" }]);
    const held = wa.app.hub.notify(user, [{ key: "common:help" }]);
    held.catch(() => undefined);
    const before = wa.client.sent.length;
    await wa.says("menu");
    expect(wa.client.sent).toHaveLength(before + 1);
    expect(wa.lastText()).toContain("Apa yang bisa saya bantu?");
  });

  it("says WhatsApp is not connected instead of sending while logged out", async () => {
    wa = await startFakeWhatsApp();
    await wa.says("halo");
    wa.client.emit("disconnected", "CONFLICT");
    const error: unknown = await wa.app.hub
      .notify({ channel: "whatsapp", userId: "+6281234567890" }, [{ key: "common:welcome" }], {
        kind: "reply",
      })
      .catch((e: unknown) => e);
    expect(isAppError(error, "CHANNEL_SEND_FAILED")).toBe(true);
  });
});
