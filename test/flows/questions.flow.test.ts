import { createTestChat } from "../support/test-chat";

const text = (chat: { texts(): string[] }) => chat.texts().join("\n");

describe("questions from the home menu", () => {
  it("answers an informal question with the FAQ answer", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("gmn cara dafftarrr");
    expect(chat.keys()).toEqual(["faq:howToRegister.answer"]);
  });

  it("says politely what it can help with, then shows the menu, for out-of-scope questions", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    for (const question of ["resep rendang daging", "siapa presiden sekarang", "harga hp samsung a55"]) {
      await chat.says(question);
      expect(chat.keys()).toEqual(["questions:outOfScope", "menu:main.prompt"]);
    }
    expect(text(chat)).toContain("saya hanya bisa membantu");
  });

  it("offers the closest topics as numbered choices when unsure, then a person (the hand-off)", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("nanya soal bayar");
    expect(chat.lastReply()).toHaveKey("questions:suggest.prompt");
    const choices = chat.lastReply()?.choices ?? [];
    expect(choices.length).toBeGreaterThanOrEqual(2);
    expect(choices.length).toBeLessThanOrEqual(4);
    expect(choices.at(-1)?.value).toBe("human");
    await chat.says(String(choices.length));
    expect(chat.keys()).toEqual(["handoff:opened", "handoff:whenOpen"]);
    expect(text(chat)).toContain("kami teruskan ke petugas");
  });

  it("answers the suggested topic picked by number", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("nanya soal bayar");
    const first = chat.lastReply()?.choices?.[0]?.value;
    await chat.says("1");
    expect(chat.keys()).toEqual([`faq:${first}.answer`, "questions:free.prompt"]);
  });

  it("starts the flow a request names", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("sy pedagang bs daftar?");
    expect(chat.lastReply()).toHaveKey("eligibility:askNik.prompt");
    const other = createTestChat();
    await other.says("suami sy meninggal kemarin");
    expect(other.keys()).toContain("deathReport:consent.condolences");
  });

  it("understands 'terus dokumennya apa?' after a claim answer, and after a registration answer", async () => {
    const chat = createTestChat();
    await chat.says("gmn cara klaim jkm");
    await chat.says("terus dokumennya apa?");
    expect(chat.keys()).toEqual(["faq:claimDocuments.answer"]);
    await chat.says("cara daftarnya gimana");
    await chat.says("terus syaratnya apa?");
    expect(chat.keys()).toEqual(["faq:requirements.answer"]);
  });

  it("thanks back and leaves greetings to the menu", async () => {
    const chat = createTestChat();
    await chat.says("halo");
    await chat.says("makasih ya");
    expect(chat.keys()).toEqual(["questions:thanks"]);
    await chat.says("selamat pagi");
    expect(chat.keys()).toEqual(["questions:greeting.hello", "menu:main.prompt"]);
  });

  it("answers in English for English users", async () => {
    const chat = createTestChat();
    await chat.says("language");
    await chat.says("how much is the contribution");
    expect(chat.keys()).toContain("faq:contribution.answer");
    expect(text(chat)).toContain("Rp 16,800/month");
  });
});

describe("the questions flow", () => {
  it("lists topics by category and answers the one picked", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("2");
    expect(chat.lastReply()).toHaveKey("questions:pick.prompt");
    await chat.presses("claims");
    expect(chat.lastReply()).toHaveKey("questions:topics.prompt");
    await chat.presses("claimDocuments");
    expect(chat.keys()).toEqual(["faq:claimDocuments.answer", "questions:free.prompt"]);
  });

  it("fills in the numbers of topic titles (Diskon iuran 50%) in lists and suggestions", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("2");
    await chat.presses("pay");
    expect(text(chat)).toContain("3. Diskon iuran 50%");
    await chat.says("menu");
    await chat.says("ada diskon iuran ga?");
    expect(text(chat)).toContain("50%");
    for (const line of ["daftar", "ya", "potongannya gmn?"]) await chat.says(line);
    expect(text(chat)).toMatch(/Mungkin tentang: .*Diskon iuran 50%/);
  });

  it("answers free questions one after another and goes back to the topics on 'topik'", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("2");
    await chat.presses("free");
    await chat.says("kartu sy ilang");
    expect(chat.keys()).toEqual(["faq:lostCard.answer"]);
    await chat.says("ada diskon ga");
    expect(chat.keys()).toEqual(["faq:discount.answer"]);
    await chat.says("topik");
    expect(chat.lastReply()).toHaveKey("questions:pick.prompt");
  });

  it("declines gibberish as something it cannot help with", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("2");
    await chat.presses("free");
    await chat.says("qwrtp zxcvb");
    expect(chat.keys()).toEqual(["questions:outOfScope"]);
  });
});

describe("questions typed mid-flow", () => {
  it("answers, says 'Kembali ke pertanyaan tadi:' and asks the step again", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("2");
    await chat.presses("calculator");
    await chat.says("ada diskon gak?");
    expect(chat.keys()).toEqual(["faq:discount.answer", "common:backToStep", "calculator:askIncome.prompt"]);
    expect(text(chat)).toContain("Kembali ke pertanyaan tadi:");
    expect((await chat.session())?.flow?.step).toBe("askIncome");
  });

  it("answers a question typed where the registration asks for a name, then asks for the name again", async () => {
    const chat = createTestChat();
    await chat.says("daftar");
    await chat.says("ya");
    await chat.says("brp iuran nya?");
    expect(chat.keys()).toEqual([
      "faq:contribution.answer",
      "faq:contribution.discountNow.transport",
      "faq:contribution.pemkotZero",
      "common:backToStep",
      "registration:identity.prompt",
    ]);
    expect((await chat.session())?.flow?.data).not.toHaveProperty("name");
  });

  it("lists likely topics in text when a mid-flow question is unclear, and stays on the step", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("2");
    await chat.presses("calculator");
    await chat.says("kalau nunggak klaimnya gimana?");
    expect(chat.keys()).toEqual([
      "questions:suggest.list",
      "common:backToStep",
      "calculator:askIncome.prompt",
    ]);
  });

  it("keeps the step's own re-ask for an answer that is no question", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("2");
    await chat.presses("calculator");
    await chat.says("xyz");
    expect(chat.keys()).toEqual(["calculator:askIncome.invalid"]);
  });

  it("keeps out-of-scope questions mid-flow polite and returns to the step", async () => {
    const chat = createTestChat();
    await chat.says("menu");
    await chat.says("2");
    await chat.presses("calculator");
    await chat.says("resep rendang daging gimana?");
    expect(chat.keys()).toEqual(["questions:outOfScope", "common:backToStep", "calculator:askIncome.prompt"]);
  });
});
