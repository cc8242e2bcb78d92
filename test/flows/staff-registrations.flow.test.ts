import { createTestChat } from "../support/test-chat";
import { answerUpToSummary, registerResident, registerRtHead } from "../support/registration-script";

describe("staff review of registrations", () => {
  it("is not available to citizens", async () => {
    const chat = createTestChat();
    await chat.says("staff");
    await chat.says("7");
    expect(chat.keys().some((k) => k.startsWith("staffRegistrations:"))).toBe(false);
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

  it("shows a trader's registration in plain words: no internal codes, no RT-head counts", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat, { plan: "1" });
    await chat.says("kirim");
    chat.as({ userId: "petugas-1", isStaff: true });
    for (const line of ["menu", "7", "1", "1", "1"]) await chat.says(line);
    const shown = chat.texts().join("\n");
    expect(shown).toContain("(menunggu verifikasi)");
    expect(shown).toContain("Diusulkan ditanggung Pemkot (pekerja rentan): periksa kriteria dan kuota");
    expect(shown).toContain("Masuk lewat: Terminal");
    expect(shown).not.toMatch(/apbd_proposed|pending|Tanda:/);
    for (const line of ["verifikasi", "ya"]) await chat.says(line);
    expect(chat.keys()).toEqual(["staffRegistrations:review.verified", "staffRegistrations:menu.prompt"]);
    expect(chat.texts().join("\n")).not.toContain("Ketua RT sebelumnya");
  });

  it("shows an unverified RT head with the residents he registered as drafts, and releases them on verification", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    const resident = await registerResident(chat);
    expect(await chat.app.services.people.count({ status: "pending" })).toBe(1);
    chat.as({ userId: "petugas-1", isStaff: true });
    for (const line of ["menu", "7", "1", "1"]) await chat.says(line);
    expect(chat.texts().join("\n")).not.toContain(resident);
    await chat.says("1");
    const shown = chat.texts().join("\n");
    expect(shown).toContain("Warga yang ia daftarkan: 1 (draf: 1");
    expect(shown).toContain(`${resident} · Siti Aminah · draf`);
    for (const line of ["verifikasi", "ya"]) await chat.says(line);
    expect(chat.texts().join("\n")).toContain(
      "1 warga yang ia daftarkan sebagai draf kini menunggu verifikasi.",
    );
    await chat.says("1");
    expect(chat.texts().join("\n")).toContain(`${resident} · Siti Aminah · Lebak Bandung RT 22`);
    await chat.says("1");
    expect(chat.texts().join("\n")).toContain(
      `Didaftarkan oleh Ketua RT Budi Santoso (${reference}, aktif).`,
    );
  });
});
