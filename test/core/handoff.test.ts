/** A citizen asks for a person; staff answer from their own chat; the hand-off ends with a note. */
import { escalateLateHandoffs } from "../../src/core/handoff-escalation";
import { replyToHandoff } from "../../src/core/handoff-staff";
import { toConversationKey, type InboundMessage } from "../../src/core/messages";
import { toPrincipal } from "../../src/core/staff-directory";
import { createStaffAccount } from "../support/staff-accounts";
import { createTestChat } from "../support/test-chat";

async function setup() {
  const chat = createTestChat({ userId: "+6281234567890", channel: "whatsapp" });
  await createStaffAccount(chat.app.services, {
    username: "ani",
    name: "Ani Lestari",
    role: "registration_officer",
    telegramId: "7001",
  });
  await createStaffAccount(chat.app.services, {
    username: "super",
    name: "Sari Super",
    role: "supervisor",
    telegramId: "7002",
  });
  return chat;
}
const citizen = { userId: "+6281234567890", channel: "whatsapp" as const };
const staff = { userId: "7001", channel: "telegram" as const };
const pushedText = (chat: Awaited<ReturnType<typeof setup>>, userId: string) =>
  chat
    .pushed(userId)
    .flatMap((p) => p.messages.map((m) => m.text))
    .join("\n");

describe("hand-off to a person", () => {
  it("hands the conversation to staff with the office hours and the expected answer time", async () => {
    const chat = await setup();
    await chat.says("daftar");
    await chat.says("mau bicara dengan petugas");
    expect(chat.keys()).toEqual(["handoff:opened", "handoff:whenOpen"]);
    const texts = chat.texts().join("\n");
    expect(texts).toContain("#1");
    expect(texts).toContain("08.00–16.00 WIB");
    expect(texts).toContain("sebelum pukul 11.00 WIB");
    expect((await chat.session())?.flow).toBeNull();
    expect(pushedText(chat, "7001")).toContain("mau bicara dengan petugas");
    expect(await chat.app.services.audit.list({ action: "handoff.open" })).toHaveLength(1);
  });

  it("runs no flow while handed off: messages go to staff, staff answer with 'balas #1', and the citizen gets it", async () => {
    const chat = await setup();
    await chat.says("operator");
    await chat.says("1");
    expect(chat.keys()).toEqual(["handoff:forwarded"]);
    expect(pushedText(chat, "7001")).toContain("#1 · -: 1");
    chat.as(staff);
    await chat.says("balas #1 Selamat pagi, ada yang bisa saya bantu?");
    expect(chat.keys()).toContain("handoff:staff.sent");
    expect(pushedText(chat, citizen.userId)).toContain(
      "Petugas Ani (#1):\nSelamat pagi, ada yang bisa saya bantu?",
    );
    const handoff = await chat.app.services.handoffs.findByNumber(1);
    expect(handoff?.messages.map((m) => m.from)).toEqual(["citizen", "citizen", "staff"]);
    expect(JSON.stringify(handoff)).not.toContain("Selamat pagi");
    chat.as(citizen);
    await chat.says("mau tanya iuran");
    expect(chat.keys()).toEqual([]);
  });

  it("closes with a note: the citizen is told and the bot answers again", async () => {
    const chat = await setup();
    await chat.says("mau ngomong sama orang");
    chat.as(staff);
    await chat.says("tutup #1 sudah dijelaskan lewat telepon");
    expect(chat.keys()).toContain("handoff:staff.closedDone");
    expect(pushedText(chat, citizen.userId)).toContain("menutup percakapan #1");
    chat.as(citizen);
    await chat.says("menu");
    expect(chat.lastReply()).toHaveKey("menu:main.prompt");
    expect((await chat.app.services.handoffs.findByNumber(1))?.closeNote).toBe(
      "sudah dijelaskan lewat telepon",
    );
  });

  it("understands other ways of asking for a person through the language model", async () => {
    const chat = await setup();
    await chat.says("saya butuh bantuan orang beneran bukan robot");
    expect(chat.keys()).toContain("handoff:opened");
    expect((await chat.app.services.handoffs.findByNumber(1))?.reason).toBe("asked");
  });

  it("lets the citizen end it with 'menu' and go back to the bot", async () => {
    const chat = await setup();
    await chat.says("admin");
    await chat.says("menu");
    expect(chat.keys()).toEqual(["handoff:ended", "menu:main.prompt"]);
    expect((await chat.app.services.handoffs.findByNumber(1))?.status).toBe("closed");
  });

  it("hands over by itself after the bot failed twice in a row, with both questions", async () => {
    const chat = await setup();
    await chat.says("yang kemarin itu lho pak");
    expect(chat.keys()).toContain("questions:suggest.prompt");
    await chat.says("yang kemarin itu lho bu");
    expect(chat.keys()).toEqual(["handoff:failedTwice", "handoff:opened", "handoff:whenOpen"]);
    const handoff = await chat.app.services.handoffs.findByNumber(1);
    expect(handoff?.reason).toBe("failedTwice");
    expect(handoff?.messages.map((m) => chat.app.services.vault.open(m.text))).toEqual([
      "yang kemarin itu lho pak",
      "yang kemarin itu lho bu",
    ]);
  });

  it("does not hand off off-topic questions the bot declines", async () => {
    const chat = await setup();
    await chat.says("resep rendang daging");
    await chat.says("siapa presiden sekarang");
    expect(chat.keys()).toContain("questions:outOfScope");
    expect(await chat.app.services.handoffs.findByNumber(1)).toBeNull();
  });

  it("hands off when the citizen picks 'Bukan, hubungi petugas' among the bot's guesses", async () => {
    const chat = await setup();
    await chat.says("yang kemarin itu lho pak");
    await chat.says("hubungi petugas");
    expect(chat.keys()).toContain("handoff:opened");
  });

  it("refuses 'balas' from staff whose role does not answer hand-offs", async () => {
    const chat = await setup();
    await createStaffAccount(chat.app.services, {
      username: "siar",
      role: "broadcaster",
      telegramId: "7003",
    });
    await chat.says("operator");
    chat.as({ userId: "7003", channel: "telegram" });
    await chat.says("balas #1 halo");
    expect(chat.keys()).toContain("handoff:staff.notAllowed");
  });

  it("keeps a citizen message once, tells staff once and acknowledges it again when the turn runs twice (crash before the save)", async () => {
    const chat = await setup();
    await chat.says("operator");
    const { sessions } = chat.app.services;
    const stored = await sessions.load(toConversationKey(citizen.channel, citizen.userId));
    const message: InboundMessage = {
      ...citizen,
      messageId: "again-1",
      content: { type: "text", text: "kartu saya hilang" },
    };
    const now = chat.clock.now();
    const first = await chat.app.engine.handle(stored, message, now);
    const second = await chat.app.engine.handle(stored, message, now);
    expect(first.replies.map((r) => r.key)).toEqual(["handoff:forwarded"]);
    expect(second.replies).toEqual(first.replies);
    const handoff = await chat.app.services.handoffs.findByNumber(1);
    expect(handoff?.messages.map((m) => chat.app.services.vault.open(m.text))).toEqual([
      "operator",
      "kartu saya hilang",
    ]);
    expect(pushedText(chat, "7001").match(/kartu saya hilang/g)).toHaveLength(1);
  });

  it("sends a staff answer to the citizen once when the same answer is submitted twice", async () => {
    const chat = await setup();
    await chat.says("operator");
    const account = (await chat.app.services.staff.list()).find((a) => a.username === "ani")!;
    const ani = toPrincipal(account, "console:ani");
    const answer = () => replyToHandoff(chat.app.services, ani, 1, "Kami telepon Bapak siang ini.", "form-1");
    expect(await answer()).toMatchObject({ status: "ok", delivery: "sent" });
    await answer();
    expect(pushedText(chat, citizen.userId).match(/Kami telepon Bapak/g)).toHaveLength(1);
    const handoff = await chat.app.services.handoffs.findByNumber(1);
    expect(handoff?.messages.filter((m) => m.from === "staff")).toHaveLength(1);
    expect(await chat.app.services.audit.list({ action: "handoff.reply" })).toHaveLength(1);
    await replyToHandoff(chat.app.services, ani, 1, "Kami telepon Bapak siang ini.", "form-2");
    expect(pushedText(chat, citizen.userId).match(/Kami telepon Bapak/g)).toHaveLength(2);
  });

  it("tells the supervisors when nobody answered in time, once", async () => {
    const chat = await setup();
    await chat.says("operator");
    chat.clock.advance(61 * 60_000);
    expect(await escalateLateHandoffs(chat.app.services)).toBe(1);
    expect(await escalateLateHandoffs(chat.app.services)).toBe(0);
    expect(pushedText(chat, "7002")).toContain("belum dijawab");
    expect(pushedText(chat, "7001")).not.toContain("belum dijawab");
  });

  it("tells the supervisors again on the next run when telling failed, and never twice", async () => {
    const chat = await setup();
    await chat.says("operator");
    chat.clock.advance(61 * 60_000);
    const { services } = chat.app;
    let failures = 1;
    const notifier: typeof services.notifier = {
      ...services.notifier,
      notify: async (...args) => {
        if (failures-- > 0) throw new Error("store unavailable");
        return services.notifier.notify(...args);
      },
    };
    expect(await escalateLateHandoffs({ ...services, notifier })).toBe(0);
    expect(pushedText(chat, "7002")).not.toContain("belum dijawab");
    expect(await escalateLateHandoffs({ ...services, notifier })).toBe(1);
    expect(await escalateLateHandoffs({ ...services, notifier })).toBe(0);
    expect(pushedText(chat, "7002").match(/belum dijawab/g)).toHaveLength(1);
    expect(await services.audit.list({ action: "handoff.escalated" })).toHaveLength(1);
  });
});
