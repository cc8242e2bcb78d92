import { createTestChat } from "../support/test-chat";

async function check(...answers: string[]) {
  const chat = createTestChat();
  await chat.says("menu");
  await chat.says("2");
  await chat.presses("eligibility");
  for (const answer of answers) await chat.says(answer);
  return chat;
}

describe("eligibility check", () => {
  it("starts from the questions menu with the NIK question", async () => {
    const chat = await check();
    expect(chat.lastReply()).toHaveKey("eligibility:askNik.prompt");
  });

  it.each([
    ["noNik", ["tidak"]],
    ["tooOld", ["ya", "66"]],
    ["tooYoung", ["ya", "15 tahun"]],
    ["rtHead", ["ya", "45", "ya", "ya"]],
    ["notOwnWork", ["ya", "45", "ya", "tidak", "tidak"]],
    ["employerCovered", ["ya", "45", "ya", "tidak", "ya", "ya"]],
    ["outsideJambi", ["ya", "45", "tidak", "ya", "tidak"]],
    ["eligible", ["iya", "45 th", "ya", "gak", "ya", "belum"]],
  ])("ends with %s for the answers %j", async (outcome, answers) => {
    const chat = await check(...answers);
    expect(chat.lastReply()).toHaveKey(`eligibility:result.${outcome}`);
    expect((await chat.session())?.flow).toBeNull();
  });

  it("tells an older applicant the age limit and to confirm with the branch", async () => {
    const chat = await check("ya", "70");
    expect(chat.texts().join("\n")).toContain("65 tahun");
    expect(chat.texts().join("\n")).toContain("silakan konfirmasi ke Kantor Cabang");
  });

  it("re-asks the age when it is not a number", async () => {
    const chat = await check("ya", "tidak tahu");
    expect(chat.lastReply()).toHaveKey("eligibility:askAge.invalid");
  });

  it("answers a question typed instead of the age, then asks the age again", async () => {
    const chat = await check("ya", "brp iuran nya?");
    expect(chat.keys()).toEqual([
      "faq:contribution.answer",
      "faq:contribution.discountNow.transport",
      "faq:contribution.pemkotZero",
      "common:backToStep",
      "eligibility:askAge.prompt",
    ]);
    await chat.says("40");
    expect(chat.lastReply()).toHaveKey("eligibility:askJambi.prompt");
  });
});
