/**
 * The adapter alone, over HTTP against telegram-test-api: the engine is replaced by a small
 * inbound double so file downloads, contact keyboards and start-up can be driven directly.
 */
import type { InboundMessage, OutboundMessage } from "../../../src/core/messages";
import type { Respond } from "../../../src/core/handle-inbound";
import { startTelegramHarness, type TelegramHarness } from "../../support/telegram-harness";

const say = (text: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  text,
  spans: [],
  choices: [],
  requestContact: false,
  ...extra,
});

/** Answers "kontak?" with a contact request, a file with its size, and anything else with "ok". */
async function answer(message: InboundMessage, respond: Respond): Promise<void> {
  const { content } = message;
  if (content.type === "media") {
    const bytes = await content.load().catch(() => undefined);
    return respond([say(bytes ? `diterima ${bytes.length} byte (${content.kind})` : "gagal")]);
  }
  if (content.type === "contact") return respond([say(`nomor ${content.phone}`), say("lanjut")]);
  if (content.type === "text" && content.text === "kontak?")
    return respond([say("Nomor HP Anda?", { requestContact: true })]);
  return respond([say("ok")]);
}

describe("Telegram adapter", () => {
  let tg: TelegramHarness;
  beforeAll(async () => {
    tg = await startTelegramHarness({ inbound: { handle: answer }, maxFileBytes: 1024 });
  });
  afterAll(async () => {
    await tg?.stop();
  });

  it("registers its commands and descriptions at start-up", () => {
    const commands = tg.api.calls.filter((c) => c.method === "setMyCommands");
    expect(commands.map((c) => c.payload.language_code)).toEqual([undefined, "en"]);
    expect(commands[0]?.payload.commands).toContainEqual({
      command: "batal",
      description: "Batalkan yang sedang berjalan",
    });
    expect(tg.api.methods()).toEqual(expect.arrayContaining(["setMyDescription", "setMyShortDescription"]));
  });

  it("downloads the largest photo size through getFile only when the flow loads it", async () => {
    const user = tg.user({ id: 5001 });
    const before = tg.api.calls.length;
    await user.sendsPhoto({ bytes: new Uint8Array(700), caption: "KTP" });
    expect(user.texts()).toEqual(["diterima 700 byte (photo)"]);
    const fileCalls = tg.api.calls
      .slice(before)
      .filter((c) => c.method === "getFile" || c.method === "download");
    expect(fileCalls.map((c) => c.payload.file_id)).toEqual([
      expect.stringMatching(/^photo-\d+$/),
      expect.stringMatching(/^photo-\d+$/),
    ]);
    expect(tg.api.methods()).toContain("sendChatAction");
  });

  it("refuses a download that turns out larger than the limit", async () => {
    const user = tg.user({ id: 5002 });
    await user.sendsDocument({
      bytes: new Uint8Array(2048),
      size: 10,
      fileName: "kk.pdf",
      mimeType: "application/pdf",
    });
    expect(user.texts()).toEqual(["gagal"]);
  });

  it("asks for the phone with a one-time contact button and removes it after the answer", async () => {
    const user = tg.user({ id: 5003 });
    await user.says("kontak?");
    expect(user.replies()[0]?.replyMarkup).toEqual({
      keyboard: [[{ text: "📱 Kirim nomor HP saya", request_contact: true }]],
      one_time_keyboard: true,
      resize_keyboard: true,
    });
    await user.sharesContact("+62 812-3456-7890");
    expect(user.texts()).toEqual(["nomor +6281234567890", "lanjut"]);
    expect(user.replies()[0]?.replyMarkup).toEqual({ remove_keyboard: true });
    expect(user.replies()[1]?.replyMarkup).toBeUndefined();
  });

  it("sends a long reply as several messages within Telegram's limit", async () => {
    const long = Array.from({ length: 300 }, (_, i) => `Baris ${i + 1}: keterangan yang agak panjang.`).join(
      "\n",
    );
    const user = tg.user({ id: 5004 });
    await tg.channel.sender.send("5004", [say(long)], "unsolicited");
    const sent = user.all();
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every((m) => m.text.length <= 4096)).toBe(true);
    expect(sent.map((m) => m.text).join("\n")).toBe(long);
  });

  it("reports a failed proactive send as CHANNEL_SEND_FAILED with Telegram's error code", async () => {
    tg.api.fail("sendMessage");
    await expect(tg.channel.sender.send("5005", [say("halo")], "unsolicited")).rejects.toMatchObject({
      code: "CHANNEL_SEND_FAILED",
      details: { code: 400 },
    });
  });
});

describe("Telegram shutdown", () => {
  it("stops polling only after the update in flight has been answered", async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = () => undefined as void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const slow = {
      handle: async (_message: InboundMessage, respond: Respond) => {
        entered();
        await gate;
        await respond([say("selesai")]);
      },
    };
    const tg = await startTelegramHarness({ inbound: slow });
    const user = tg.user({ id: 5101 });
    const said = user.says("halo");
    await inside;
    let stopped = false;
    const stopping = tg.channel.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    await said;
    expect(user.texts()).toEqual(["selesai"]);
    await tg.stop();
  });
});
