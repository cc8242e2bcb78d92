/** The examples of issue 19 ("understanding what people actually type"), each through the real bot. */
import { createTestChat, createTestClock, type TestChat } from "../support/test-chat";
import { answerUpToSummary, registerRtHead } from "../support/registration-script";

const text = (chat: TestChat) => chat.texts().join("\n");
async function ask(question: string, chat = createTestChat()): Promise<TestChat> {
  await chat.says("menu");
  await chat.says(question);
  return chat;
}

describe("Jambi Malay, typos and joined words", () => {
  it.each([
    [
      "awak ni buruh harian lepas, dak punyo gaji tetap, biso daftar dak?",
      ["eligibility:askNik.prompt", "faq:requirements.answer"],
    ],
    ["aku rt 05, ado 10 warga nak didaftarke, musti ngapo", ["faq:rtRegistersResidents.answer"]],
    ["brpiuran", ["faq:contribution.answer"]],
    ["caro daftar cak mano", ["faq:howToRegister.answer"]],
  ])("answers %p", async (question, keys) => {
    const chat = await ask(question);
    expect(chat.keys().some((k) => keys.includes(k))).toBe(true);
  });

  it("gives condolences and starts the death report for a widow's question, never a bare figure", async () => {
    const chat = await ask("bini awak meninggal kemaren karena sakit jantung, dapat santunan berapo");
    expect(chat.keys()).toContain("deathReport:consent.condolences");
  });

  it.each([
    "suami sy udh meninggal bulan lalu, santunannya berapa ya",
    "my father passed away last week, how much does the family get",
  ])("starts the death report when a death is told as having happened: %p", async (question) => {
    const chat = await ask(question);
    expect(chat.keys()).toContain("deathReport:consent.condolences");
  });

  it.each(["kalau suami meninggal dapat berapa", "if my husband dies how much do we get"])(
    "answers a death asked about as a case with the benefit and its conditions, no report: %p",
    async (question) => {
      const chat = await ask(question);
      expect(chat.keys()).not.toContain("deathReport:consent.condolences");
      expect(chat.keys()).toContain("faq:jkmBenefit.answer");
    },
  );

  it("declines the weather in Kota Jambi instead of asking for a number", async () => {
    const chat = await ask("besok hujan gk di kota jambi");
    expect(chat.keys()).toEqual(["questions:outOfScope", "menu:main.prompt"]);
  });
});

describe("long, polite and two-part messages", () => {
  it("answers an RT head's greeting-context-question message with who pays", async () => {
    const chat = await ask(
      "Selamat siang Pak, saya ketua RT 3 di Talang Banjar, mau tanya iuran saya ini sudah dibayar Pemkot atau belum ya, soalnya belum ada kartu. Terima kasih",
    );
    expect(
      chat.keys().some((k) => k.startsWith("faq:whoPays") || k.startsWith("questions:registrationStatus")),
    ).toBe(true);
  });

  it("gives a widow's run-on message condolences and the death report", async () => {
    const chat = await ask(
      "assalamualaikum pak saya mau lapor suami saya meninggal dunia kemarin malam di rumah karena sakit dia ketua rt 07 di kelurahan payo lebar saya tidak tahu harus urus apa dan apakah dapat santunan",
    );
    expect(chat.keys()).toEqual(
      expect.arrayContaining(["questions:greeting.salam", "deathReport:consent.condolences"]),
    );
  });

  it("answers both questions of a two-question message", async () => {
    const chat = await ask("syaratnya apa aja? terus bayar iurannya dimana?");
    expect(chat.keys()).toEqual(
      expect.arrayContaining(["faq:requirements.answer", "faq:paymentChannels.answer"]),
    );
  });
});

describe("missing topics and routing", () => {
  it.each([
    ["kalau kecelakaan kerja dapat apa saja", "faq:jkkBenefits.answer"],
    ["klaim jkk berapa lama cairnya", "faq:jkkPaymentTime.answer"],
    ["bayar iuran dimana", "faq:paymentChannels.answer"],
    ["jkp untuk bpu ada ga", "faq:jkpForBpu.answer"],
    ["anak magang bisa ikut bpjs tk?", "faq:interns.answer"],
    ["apa itu bpjs ketenagakerjaan", "faq:whatIsBpjsTk.answer"],
    ["nomor layanan masyarakat", "faq:contacts.answer"],
    ["apa syarat klaim jkm", "faq:claimDocuments.answer"],
    ["apa syarat klaim ahli waris", "faq:claimDocuments.answer"],
    ["kalau meninggal kecelakaan kerja dapat apa", "faq:jkkDeath.answer"],
    ["berapa santunan jkk", "faq:jkkDeath.answer"],
    ["siapa yang bayar iuran", "faq:whoPays.answer"],
    ["iuran dibayar siapa", "faq:whoPays.answer"],
  ])("answers %p with %p", async (question, key) => {
    const chat = await ask(question);
    expect(chat.keys()).toContain(key);
  });

  it("never answers 'ini gratis kan?' with a bare 'Tidak'", async () => {
    const chat = await ask("ini gratis kan?");
    expect(chat.keys()).toContain("faq:whoPays.answer");
    expect(text(chat)).not.toMatch(/^Tidak\b/m);
    expect(text(chat)).toContain("Rp 0");
  });

  it("states JKK and JKM side by side when a death answer mentions an accident", async () => {
    const chat = await ask("santunan kematian kalau kecelakaan berapa");
    expect(text(chat)).toContain("48");
    expect(text(chat)).toContain("Rp 42.000.000");
  });
});

describe("answers that depend on who asks and when", () => {
  it("tells a Pemkot-funded RT head Rp 0 and who pays", async () => {
    const chat = createTestChat();
    await registerRtHead(chat);
    await chat.says("iuran nya brp?");
    expect(chat.keys()).toEqual(["faq:contribution.apbd"]);
    expect(text(chat)).toContain("Rp 0");
  });

  it("tells a self-paying ojek driver mid-registration the discounted amount and its end date", async () => {
    const chat = createTestChat();
    await answerUpToSummary(chat, { occupation: "ojek", plan: "" });
    await chat.says("iuran nya brp?");
    expect(text(chat)).toContain("Rp 8.400");
    expect(text(chat)).toContain("Maret 2027");
  });

  it("gives the normal amount when asked for the normal amount", async () => {
    const chat = await ask("berapa iuran normal");
    expect(chat.keys()).toEqual(["faq:contribution.answer"]);
    expect(text(chat)).toContain("Rp 16.800");
  });

  it("states Rp 42 juta with its conditions", async () => {
    const chat = await ask("berapa santunan kematian");
    expect(text(chat)).toContain("Rp 42.000.000");
    expect(text(chat)).toContain("3 bulan berturut-turut");
  });

  it("says the discount has ended when asked in June 2027", async () => {
    const chat = createTestChat({ clock: createTestClock("2027-06-10T09:00:00+07:00") });
    await ask("ada diskon iuran 50% ga?", chat);
    expect(chat.keys()).toContain("faq:discount.ended");
  });

  it("tells people of 65 and over that the limit is being confirmed", async () => {
    const chat = await ask("umur saya 66 tahun masih bisa daftar?");
    expect(text(chat)).toContain("sedang dikonfirmasi");
  });
});

describe("conversation manners", () => {
  it.each([
    ["Assalamualaikum", "questions:greeting.salam"],
    ["assalamualaikum bg", "questions:greeting.salam"],
    ["terima kasih", "questions:thanks"],
    ["alhamdulillah", "questions:thanks"],
    ["status pendaftaran sy gmn?", "questions:registrationStatus.none"],
    ["DFT-4KQ7MZ", "questions:registrationStatus.notOwn"],
  ])("answers %p", async (message, key) => {
    const chat = await ask(message);
    expect(chat.keys()).toContain(key);
  });

  it("greets 'halo' once", async () => {
    const chat = createTestChat();
    await chat.says("halo");
    expect(chat.keys()).toEqual(["common:welcome", "menu:main.prompt"]);
  });

  it.each(["sy gk mau dpt pesan broadcast lg", "stop kirim pesan ya"])(
    "understands %p as an opt-out",
    async (message) => {
      const chat = await ask(message);
      expect(chat.keys()).toContain("broadcast:optOut.confirm");
    },
  );

  it("shows the user's own registration by its reference", async () => {
    const chat = createTestChat();
    const reference = await registerRtHead(chat);
    await chat.says(`status ${reference}`);
    expect(chat.keys()).toEqual(["questions:registrationStatus.found", "registration:status.pending"]);
  });

  it("keeps the answers on 'batal' and goes on with them on 'lanjut' the next day", async () => {
    const chat = createTestChat();
    for (const line of ["daftar", "ya", "Budi Santoso"]) await chat.says(line);
    await chat.says("batal");
    expect(chat.keys()).toContain("common:cancelledKept");
    chat.clock.advance(24 * 3600_000);
    await chat.says("lanjut");
    expect(chat.keys()).toEqual(["common:resumed", "registration:nik.prompt"]);
  });
});
