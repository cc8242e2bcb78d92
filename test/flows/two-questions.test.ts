/** Two questions in one message, each answered; a part the bot is unsure of, or that is off-topic, is not. */
import { createTestChat, type TestChat } from "../support/test-chat";

async function ask(question: string): Promise<TestChat> {
  const chat = createTestChat();
  await chat.says("menu");
  await chat.says(question);
  return chat;
}

describe("a message that asks two things", () => {
  it.each([
    [
      "iuran sebulan berapa? terus bayarnya bisa di mana aja?",
      ["faq:contribution.answer", "faq:paymentChannels.answer"],
    ],
    [
      "kalau klaim santunan kematian ngurusnya di mana, satu lagi berkasnya apa saja",
      ["faq:claimWhere.answer", "faq:claimDocuments.answer"],
    ],
    [
      "what do i need to register, and how long until my cover starts?",
      ["faq:requirements.answer", "faq:coverageStart.answer"],
    ],
  ])("answers both questions of %p", async (question, keys) => {
    const chat = await ask(question);
    expect(chat.keys()).toEqual(expect.arrayContaining(keys));
  });

  it("declines the off-topic part and answers the other", async () => {
    const chat = await ask(
      "pajak motor telat setahun dendanya berapa? terus iuran bpjs ketenagakerjaan mandiri berapa?",
    );
    expect(chat.keys()).toEqual(expect.arrayContaining(["questions:outOfScope", "faq:contribution.answer"]));
  });

  it("thanks back after the answer when the message also thanks", async () => {
    const chat = await ask("makasih ya infonya, satu lagi batas bayar iuran tanggal berapa?");
    expect(chat.keys()).toEqual(expect.arrayContaining(["faq:paymentDeadline.answer", "questions:thanks"]));
  });
});

describe("a message whose words are mostly unknown to the programme", () => {
  it("is declined, never answered with a programme figure", async () => {
    const chat = await ask("iuran keamanan kompleks sama uang sampah sebulan berapa");
    expect(chat.keys()).toContain("questions:outOfScope");
    expect(chat.texts().join("\n")).not.toMatch(/Rp\s?\d/);
  });
});
