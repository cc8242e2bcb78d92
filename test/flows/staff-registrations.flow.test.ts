import { createTestChat } from "../support/test-chat";
import { registerRtHead } from "../support/registration-script";

describe("staff review of registrations", () => {
  it("is not available to citizens", async () => {
    const chat = createTestChat();
    await chat.says("staff");
    await chat.says("7");
    expect(chat.replies()[0]).toHaveKey("common:choice.invalid");
    expect(chat.texts().join("\n")).not.toContain("Verifikasi pendaftaran");
    expect((await chat.session())?.flow).toBeNull();
  });

  it("stops a staff flow half-way once the user is no longer staff", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    chat.as({ userId: "petugas-1", isStaff: true });
    for (const line of ["menu", "7", "1", "1"]) await chat.says(line);
    expect(chat.texts().join("\n")).toContain(reference);
    chat.as({ userId: "petugas-1", isStaff: false });
    await chat.says("1");
    expect(chat.texts().join("\n")).not.toContain("1571********0001");
    expect(chat.keys().some((k) => k.startsWith("staffRegistrations:"))).toBe(false);
    expect((await chat.session())?.flow?.id).not.toBe("staffRegistrations");
  });

  it("lists pending registrations, shows one with the NIK masked, verifies it, tells the person and audits it", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    chat.as({ userId: "petugas-1", isStaff: true });
    for (const line of ["menu", "7", "1"]) await chat.says(line);
    expect(chat.lastReply()).toHaveKey("staffRegistrations:menu.prompt");
    await chat.says("1");
    expect(chat.texts().join("\n")).toContain(`${reference} · Budi Santoso · Lebak Bandung RT 22`);
    await chat.says("1");
    const shown = chat.texts().join("\n");
    expect(shown).toContain("1571********0001");
    expect(shown).not.toContain("1571080703800001");
    await chat.says("verifikasi");
    await chat.says("ya");
    expect(chat.replies()[0]).toHaveKey("staffRegistrations:review.verified");
    expect(await chat.app.services.people.findByReference(reference)).toMatchObject({
      status: "active",
      verifiedBy: "terminal:petugas-1",
    });
    expect(chat.pushed("warga-1").at(-1)?.messages[0]?.text).toContain(`${reference} sudah diverifikasi`);
    const actions = (await chat.app.services.audit.list({ target: `person:${reference}` })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["person.viewed", "registration.verified"]));
  });

  it("confirms a new RT head and makes the previous head inactive", async () => {
    const chat = createTestChat();
    const oldRef = await registerRtHead(chat);
    chat.as({ userId: "new-head" });
    const newRef = await registerRtHead(chat, { name: "Hasan Basri", nik: "1571081203850003" });
    chat.as({ userId: "petugas-1", isStaff: true });
    for (const line of ["staff", "1", "2", newRef, "1", "ya"]) await chat.says(line);
    expect(chat.texts()[0]).toContain(`Ketua RT sebelumnya dicatat tidak aktif: ${oldRef} (Budi Santoso).`);
    expect(await chat.app.services.people.findByReference(oldRef)).toMatchObject({
      status: "inactive",
      flags: expect.arrayContaining(["rt_head_replaced"]),
    });
    const replaced = await chat.app.services.people.findByReference(newRef);
    expect(replaced?.status).toBe("active");
    expect(replaced?.flags).not.toContain("rt_head_replacement_pending");
  });

  it("searches by kelurahan and RT, and rejects with a note that the person receives", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    chat.as({ userId: "petugas-1", isStaff: true });
    for (const line of ["staff", "1", "2", "lebak bandung rt 22", "1", "tolak", "Foto KTP belum jelas"])
      await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("staffRegistrations:review.rejected");
    expect(await chat.app.services.people.findByReference(reference)).toMatchObject({
      status: "rejected",
      reviewNote: "Foto KTP belum jelas",
    });
    expect(chat.pushed("warga-1").at(-1)?.messages[0]?.text).toContain("Foto KTP belum jelas");
  });

  it("finds by name, and says so when nothing matches", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    chat.as({ userId: "petugas-1", isStaff: true });
    for (const line of ["staff", "1", "2", "budi"]) await chat.says(line);
    expect(chat.texts().join("\n")).toContain("Budi Santoso");
    await chat.says("kembali");
    await chat.says("zzzz");
    expect(chat.replies()[0]).toHaveKey("staffRegistrations:search.none");
  });
});
