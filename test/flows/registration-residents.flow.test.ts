import { createTestChat, type TestChat } from "../support/test-chat";
import { registerRtHead, residentNik } from "../support/registration-script";
import { verifyRegistration } from "../../src/flows/staff-registrations/review";

const head = { channel: "whatsapp" as const, userId: "+6281234567890", phone: "+6281234567890" };
const jumadi = "Jumadi 1571 0205 0475 0002";

/** Pak Budi Santoso, head of RT 22/RW 3 Lebak Bandung, registered on WhatsApp and verified by staff. */
async function verifiedHead(): Promise<TestChat> {
  const chat = createTestChat(head);
  const reference = await registerRtHead(chat, { phone: "" });
  const person = await chat.app.services.people.findByReference(reference);
  await chat.app.services.people.update(person!._id, { status: "active" }, chat.clock.now());
  return chat;
}

async function registerJumadi(chat: TestChat, lines = [jumadi, "tidak ada", "pedagang", "1 juta", "1"]) {
  await chat.says("daftar");
  await chat.says("ya");
  for (const line of lines) await chat.says(line);
}

describe("an RT head registering residents", () => {
  it("goes straight to his residents, with a short consent statement and the notice once per conversation", async () => {
    const chat = await verifiedHead();
    await chat.says("daftar");
    expect(chat.keys()).toEqual(["registration:residentConsent.prompt"]);
    expect(chat.texts()[0]).toContain("RT 22/RW 3, Kel. Lebak Bandung");
    expect(chat.lastReply()?.choices?.map((c) => c.label)).toEqual([
      "registration:residentConsent.agree",
      "registration:residentConsent.decline",
    ]);
    await chat.says("privasi");
    expect(chat.keys()).toEqual(["registration:consent.notice", "registration:residentConsent.prompt"]);
  });

  it("shows the full notice to an RT head who has not seen it in this conversation", async () => {
    const chat = await verifiedHead();
    chat.as({ userId: "+6281234567890", channel: "whatsapp", phone: "+6281234567890" });
    const session = await chat.session();
    await chat.app.services.sessions.save({ ...session!, context: {}, version: session!.version + 1 });
    await chat.says("daftar");
    expect(chat.keys()).toEqual(["registration:consent.notice", "registration:residentConsent.prompt"]);
  });

  it("asks everything about the resident in the third person with the resident's name", async () => {
    const chat = await verifiedHead();
    await chat.says("daftar");
    await chat.says("ya");
    expect(chat.lastReply()).toHaveKey("registration:identity.promptResident");
    await chat.says(jumadi);
    expect(chat.texts()[0]).toContain("Tulis *nomor HP* Pak Jumadi".replace(/\*/g, ""));
    await chat.says("tidak ada");
    expect(chat.texts()[0]).toContain("Apa pekerjaan utama Pak Jumadi?");
    expect(chat.texts().join("\n")).not.toContain("Ketua RT");
    await chat.says("pedagang");
    expect(chat.texts()[0]).toContain("Berapa penghasilan Pak Jumadi rata-rata per bulan?");
    await chat.says("1 juta");
    expect(chat.texts()[0]).toContain("Siapa yang membayar iuran Pak Jumadi");
    await chat.says("1");
    expect(chat.texts()[0]).toContain("Periksa data Pak Jumadi");
    expect(chat.texts()[0]).toContain("Yang dibayar Pak Jumadi: Rp 0/bulan");
    expect(chat.texts()[0]).toContain("RT 22/RW 3, Kel. Lebak Bandung, Kec. Jelutung");
    expect(chat.texts().join("\n")).not.toMatch(/\bAnda\b/);
  });

  it("uses Bu with a woman's name and the resident's address in the note on a NIK from elsewhere", async () => {
    const chat = await verifiedHead();
    await chat.says("daftar");
    await chat.says("ya");
    await chat.says("siti aminah 3171 0845 1290 0002");
    expect(chat.keys()).toEqual(["registration:nik.outsideKotaJambi", "registration:phone.promptResident"]);
    expect(chat.texts()[0]).toContain("alamat tinggal Bu Siti Aminah sekarang");
    expect(chat.texts()[0]).toContain("nomor HP Bu Siti Aminah");
  });

  it("saves the resident with the resident's own consent record, says the result in one line and offers the next one", async () => {
    const chat = await verifiedHead();
    const [rtHead] = await chat.app.services.people.findByContact({
      channel: "whatsapp",
      userId: head.userId,
    });
    await registerJumadi(chat, ["jumadi 1571 0205 0475 0002 0813 1111 2222", "pedagang", "1 juta", "1"]);
    await chat.says("kirim");
    expect(chat.keys()).toEqual(["registration:resident.registered", "registration:residentConsent.another"]);
    const [resident] = await chat.app.services.people.findByPhone("+6281311112222");
    expect(chat.texts()[0]).toContain(`Pak Jumadi terdaftar: ${resident!.reference}`);
    expect(resident).toMatchObject({
      status: "pending",
      name: "Jumadi",
      sex: "L",
      contacts: [],
      address: { kelurahan: "Lebak Bandung", rt: "22", rw: "3" },
      consent: { givenBy: "proxy", proxyName: "Budi Santoso", noticeVersion: "2026-03-v1" },
      registeredBy: { personId: rtHead!._id },
    });
    expect(await chat.app.services.consents.listFor(resident!._id)).toMatchObject([
      { action: "given", givenBy: "proxy", proxyName: "Budi Santoso", proxyPersonId: rtHead!._id },
    ]);
    await chat.says("ya");
    expect(chat.lastReply()).toHaveKey("registration:identity.promptResident");
  });

  it("ends with thanks and the menu when he has no more residents", async () => {
    const chat = await verifiedHead();
    await registerJumadi(chat);
    await chat.says("kirim");
    await chat.says("tidak");
    expect(chat.keys()).toEqual(["registration:residentConsent.finished", "menu:main.prompt"]);
  });

  it("repeats the last resident's result when asked about it, instead of the RT head's own registration", async () => {
    const chat = await verifiedHead();
    await registerJumadi(chat);
    await chat.says("kirim");
    await chat.says("Jadi Pak Jumadi sudah terdaftar ya?");
    expect(chat.keys()).toEqual(["registration:resident.registered", "registration:residentConsent.another"]);
  });

  it("says a resident he registered before is registered, with the number, and goes on to the next one", async () => {
    const chat = await verifiedHead();
    await registerJumadi(chat);
    await chat.says("kirim");
    const [first] = await chat.app.services.people.search({ text: "jumadi" });
    await chat.says("ya");
    await chat.says("Jumadi 1571 0205 0475 0002");
    expect(chat.keys()).toEqual(["registration:resident.known", "registration:residentConsent.another"]);
    expect(chat.texts()[0]).toContain(`Pak Jumadi sudah Anda daftarkan sebelumnya: ${first!.reference}`);
    expect(await chat.app.services.people.count({ text: "jumadi" })).toBe(1);
  });

  it("re-asks when the RT head types his own NIK as the resident's", async () => {
    const chat = await verifiedHead();
    await chat.says("daftar");
    await chat.says("ya");
    await chat.says("Jumadi 1571 0807 0380 0001");
    expect(chat.keys()).toEqual(["registration:nik.ownNikAsResident", "registration:nik.promptResident"]);
    expect((await chat.session())?.flow?.data).toMatchObject({ name: "Jumadi" });
  });

  it("does not tell an RT head that a NIK is registered by someone else", async () => {
    const chat = await verifiedHead();
    chat.as({ userId: "siti" });
    await chat.says("daftar");
    await chat.says("ya");
    for (const line of [
      `Siti Aminah ${residentNik}`,
      "0813 5555 6666",
      "lebak bandung 22/3",
      "pedagang",
      "ok",
      "3",
      "kirim",
    ])
      await chat.says(line);
    chat.as(head);
    await registerJumadi(chat, [`Siti Aminah ${residentNik}`, "tidak ada", "pedagang", "ok", "1"]);
    await chat.says("kirim");
    expect(chat.keys()).toEqual(["registration:resident.registered", "registration:residentConsent.another"]);
    const copies = await chat.app.services.people.search({ text: "siti aminah" });
    expect(copies.map((p) => p.flags.includes("duplicate_nik")).sort()).toEqual([false, true]);
  });

  it("keeps residents of an RT head who is not verified yet as drafts, which staff verification releases", async () => {
    const chat = createTestChat(head);
    await registerRtHead(chat, { phone: "" });
    await chat.says("daftar");
    expect(chat.keys()).toEqual([
      "registration:residentConsent.draftNote",
      "registration:residentConsent.prompt",
    ]);
    for (const line of ["ya", jumadi, "tidak ada", "pedagang", "1 juta", "1", "kirim"]) await chat.says(line);
    expect(chat.keys()).toEqual(["registration:resident.draft", "registration:residentConsent.another"]);
    const [draft] = await chat.app.services.people.search({ text: "jumadi" });
    expect(draft?.status).toBe("draft");
    expect(await chat.app.services.people.count({ status: ["pending", "active"] })).toBe(1);
    for (const line of ["tidak", "warga saya"]) await chat.says(line);
    expect(chat.texts().join("\n")).toContain(`Jumadi (1571********0002): 📝 draf (${draft!.reference})`);
    const [rtHead] = await chat.app.services.people.findByContact({
      channel: "whatsapp",
      userId: head.userId,
    });
    const outcome = await verifyRegistration(chat.app.services, rtHead!._id, "staff", chat.clock.now());
    expect(outcome).toMatchObject({ type: "done", drafts: 1 });
    expect((await chat.app.services.people.findById(draft!._id))?.status).toBe("pending");
  });

  it("offers to register residents right after an RT head's own registration", async () => {
    const chat = createTestChat(head);
    for (const line of [
      "daftar",
      "ya",
      "Budi Santoso 1571 0807 0380 0001",
      "lebak bandung rt 22 rw 3",
      "ketua rt",
      "ok",
      "1",
    ])
      await chat.says(line);
    await chat.says("kirim");
    expect(chat.keys()).toEqual([
      "registration:done.self",
      "registration:residentConsent.draftNote",
      "registration:residentConsent.offer",
    ]);
    await chat.says("tidak");
    expect(chat.keys()).toEqual(["registration:residentConsent.finished", "menu:main.prompt"]);
  });
});
