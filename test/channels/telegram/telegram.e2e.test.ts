/**
 * The bot on Telegram, end to end over HTTP: telegram-test-api is the Bot API server and the
 * channel long-polls it through the runner, with the real engine and flows behind it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createCallbackCodec } from "../../../src/channels/telegram/telegram.callback-data";
import { createPeopleSeeder } from "../../support/seed-people";
import { startTelegramHarness, type TelegramHarness } from "../../support/telegram-harness";

/** Resolves once `found()` holds; the bot may push after the action that caused it has been answered. */
async function eventually(found: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100 && !found(); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  if (!found()) throw new Error(`Never happened: ${what}`);
}

describe("Telegram, end to end", () => {
  let tg: TelegramHarness;
  beforeAll(async () => {
    tg = await startTelegramHarness({ staffIds: ["4242"] });
  });
  afterAll(async () => {
    await tg?.stop();
  });

  it("greets a new user with formatting and shows the menu as numbered inline buttons", async () => {
    const budi = tg.user({ id: 1001, firstName: "Budi" });
    await budi.says("halo");
    expect(budi.texts()[0]).toContain("Saya Jamsos Bot, asisten Pemkot Jambi");
    const bold = budi.replies()[0]?.entities[0];
    expect(bold?.type).toBe("bold");
    expect(budi.texts()[0]?.slice(bold?.offset, (bold?.offset ?? 0) + (bold?.length ?? 0))).toBe(
      "Jamsos Bot",
    );
    expect(budi.lastText()).toContain("Apa yang bisa saya bantu?");
    expect(budi.buttons()).toEqual([
      "1. Daftar",
      "2. Tanya syarat & iuran",
      "3. Lapor kematian / klaim",
      "4. Cek status klaim",
      "5. Data saya",
      "6. Bahasa / Language",
    ]);
  });

  it("switches the language with an inline button press, and answers the press", async () => {
    const ani = tg.user({ id: 1002, firstName: "Ani" });
    await ani.says("menu");
    await ani.presses("Bahasa");
    expect(ani.texts()[0]).toContain("English");
    expect(ani.buttons()).toContain("1. Register");
    expect(tg.api.methods()).toContain("answerCallbackQuery");
  });

  it("still understands a typed number instead of a press", async () => {
    const dedi = tg.user({ id: 1003 });
    await dedi.says("menu");
    await dedi.says("6");
    expect(dedi.buttons()).toContain("1. Register");
  });

  it("maps /start, /bantuan and /bahasa to the engine's commands", async () => {
    const rina = tg.user({ id: 1004 });
    await rina.command("/start");
    expect(rina.lastText()).toContain("Apa yang bisa saya bantu?");
    await rina.command("/bantuan");
    expect(rina.texts()[0]).toContain("Ketik nomor menu");
    await rina.command("/bahasa@TestNameBot");
    expect(rina.texts()[0]).toContain("English");
  });

  it("ignores a button whose data was tampered with, but still answers the press", async () => {
    const eko = tg.user({ id: 1005 });
    await eko.says("menu");
    const answeredBefore = tg.api.methods().filter((m) => m === "answerCallbackQuery").length;
    const replies = await eko.pressesData("c:staff:AAAAAAAA");
    expect(replies).toEqual([]);
    expect(tg.api.methods().filter((m) => m === "answerCallbackQuery").length).toBe(answeredBefore + 1);
  });

  it("says it did not understand, and shows the menu again, when a stale button is pressed", async () => {
    const fitri = tg.user({ id: 1006 });
    await fitri.says("menu");
    const stale = createCallbackCodec(tg.token).encode(fitri.chatId, "continue") ?? "";
    await fitri.pressesData(stale);
    expect(fitri.texts()[0]).toContain("belum paham");
    expect(fitri.buttons()).toContain("1. Daftar");
  });

  it("keeps two users who talk at the same time apart", async () => {
    const siti = tg.user({ id: 2001, firstName: "Siti" });
    const joko = tg.user({ id: 2002, firstName: "Joko" });
    await Promise.all([siti.says("halo"), joko.says("halo")]);
    await Promise.all([siti.presses("Bahasa"), joko.says("9")]);
    expect(siti.buttons()).toContain("1. Register");
    expect(joko.texts()[0]).toContain("1 sampai 6");
    expect(joko.buttons()).toContain("1. Daftar");
    await Promise.all([siti.says("menu"), joko.says("menu")]);
    expect(siti.lastText()).toContain("How can I help");
    expect(joko.lastText()).toContain("Apa yang bisa saya bantu?");
  });

  it("shows the staff item only to Telegram ids linked to a staff account", async () => {
    const staff = tg.user({ id: 4242 });
    await staff.says("menu");
    expect(staff.buttons()).toContain("7. Menu petugas");
    const citizen = tg.user({ id: 4243 });
    await citizen.says("menu");
    expect(citizen.buttons().join()).not.toContain("petugas");
  });

  it("takes the user's own shared contact as their phone, and refuses someone else's", async () => {
    const wati = tg.user({ id: 3001 });
    await wati.says("menu");
    await wati.sharesContact("6281234567890", 9999);
    expect(wati.texts()).toEqual([expect.stringContaining("nomor HP Anda sendiri")]);
    await wati.sharesContact("6281234567890");
    const session = await tg.app.services.sessions.load("telegram:3001");
    expect(session?.phone).toBe("+6281234567890");
  });

  it("answers a group chat once, briefly, that it works in private chats only", async () => {
    const member = tg.user({ id: 3002, chat: { id: -100777, type: "supergroup" } });
    await member.says("halo bot");
    expect(member.texts()).toEqual([expect.stringContaining("hanya melayani lewat chat pribadi")]);
    await member.says("/start");
    expect(member.replies()).toEqual([]);
  });

  it("refuses a document over the size limit without downloading it", async () => {
    const yuni = tg.user({ id: 3003 });
    const downloads = () => tg.api.methods().filter((m) => m === "getFile").length;
    const downloadsBefore = downloads();
    await yuni.sendsDocument({
      bytes: new Uint8Array(10),
      size: 25 * 1024 * 1024,
      fileName: "akta.pdf",
      mimeType: "application/pdf",
    });
    expect(yuni.texts()).toEqual([expect.stringContaining("terlalu besar (maksimal 10 MB)")]);
    expect(downloads()).toBe(downloadsBefore);
  });

  it("delivers a proactive message through the channel hub", async () => {
    const agus = tg.user({ id: 3004 });
    await agus.says("menu");
    await tg.app.hub.notify({ channel: "telegram", userId: "3004" }, [{ key: "menu:greeting" }]);
    expect(agus.all().at(-1)?.text).toBe("Halo juga! 😊");
  });

  it("keeps the session when sending the reply fails", async () => {
    const rudi = tg.user({ id: 3005 });
    await rudi.says("menu");
    tg.api.fail("sendMessage");
    expect(await rudi.says("6")).toEqual([]);
    await rudi.says("menu");
    expect(rudi.lastText()).toContain("How can I help");
  });

  it("drops a redelivered update and ignores edited messages", async () => {
    const tono = tg.user({ id: 3006 });
    await tono.says("menu");
    const before = tono.all().length;
    const update = {
      update_id: 900001,
      message: {
        message_id: 900001,
        date: 0,
        chat: { id: 3006, type: "private" as const, first_name: "Tono" },
        from: { id: 3006, is_bot: false, first_name: "Tono" },
        text: "6",
      },
    };
    await tg.channel.bot.handleUpdate(update);
    await tg.channel.bot.handleUpdate(update);
    await tg.channel.bot.handleUpdate({
      update_id: 900002,
      edited_message: { ...update.message, edit_date: 1 },
    });
    expect(tono.all().length - before).toBe(1); // one answer (language changed + menu, sent as one message), not two
  });

  it("takes a death report with a document photo, then tells the heir when staff move the claim", async () => {
    await createPeopleSeeder(tg.store).seed({ name: "Ahmad Yani", nik: "1571020101800001" });
    const siti = tg.user({ id: 5001, firstName: "Siti" });
    await siti.says("menu");
    await siti.presses("Lapor kematian");
    await siti.presses("Setuju");
    await siti.says("1571 0201 0180 0001 Ahmad Yani");
    for (const line of ["kemarin", "3"]) await siti.says(line);
    await siti.presses("Suami/istri");
    await siti.says("Siti Aminah 1571 0252 0385 0002 0812-3456-7890");
    await siti.presses("Tidak");
    expect(siti.lastText()).toContain("Mohon periksa sebelum laporan dikirim");
    await siti.presses("Benar, kirim laporan");
    const reference = /KLM-[2-9A-HJKMNP-Z]{6}/.exec(siti.texts().join("\n"))?.[0];
    expect(reference).toBeDefined();

    const jpeg = new Uint8Array(readFileSync(path.join(__dirname, "../../fixtures/buku-tabungan.jpg")));
    await siti.sendsPhoto({ bytes: jpeg, caption: "akta kematian" });
    expect(siti.texts().join("\n")).toContain("Diterima: Akta kematian");
    const [document] = await tg.app.services.claimDocuments.listByClaim(reference!);
    expect(document).toMatchObject({ type: "deathCertificate", size: jpeg.length });

    const staff = tg.user({ id: 4242 });
    for (const line of [
      "menu",
      "menu petugas",
      "klaim kematian",
      "daftar per tahap",
      "laporan diterima",
      "1",
    ])
      await staff.says(line);
    await staff.presses("Pindah tahap");
    await staff.presses("Verifikasi RT");
    await staff.says("Sudah dicek bersama Ketua RW 02");
    expect(staff.texts().join("\n")).toContain("Ahli waris sudah diberi kabar");
    await eventually(
      () => siti.all().some((m) => m.text.includes(`Kabar klaim ${reference}`)),
      "the heir is told about the new stage",
    );
    const update = siti.all().find((m) => m.text.includes(`Kabar klaim ${reference}`));
    expect(update?.text).toContain("Verifikasi");
    expect(update?.text).toContain("Sudah dicek bersama Ketua RW 02");
  });
});
