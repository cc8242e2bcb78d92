import { createTestChat } from "../support/test-chat";
import { answerUpToSummary, headNik, registerRtHead, residentNik } from "../support/registration-script";

const wa = { channel: "whatsapp" as const, userId: "+6281299990000", phone: "+6281299990000" };

describe("registration: one person registering themselves", () => {
  it("registers a trader with status pending, a DFT- reference, a consent record and an audit entry", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat, { name: "budi santoso" });
    expect(chat.replies()[0]).toHaveKey("registration:summary.prompt");
    expect(chat.texts()[0]).toContain("NIK: 1571********0001");
    expect(chat.texts()[0]).toContain("Lahir: 7 Maret 1980 (Laki-laki, menurut NIK)");
    await chat.says("1");
    expect(chat.lastReply()).toHaveKey("registration:done.self");
    const [person] = await chat.app.services.people.findByContact({ channel: "terminal", userId: "warga-1" });
    expect(person).toMatchObject({
      status: "pending",
      role: "worker",
      name: "Budi Santoso",
      fundedBy: "self",
      income: 1_000_000,
      phone: "+6281234567890",
      birthDate: "1980-03-07",
      sex: "L",
      flags: [],
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

  it("on WhatsApp takes name and NIK in one message and the sender's number without asking, shown in the summary", async () => {
    const chat = createTestChat(wa);
    for (const line of ["daftar", "ya"]) await chat.says(line);
    await chat.says("Budi Santoso 1571 0807 0380 0001");
    expect(chat.lastReply()).toHaveKey("registration:area.prompt");
    expect((await chat.session())?.flow?.data).toMatchObject({
      name: "Budi Santoso",
      phone: "+6281299990000",
      phoneFromChannel: true,
    });
    for (const line of ["lebak bandung rt 22 rw 3", "pedagang", "ok", "3"]) await chat.says(line);
    expect(chat.texts()[0]).toContain("HP: 0812-9999-0000 (nomor yang Anda pakai sekarang)");
  });

  it("asks Telegram users to share their contact and accepts the shared number", async () => {
    const chat = createTestChat({ channel: "telegram", userId: "777" });
    for (const line of ["daftar", "ya", `Budi Santoso ${headNik}`]) await chat.says(line);
    expect(chat.lastReply()).toMatchObject({
      key: "registration:phone.promptShareButton",
      requestContact: true,
    });
    await chat.sharesContact("6281211112222");
    expect(chat.lastReply()).toHaveKey("registration:area.prompt");
    expect((await chat.session())?.flow?.data).toMatchObject({ phone: "+6281211112222" });
  });

  it("takes a phone typed with the name and NIK, in any order, and does not ask for it again", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", "0812 3456 7890 1571080703800001 siti aminah"]) await chat.says(line);
    expect(chat.lastReply()).toHaveKey("registration:area.prompt");
    expect((await chat.session())?.flow?.data).toMatchObject({
      name: "Siti Aminah",
      phone: "+6281234567890",
    });
  });

  it("asks for the NIK when only the name came, and for the name when only the NIK came", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", "Budi Santoso"]) await chat.says(line);
    expect(chat.lastReply()).toHaveKey("registration:nik.prompt");
    await chat.says(headNik);
    expect(chat.lastReply()).toHaveKey("registration:phone.prompt");

    const other = createTestChat({ userId: "warga-2" });
    for (const line of ["daftar", "ya", headNik]) await other.says(line);
    expect(other.lastReply()).toHaveKey("registration:name.prompt");
    expect(other.texts()[0]).toContain("nama lengkap Anda");
    await other.says("siti aminah");
    expect(other.lastReply()).toHaveKey("registration:phone.prompt");
  });

  it("takes kelurahan and RT/RW in one message, in either order", async () => {
    for (const address of [
      "lebak bandung rt 22 rw 3",
      "RT 22 RW 3 kel. lebak bandung",
      "lbk bandung 022/003",
    ]) {
      const chat = createTestChat();
      for (const line of ["daftar", "ya", `Budi Santoso ${headNik}`, "0812 3456 7890"]) await chat.says(line);
      await chat.says(address);
      expect(chat.keys()).toEqual(["registration:area.found", "registration:occupation.prompt"]);
      expect((await chat.session())?.flow?.data).toMatchObject({
        address: { kecamatan: "Jelutung", kelurahan: "Lebak Bandung", rt: "22", rw: "3" },
      });
    }
  });

  it("asks who pays and which programmes in one question, with the transport discount for an ojek driver", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat, { occupation: "ojek", plan: "" });
    expect(chat.lastReply()).toHaveKey("registration:plan.promptDiscount");
    const text = chat.texts().join("\n");
    // Self-paid ojek driver in March 2026 (transport discount period): JKK+JKM 16.800 → 8.400.
    expect(text).toContain("1. Ajukan ditanggung Pemkot: JKK + JKM (Rp 0)");
    expect(text).toContain("2. Ajukan ditanggung Pemkot + JHT: bayar Rp 20.000/bulan");
    expect(text).toContain("3. Bayar sendiri JKK + JKM: Rp 8.400/bulan");
    expect(text).toContain("4. Bayar sendiri JKK + JKM + JHT: Rp 28.400/bulan");
    await chat.says("gratis");
    expect(chat.texts()[0]).toContain(
      "Program: JKK + JKM (JKK + JKM ditanggung Pemkot setelah diverifikasi)",
    );
    await chat.says("kirim");
    const [person] = await chat.app.services.people.findByContact({ channel: "terminal", userId: "warga-1" });
    expect(person).toMatchObject({ fundedBy: "apbd", programmes: ["JKK", "JKM"], flags: ["apbd_proposed"] });
  });

  it("offers an RT head only whether to add JHT, and records the RT he lives in as the one he leads", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat, { occupation: "ketua rt", plan: "" });
    expect(chat.lastReply()).toHaveKey("registration:plan.promptGroup");
    expect(chat.lastReply()?.choices).toHaveLength(2);
    await chat.says("1");
    expect(chat.texts()[0]).toContain("Pekerjaan: Ketua RT (RT 22/RW 3, Kel. Lebak Bandung)");
    expect(chat.texts().join("\n")).toContain("Ubah RT yang dipimpin");
  });

  it("tells someone registered already at once, without asking for consent", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat);
    await chat.says("kirim");
    const [person] = await chat.app.services.people.findByContact({ channel: "terminal", userId: "warga-1" });
    await chat.says("daftar");
    expect(chat.keys()).toEqual([
      "registration:who.alreadyRegistered",
      "registration:status.pending",
      "menu:main.prompt",
    ]);
    expect(chat.texts()[0]).toContain(person!.reference);
  });

  it("registers in English", async () => {
    const chat = createTestChat();
    await chat.says("english");
    await answerUpToSummary(chat);
    expect(chat.texts()[0]).toContain("Please check your data");
    expect(chat.texts()[0]).toContain("Born: 7 March 1980 (Male, from the NIK)");
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
    for (const line of ["daftar", "ya", "Budi Santoso 1571 0807 0350 0001"]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:age.toConfirm");
    expect(chat.texts()[0]).toContain("sedang dikonfirmasi");
    expect(chat.texts()[0]).toContain("usia Anda 75 tahun");
    expect((await chat.session())?.flow?.data).toMatchObject({ ageToConfirm: true });
  });

  it("refuses under 17 (no e-KTP yet)", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", "Budi Santoso 1571 0801 0110 0001"]) await chat.says(line);
    expect(chat.replies()[0]).toHaveKey("registration:age.tooYoung");
  });

  it("uses the configured age limit", async () => {
    const chat = createTestChat();
    chat.app.services.settings.registrationMaxAge = 80;
    for (const line of ["daftar", "ya", "Budi Santoso 1571 0807 0350 0001"]) await chat.says(line);
    expect(chat.keys()).toEqual(["registration:phone.prompt"]);
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

  it("records a second head of the same RT as a pending replacement", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    chat.as({ userId: "new-head" });
    await answerUpToSummary(chat, { occupation: "ketua rt", name: "Hasan Basri", nik: "1571081203850003" });
    await chat.says("kirim");
    expect(chat.keys()).toContain("registration:done.rtHeadReplacement");
    const [newHead] = await chat.app.services.people.findByContact({
      channel: "terminal",
      userId: "new-head",
    });
    expect(newHead?.flags).toContain("rt_head_replacement_pending");
  });

  it("accepts a NIK from outside Kota Jambi, noting it for staff", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya"]) await chat.says(line);
    await chat.says("Budi Santoso 3171 0107 0380 0001");
    expect(chat.keys()).toEqual(["registration:nik.outsideKotaJambi", "registration:phone.prompt"]);
    expect(chat.texts()[0]).toContain("alamat tinggal Anda sekarang");
  });

  it("keeps a birth date and sex changed in the summary when the NIK differs, flagging it", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat);
    await chat.says("ubah tanggal lahir");
    expect(chat.lastReply()).toHaveKey("registration:birthDate.prompt");
    await chat.says("8 Maret 1980");
    await chat.says("laki-laki");
    expect(chat.texts()[0]).toContain("Lahir: 8 Maret 1980 (Laki-laki)");
    await chat.says("kirim");
    const [person] = await chat.app.services.people.findByContact({ channel: "terminal", userId: "warga-1" });
    expect(person).toMatchObject({ birthDate: "1980-03-08", sex: "L", flags: ["nik_birthdate_mismatch"] });
  });

  it("keeps a name in title case with its particles and titles", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat, { name: "HJ. SITI AMINAH BINTI ABDULLAH", nik: residentNik });
    expect(chat.texts()[0]).toContain("Nama: Hj. Siti Aminah binti Abdullah");
  });
});

describe("registration: leaving and coming back", () => {
  it("continues where the user stopped after a restart of the bot", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", "Budi Santoso"]) await chat.says(line);
    chat.restart();
    await chat.says(headNik);
    expect(chat.lastReply()).toHaveKey("registration:phone.prompt");
    expect((await chat.session())?.flow?.data).toMatchObject({ name: "Budi Santoso" });
  });

  it("keeps every answer when the user goes to the menu and resumes with daftar", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", `Budi Santoso ${headNik}`]) await chat.says(line);
    await chat.says("menu");
    await chat.says("daftar");
    expect(chat.keys()).toEqual(["common:resumed", "registration:phone.prompt"]);
  });
});
