/**
 * Simulated Telegram users for the crash bench: half register, half report a death and send a
 * document photo. A user sends a message, waits for the bot's answer (and a short quiet after
 * it, as a person reading), then sends the next; a message with no answer in time counts as
 * unanswered. Messages go through telegram-test-api like any Telegram client's.
 */
import type TelegramServer from "telegram-test-api";
import { toBenchNik } from "./engine.scenarios";

export type UserKind = "registration" | "deathReport";
export type UserAction = { type: "text"; text: string } | { type: "photo"; fileId: string };
export type UserScript = { kind: UserKind; userId: number; actions: UserAction[] };
/** `texts`: every message the bot sent to the user, in order. */
export type UserOutcome = UserScript & { unanswered: number; texts: string[]; waitsMs: number[] };

/**
 * User `n`'s conversation: even numbers register, odd numbers report a death with one document.
 * Only references and NIKs differ between users of a kind, so their transcripts compare.
 */
export function toUserScript(n: number, photoId: string): UserScript {
  const userId = 880_000 + n;
  const text = (t: string): UserAction => ({ type: "text", text: t });
  if (n % 2 === 0) {
    const lines = [
      "daftar",
      "ya",
      `Siti Aminah ${toBenchNik(n)}`,
      "0812 3456 7890",
      "lbk bandung RT 22 RW 3",
    ];
    return {
      kind: "registration",
      userId,
      actions: [...lines, "pedagang", "ok", "2", "1"].map(text),
    };
  }
  const report = [
    "halo",
    "lapor kematian",
    "setuju",
    `${toBenchNik(100_000 + n)} Ahmad Yani`,
    "kemarin",
    "3",
    "1",
  ];
  const heir = ["suami/istri", `Budi Santoso ${toBenchNik(200_000 + n)} 0812-3456-7890`, "tidak", "1"];
  return {
    kind: "deathReport",
    userId,
    actions: [
      ...[...report, ...heir].map(text),
      { type: "photo", fileId: photoId },
      text("akta kematian"),
      text("selesai"),
    ],
  };
}

export type PlayOptions = { replyTimeoutMs: number; quietMs: number; token: string };

type BotMessage = { message: { chat_id: unknown; text?: string } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The texts the bot sent to `chatId` so far. */
export function toBotTexts(server: TelegramServer, chatId: number): string[] {
  const sent = (server as unknown as { storage: { botMessages: BotMessage[] } }).storage.botMessages;
  return sent.filter((m) => String(m.message.chat_id) === String(chatId)).map((m) => m.message.text ?? "");
}

const countBotMessages = (server: TelegramServer, chatId: number) => toBotTexts(server, chatId).length;

async function sendAs(server: TelegramServer, script: UserScript, action: UserAction, token: string) {
  const from = { id: script.userId, is_bot: false, first_name: "Warga" };
  const chat = { id: script.userId, type: "private", first_name: "Warga" };
  const content =
    action.type === "text"
      ? { text: action.text }
      : {
          photo: [
            { file_id: action.fileId, file_unique_id: action.fileId, width: 640, height: 480, file_size: 1 },
          ],
        };
  const response = await fetch(`${server.config.apiURL}/sendMessage`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ botToken: token, date: Math.floor(Date.now() / 1000), from, chat, ...content }),
  });
  if (!response.ok) throw new Error(`the emulator refused a user message: ${response.status}`);
}

/** Plays the script to its end; says how many messages got no answer and what the bot sent. */
export async function playUser(
  server: TelegramServer,
  script: UserScript,
  options: PlayOptions,
): Promise<UserOutcome> {
  let unanswered = 0;
  const waitsMs: number[] = [];
  for (const action of script.actions) {
    const before = countBotMessages(server, script.userId);
    await sendAs(server, script, action, options.token);
    const sentAt = Date.now();
    const deadline = sentAt + options.replyTimeoutMs;
    while (countBotMessages(server, script.userId) === before && Date.now() < deadline) await sleep(20);
    waitsMs.push(Date.now() - sentAt);
    if (countBotMessages(server, script.userId) === before) unanswered += 1;
    for (let seen = -1; seen !== countBotMessages(server, script.userId);) {
      seen = countBotMessages(server, script.userId);
      await sleep(options.quietMs);
    }
  }
  return { ...script, unanswered, texts: toBotTexts(server, script.userId), waitsMs };
}
