/**
 * Replies and unsolicited messages leave by different paths: a reply goes out at once (retried
 * after a 429), while broadcasts and notices keep Telegram's pace of about 1 message/s per chat.
 * Driven through the real channel with grammY's fetch replaced (no network, no emulator).
 */
import type { Update } from "grammy/types";
import { createTelegramChannel } from "../../../src/channels/telegram/telegram.channel";
import type { InboundMessage, OutboundMessage } from "../../../src/core/messages";
import type { Respond } from "../../../src/core/handle-inbound";
import { createTranslator } from "../../../src/i18n/translator";
import { silentLogger } from "../../../src/security/pino.logger";
import { createTestClock } from "../../support/test-chat";

/** Long enough that the renderer cannot join two into one Telegram message (4,096 characters). */
const say = (label: string): OutboundMessage => ({
  text: `${label} ${"·".repeat(3000)}`,
  spans: [],
  choices: [],
  requestContact: false,
});
const labelOf = (call: Call) => call.text?.split(" ")[0];

type Call = { method: string; at: number; text?: string };

/** A Bot API that answers every call, refusing the first sendMessage with a 429 when asked. */
function createFakeApi(options: { tooManyFirst: boolean }) {
  const calls: Call[] = [];
  let refuse = options.tooManyFirst;
  const fetch = async (url: string | URL, init?: { body?: unknown }) => {
    const method = String(url).split("/").pop() ?? "";
    const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    calls.push({
      method,
      at: performance.now(),
      ...(typeof payload.text === "string" ? { text: payload.text } : {}),
    });
    if (method === "sendMessage" && refuse) {
      refuse = false;
      return new Response(
        JSON.stringify({
          ok: false,
          error_code: 429,
          description: "Too Many Requests",
          parameters: { retry_after: 0 },
        }),
      );
    }
    const result = {
      message_id: calls.length,
      date: 0,
      chat: { id: payload.chat_id, type: "private" },
      text: payload.text,
    };
    return new Response(JSON.stringify({ ok: true, result }));
  };
  return { calls, fetch, sent: () => calls.filter((c) => c.method === "sendMessage") };
}

function createChannel(api: ReturnType<typeof createFakeApi>) {
  const answer = async (_message: InboundMessage, respond: Respond) =>
    respond([say("satu"), say("dua"), say("tiga")]);
  const channel = createTelegramChannel({
    token: "123456:TEST",
    maxFileBytes: 1024,
    inbound: { handle: answer },
    translator: createTranslator(),
    sessions: { load: async () => null },
    logger: silentLogger,
    clock: createTestClock(),
    fetch: api.fetch as never,
    throttle: { perSecond: 30, perChatMs: 1000 },
  });
  channel.bot.botInfo = {
    id: 1,
    is_bot: true,
    first_name: "Jamsos",
    username: "jamsos_bot",
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  } as never;
  return channel;
}

const message = (text: string): Update => ({
  update_id: 1,
  message: {
    message_id: 1,
    date: 0,
    chat: { id: 4242, type: "private", first_name: "Siti" },
    from: { id: 4242, is_bot: false, first_name: "Siti" },
    text,
  },
});

describe("Telegram sending paths", () => {
  it("sends a three-message reply at once, retrying after a 429, without the per-chat pause", async () => {
    const api = createFakeApi({ tooManyFirst: true });
    const channel = createChannel(api);

    await channel.bot.handleUpdate(message("halo"));

    const sent = api.sent();
    expect(sent.map(labelOf)).toEqual(["satu", "satu", "dua", "tiga"]);
    // The broadcast throttle would space these at least 1 s apart (2 s in all).
    expect(sent.at(-1)!.at - sent[0]!.at).toBeLessThan(900);
  });

  it("keeps about one unsolicited message per second to the same chat", async () => {
    const api = createFakeApi({ tooManyFirst: false });
    const channel = createChannel(api);

    await channel.sender.send("4242", [say("pengingat"), say("kedua")], "unsolicited");

    const sent = api.sent();
    expect(sent.map(labelOf)).toEqual(["pengingat", "kedua"]);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(900);
  });
});
