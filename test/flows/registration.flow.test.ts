import { createTestChat } from "../support/test-chat";
import { answerUpToSummary, headNik, registerRtHead } from "../support/registration-script";

describe("registration: happy paths", () => {
  it("registers a trader with status pending, a DFT- reference, a consent record and an audit entry", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat);
    expect(chat.replies()[0]).toHaveKey("registration:summary.prompt");
    expect(chat.texts()[0]).toContain("NIK: 1571********0001");
    await chat.says("1");
    expect(chat.lastReply()).toHaveKey("registration:done.self");
    const [person] = await chat.app.services.people.findByContact({ channel: "terminal", userId: "warga-1" });
    expect(person).toMatchObject({
      status: "pending",
      role: "worker",
      fundedBy: "self",
      income: 1_000_000,
      phone: "+6281234567890",
    });
    expect(chat.texts()[0]).toContain(person!.reference);
    expect(chat.app.services.vault.open(person!.nik)).toBe(headNik);
    expect(await chat.app.services.consents.listFor(person!._id)).toMatchObject([
      { action: "given", givenBy: "self", noticeVersion: "2026-03-v1", channel: "terminal" },
    ]);
    expect(await chat.app.services.audit.list({ target: `person:${person!.reference}` })).toMatchObject([
      { action: "registration.submitted" },
    ]);
  });

  it("keeps the NIK out of the stored session", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat);
    expect(JSON.stringify(await chat.session())).not.toContain(headNik);
  });

  it("offers the WhatsApp sender's number instead of asking for it", async () => {
    const chat = createTestChat({ channel: "whatsapp", userId: "+6281299990000", phone: "+6281299990000" });
    for (const line of ["daftar", "ya", "1", "Budi Santoso", headNik]) await chat.says(line);
    await chat.says("ya");
    expect(chat.lastReply()).toHaveKey("registration:phoneConfirm.prompt");
    expect(chat.texts()[0]).toContain("0812-9999-0000");
    await chat.says("ya");
    expect(chat.lastReply()).toHaveKey("registration:area.kecamatan");
    expect((await chat.session())?.flow?.data).toMatchObject({ phone: "+6281299990000" });
  });

  it("asks Telegram users to share their contact and accepts the shared number", async () => {
    const chat = createTestChat({ channel: "telegram", userId: "777" });
    for (const line of ["daftar", "ya", "1", "Budi Santoso", headNik, "ya"]) await chat.says(line);
    expect(chat.lastReply()).toMatchObject({
      key: "registration:phone.promptShareButton",
      requestContact: true,
    });
    await chat.sharesContact("6281211112222");
    expect(chat.lastReply()).toHaveKey("registration:area.kecamatan");
    expect((await chat.session())?.flow?.data).toMatchObject({ phone: "+6281211112222" });
  });

  it("shows the monthly amount for each programme choice, with the transport discount for an ojek driver", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat, { occupation: "ojek", funding: "2", programme: "2" });
    await chat.says("kembali");
    // Self-paid ojek driver in March 2026 (transport discount period): JKK+JKM 16.800 → 8.400.
    expect(chat.texts().join("\n")).toContain("JKK + JKM: Rp 8.400/bulan");
    expect(chat.texts().join("\n")).toContain("JKK + JKM + JHT: Rp 28.400/bulan (JHT Rp 20.000)");
  });

  it("registers an RT head as Pemkot-funded, and a resident of his RT on their behalf with proxy consent", async () => {
    const chat = createTestChat({ channel: "whatsapp", userId: "+6281234567890", phone: "+6281234567890" });
    await registerRtHead(chat, { phone: "" });
    const [head] = await chat.app.services.people.findByContact({
      channel: "whatsapp",
      userId: "+6281234567890",
    });
    for (const line of ["daftar", "ya", "2"]) await chat.says(line);
    expect(chat.lastReply()).toHaveKey("registration:proxyConsent.prompt");
    for (const line of ["ya", "Siti Aminah", "1571 0845 1290 0002", "ya"]) await chat.says(line);
    expect(chat.lastReply()).toHaveKey("registration:phone.promptResident");
    await chat.says("0813 1111 2222");
    expect(chat.lastReply()).toHaveKey("registration:occupation.promptResident");
    expect(chat.texts().join("\n")).not.toContain("Ketua RT");
    for (const line of ["buruh harian", "ok", "1", "1"]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:summary.promptResident");
    expect(chat.texts()[0]).toContain("RT 22/RW 3, Kel. Lebak Bandung, Kec. Jelutung");
    await chat.says("kirim");
    expect(chat.keys()).toEqual(["registration:done.resident", "registration:done.another"]);
    const [resident] = await chat.app.services.people.findByPhone("+6281311112222");
    expect(resident).toMatchObject({
      name: "Siti Aminah",
      sex: "P",
      contacts: [],
      fundedBy: "apbd",
      consent: { givenBy: "proxy", proxyName: "Budi Santoso" },
      registeredBy: { personId: head!._id },
      flags: ["apbd_proposed"],
    });
    expect(await chat.app.services.consents.listFor(resident!._id)).toMatchObject([
      { action: "given", givenBy: "proxy", proxyName: "Budi Santoso", proxyPersonId: head!._id },
    ]);
  });

  it("registers in English", async () => {
    const chat = createTestChat();
    await chat.says("english");
    await answerUpToSummary(chat);
    expect(chat.texts()[0]).toContain("Please check your data");
    expect(chat.texts()[0]).toContain("Born: 7 March 1980 (Male)");
    await chat.says("1");
    expect(chat.texts()[0]).toMatch(/Registration number: DFT-/);
  });
});

describe("registration: refusals and special cases", () => {
  it("stores nothing without consent and says how to come back", async () => {
    const chat = createTestChat();
    await chat.says("daftar");
    await chat.says("tidak");
    expect(chat.replies()[0]).toHaveKey("registration:consent.declined");
    expect(chat.texts()[0]).toContain("ketik daftar");
    expect(await chat.app.services.people.count({})).toBe(0);
    expect((await chat.session())?.flow).toBeNull();
  });

  it("takes a registration at or over the age limit, saying it is being confirmed and flagging it for staff", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", "1", "Budi Santoso", "1571 0807 0350 0001", "ya"])
      await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:age.toConfirm");
    expect(chat.texts()[0]).toContain("sedang dikonfirmasi");
    expect(chat.texts()[0]).toContain("usia Anda 75 tahun");
    expect((await chat.session())?.flow?.data).toMatchObject({ ageToConfirm: true });
  });

  it("refuses under 17 (no e-KTP yet)", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", "1", "Budi Santoso", "1571 0801 0110 0001", "ya"])
      await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:age.tooYoung");
  });

  it("uses the configured age limit", async () => {
    const chat = createTestChat();
    chat.app.services.settings.registrationMaxAge = 80;
    for (const line of ["daftar", "ya", "1", "Budi Santoso", "1571 0807 0350 0001", "ya"])
      await chat.says(line);
    expect(chat.lastReply()).toHaveKey("registration:phone.prompt");
  });

  it("does not let someone who is not a registered RT head register a resident", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", "2"]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:who.notRtHead");
    expect(chat.lastReply()).toHaveKey("registration:who.prompt");
  });

  it("takes a second registration of the same NIK for staff to decide, revealing nothing, and flags both", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    chat.as({ userId: "someone-else" });
    await answerUpToSummary(chat, { name: "Orang Lain", phone: "0813 9999 0000" });
    await chat.says("kirim");
    expect(chat.replies()[0]).toHaveKey("registration:done.self");
    expect(chat.texts().join("\n")).not.toContain("Budi");
    expect(chat.texts().join("\n")).not.toContain(reference);
    const existing = await chat.app.services.people.findByReference(reference);
    expect(existing?.flags).toContain("duplicate_attempt");
    const [review] = await chat.app.services.people.search({ text: "orang lain" });
    expect(review).toMatchObject({ status: "pending", duplicateOf: existing?._id });
    expect(review?.flags).toContain("duplicate_nik");
    expect(chat.texts().join("\n")).toContain(review?.reference);
    expect(await chat.app.services.audit.list({ target: `person:${reference}` })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: "registration.duplicate_nik",
          actor: "terminal:someone-else",
          details: { duplicate: review?.reference },
        }),
      ]),
    );
    expect((await chat.app.services.people.findByNikHash(chat.app.services.vault.hash(headNik)))?._id).toBe(
      existing?._id,
    );
  });

  it("tells a registered user they are registered already", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    for (const line of ["daftar", "ya", "1"]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:who.alreadyRegistered");
    expect(chat.texts()[0]).toContain(reference);
  });

  it("records a second head of the same RT as a pending replacement", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    chat.as({ userId: "new-head" });
    await registerRtHead(chat, { name: "Hasan Basri", nik: "1571081203850003" });
    expect(chat.keys()).toContain("registration:done.rtHeadReplacement");
    const [newHead] = await chat.app.services.people.findByContact({
      channel: "terminal",
      userId: "new-head",
    });
    expect(newHead?.flags).toContain("rt_head_replacement_pending");
  });

  it("accepts a NIK from outside Kota Jambi, noting it for staff", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", "1", "Budi Santoso"]) await chat.says(line);
    await chat.says("3171 0107 0380 0001");
    expect(chat.keys()).toEqual(["registration:nik.outsideKotaJambi", "registration:nikConfirm.prompt"]);
  });

  it("keeps the user's own birth date and sex when the NIK differs, flagging it", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", "1", "Budi Santoso", headNik, "tidak"]) await chat.says(line);
    expect(chat.lastReply()).toHaveKey("registration:birthDate.prompt");
    await chat.says("8 Maret 1980");
    await chat.says("laki-laki");
    for (const line of ["0812 3456 7890", "lebak bandung", "22/3", "pedagang", "ok", "2", "1", "kirim"])
      await chat.says(line);
    const [person] = await chat.app.services.people.findByContact({ channel: "terminal", userId: "warga-1" });
    expect(person).toMatchObject({ birthDate: "1980-03-08", sex: "L", flags: ["nik_birthdate_mismatch"] });
  });
});

describe("registration: leaving and coming back", () => {
  it("continues where the user stopped after a restart of the bot", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", "1", "Budi Santoso"]) await chat.says(line);
    chat.restart();
    await chat.says(headNik);
    expect(chat.lastReply()).toHaveKey("registration:nikConfirm.prompt");
    expect((await chat.session())?.flow?.data).toMatchObject({ name: "Budi Santoso" });
  });

  it("keeps every answer when the user goes to the menu and resumes with daftar", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", "1", "Budi Santoso", headNik]) await chat.says(line);
    await chat.says("menu");
    await chat.says("daftar");
    expect(chat.keys()).toEqual(["common:resumed", "registration:nikConfirm.prompt"]);
  });
});
