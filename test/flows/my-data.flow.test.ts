import { createTestChat } from "../support/test-chat";
import { headNik, registerResident, registerRtHead, residentNik } from "../support/registration-script";

describe("data saya", () => {
  it("shows my registration with the NIK masked", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    await chat.says("data saya");
    expect(chat.keys()).toEqual(["myData:view", "registration:status.pending", "myData:home.prompt"]);
    const text = chat.texts().join("\n");
    expect(text).toContain(reference);
    expect(text).toContain("NIK: 1571********0001");
    expect(text).not.toContain("1571080703800001");
  });

  it("shows the KPJ number and cover dates once BPJS's list was imported", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    const { people, vault } = chat.app.services;
    const person = await people.findByReference(reference);
    await people.update(
      person?._id ?? "",
      {
        kpj: vault.seal("25012345678"),
        membershipSince: "2025-02-01",
        membershipSource: "bpjs_import",
        paidThrough: "2026-03",
        coverageEndsAt: new Date("2026-07-01T00:00:00+07:00"),
      },
      new Date(),
    );
    await chat.says("data saya");
    const text = chat.texts().join("\n");
    expect(text).toContain("No. KPJ: 25012345678");
    expect(text).toContain("Peserta BPJS sejak: 1 Februari 2025");
    expect(text).toContain("Iuran dibayar s.d.: Maret 2026");
    expect(text).toContain("Perlindungan s.d.: 30 Juni 2026");
  });

  it("corrects the name, re-validated and audited", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    for (const line of ["data saya", "1", "nama"]) await chat.says(line);
    await chat.says("B4di");
    expect(chat.replies()[0]).toHaveKey("registration:name.badCharacters");
    await chat.says("Budi Santosa");
    expect(chat.keys()[0]).toBe("myData:corrected");
    expect(chat.texts().join("\n")).toContain("Nama: Budi Santosa");
    expect(await chat.app.services.audit.list({ target: `person:${reference}` })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "person.corrected", details: { fields: ["name"] } }),
      ]),
    );
  });

  it("says so when a corrected income below the minimum is recorded as the minimum", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    for (const line of ["data saya", "1", "penghasilan"]) await chat.says(line);
    await chat.says("500rb");
    expect(chat.keys().slice(0, 2)).toEqual(["registration:income.raised", "myData:corrected"]);
    expect(chat.texts().join("\n")).toContain("Rp 1.000.000");
  });

  it("corrects the address with a typed kelurahan", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    for (const line of ["data saya", "1", "alamat", "kel. payo lebar", "RT 5 RW 1"]) await chat.says(line);
    expect(chat.texts().join("\n")).toContain("RT 5/RW 1, Kel. Payo Lebar, Kec. Jelutung");
  });

  it("deletes a pending registration when consent is withdrawn, recording it for staff", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    const [person] = await chat.app.services.people.findByContact({ channel: "terminal", userId: "warga-1" });
    for (const line of ["data saya", "2", "ya"]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("myData:withdraw.deleted");
    expect(await chat.app.services.people.findByReference(reference)).toBeNull();
    expect(await chat.app.services.consents.listFor(person!._id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: "withdrawn" })]),
    );
    expect(await chat.app.services.audit.list({ target: `person:${reference}` })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: "person.deletion_requested",
          details: expect.objectContaining({ outcome: "deleted" }),
        }),
      ]),
    );
  });

  it("anonymises a verified registration and says BPJS membership is separate", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    const person = await chat.app.services.people.findByReference(reference);
    await chat.app.services.people.update(person!._id, { status: "active" }, chat.clock.now());
    for (const line of ["data saya", "2", "ya"]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("myData:withdraw.anonymised");
    expect(await chat.app.services.people.findByReference(reference)).toMatchObject({
      status: "deleted",
      name: "",
    });
  });

  it("keeps the data when a claim needs it, and says so", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    chat.app.services.claimsCheck = { hasClaimFor: async () => true };
    for (const line of ["data saya", "2", "ya"]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("myData:withdraw.keptForClaim");
    expect(await chat.app.services.people.findByReference(reference)).toMatchObject({
      name: "Budi Santoso",
      flags: expect.arrayContaining(["deletion_requested"]),
    });
  });

  it("lets a resident registered by the RT head take the record over from their own WhatsApp number", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    await registerResident(chat, { phone: "0813 1111 2222" });
    chat.as({ userId: "+6281311112222", channel: "whatsapp", phone: "+6281311112222" });
    await chat.says("data saya");
    expect(chat.lastReply()).toHaveKey("myData:claim.prompt");
    expect(chat.texts().join("\n")).toContain("Ketua RT Budi Santoso");
    await chat.says("ya");
    expect(chat.keys()).toEqual([
      "registration:takeover.done",
      "myData:view",
      "registration:status.draft",
      "myData:home.prompt",
    ]);
    const [resident] = await chat.app.services.people.findByPhone("+6281311112222");
    expect(resident?.contacts).toEqual([{ channel: "whatsapp", userId: "+6281311112222" }]);
    expect(await chat.app.services.consents.listFor(resident!._id)).toMatchObject([
      { action: "given", givenBy: "proxy" },
      { action: "confirmed", givenBy: "self", actor: "whatsapp:+6281311112222" },
    ]);
  });

  it("lets a resident without the registered phone take over with NIK and the reference the RT head got", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    const reference = await registerResident(chat);
    chat.as({ userId: "tg-55", channel: "telegram" });
    await chat.says("data saya");
    expect(chat.lastReply()).toHaveKey("myData:none.prompt");
    for (const line of ["1", "1571084512900002"]) await chat.says(line);
    expect(chat.lastReply()).toHaveKey("registration:takeover.askReference");
    await chat.says("5/12/1990");
    expect(chat.replies()[0]).toHaveKey("registration:takeover.notReference");
    await chat.says("DFT-AAAAAA");
    expect(chat.replies()[0]).toHaveKey("registration:takeover.mismatch");
    await chat.says(reference.toLowerCase().replace("-", " "));
    expect(chat.replies()[0]).toHaveKey("registration:takeover.done");
    await chat.says("data saya");
    expect(chat.texts().join("\n")).toContain("Didaftarkan oleh Ketua RT Budi Santoso");
  });

  it("tells a resident who starts registering how to take their record over, without saying it exists", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    await registerResident(chat);
    chat.as({ userId: "resident-own" });
    for (const line of ["daftar", "ya"]) await chat.says(line);
    expect(chat.texts().join("\n")).toContain("buka Data saya untuk mengambil alih");
    await chat.says("Siti Aminah 1571084512900002");
    expect(chat.keys()).toEqual(["registration:phone.prompt"]);
  });

  it("never hands over a record someone already uses for its NIK alone", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    const reference = await registerResident(chat);
    chat.as({ userId: "resident-own" });
    for (const line of ["data saya", "1", residentNik, reference]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:takeover.done");
    for (const [userId, nik] of [
      ["stranger-1", headNik],
      ["stranger-2", residentNik],
    ] as const) {
      chat.as({ userId, channel: "telegram" });
      for (const line of ["data saya", "1", nik]) await chat.says(line);
      expect(chat.keys()).toEqual(["registration:takeover.askReference"]);
      await chat.says("7/3/1980");
      expect(chat.keys()).not.toContain("registration:takeover.done");
    }
    const [head] = await chat.app.services.people.search({ text: "budi" });
    expect(head?.contacts).toHaveLength(1);
    const [resident] = await chat.app.services.people.search({ text: "siti" });
    expect(resident?.contacts).toEqual([{ channel: "terminal", userId: "resident-own" }]);
  });

  it("does not hand over a record for the birth date the NIK itself reveals", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    await registerResident(chat);
    chat.as({ userId: "stranger" });
    for (const line of ["data saya", "1", "1571084512900002", "5/12/1990"]) await chat.says(line);
    expect(chat.keys()).not.toContain("registration:takeover.done");
    const [resident] = await chat.app.services.people.search({ text: "siti" });
    expect(resident?.contacts).toEqual([]);
  });

  it("stops after three wrong references and flags the record", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    await registerResident(chat);
    chat.as({ userId: "stranger" });
    for (const line of ["data saya", "1", "1571084512900002", "DFT-AAAAAA", "DFT-BBBBBB", "DFT-CCCCCC"])
      await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:takeover.failed");
    const [resident] = await chat.app.services.people.search({ text: "siti" });
    expect(resident?.flags).toContain("takeover_failed");
    expect(resident?.contacts).toEqual([]);
  });
});
