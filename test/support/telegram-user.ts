/**
 * One simulated Telegram user talking to the bot through telegram-test-api. Every action sends
 * an update, waits (bounded) until the bot has handled it, and returns what the bot sent back.
 */
import type { InlineKeyboardMarkup, MessageEntity, ReplyKeyboardMarkup } from "grammy/types";
import type { HarnessContext } from "./telegram-harness";

export type UserOptions = {
  id: number;
  firstName?: string;
  /** Defaults to the private chat with the bot (chat id = user id). */
  chat?: { id: number; type: "group" | "supergroup"; title?: string };
};

/** A message the bot sent, as it reached the Bot API. */
export type BotMessage = {
  messageId: number;
  text: string;
  entities: MessageEntity[];
  replyMarkup: Partial<InlineKeyboardMarkup & ReplyKeyboardMarkup & { remove_keyboard: true }> | undefined;
};

let fileCounter = 0;

export function createTelegramUser(ctx: HarnessContext, options: UserOptions) {
  const chatId = options.chat?.id ?? options.id;
  const firstName = options.firstName ?? "Warga";
  const from = { id: options.id, is_bot: false, first_name: firstName };
  const chat = options.chat
    ? { id: chatId, type: options.chat.type, title: options.chat.title ?? "Grup RT" }
    : { id: chatId, type: "private", first_name: firstName };
  let lastBatch: BotMessage[] = [];

  function all(): BotMessage[] {
    return ctx.server.storage.botMessages
      .filter((m) => String(m.message.chat_id) === String(chatId))
      .map((m) => {
        const sent = m.message as { text: string; entities?: MessageEntity[]; reply_markup?: unknown };
        return {
          messageId: m.messageId,
          text: sent.text,
          entities: sent.entities ?? [],
          replyMarkup: sent.reply_markup as BotMessage["replyMarkup"],
        };
      });
  }

  async function act(endpoint: "sendMessage" | "sendCallback", body: object): Promise<BotMessage[]> {
    const before = ctx.handledCount(chatId);
    const start = all().length;
    const response = await fetch(`${ctx.server.config.apiURL}/${endpoint}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ botToken: ctx.token, date: Math.floor(Date.now() / 1000), ...body }),
    });
    if (!response.ok) throw new Error(`The emulator refused the ${endpoint}: ${response.status}`);
    await ctx.waitHandled(chatId, before);
    lastBatch = all().slice(start);
    return lastBatch;
  }

  const send = (fields: object) => act("sendMessage", { from, chat, ...fields });

  function findButton(label: string) {
    for (const message of [...all()].reverse()) {
      const buttons = message.replyMarkup?.inline_keyboard?.flat() ?? [];
      const button = buttons.find((b) => b.text.toLowerCase().includes(label.toLowerCase()));
      if (button && "callback_data" in button) return { message, data: button.callback_data };
    }
    throw new Error(`No inline button labelled "${label}" was sent to chat ${chatId}`);
  }

  const pressData = (data: string, messageId = all().at(-1)?.messageId ?? 0) =>
    act("sendCallback", { from, data, message: { message_id: messageId, chat, date: 0, text: "" } });

  return {
    id: options.id,
    chatId,
    says: (text: string) => send({ text }),
    /** A command as Telegram sends it ("/start", "/bantuan@JamsosBot"), with its bot_command entity. */
    command: (text: string) =>
      send({ text, entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length ?? 0 }] }),
    /** Presses the newest inline button whose label contains `label`. */
    presses: (label: string) => {
      const { message, data } = findButton(label);
      return pressData(data, message.messageId);
    },
    /** Sends raw callback data (tampered, foreign or stale buttons). */
    pressesData: pressData,
    sharesContact: (phone: string, ownerId = options.id) =>
      send({ contact: { phone_number: phone, first_name: firstName, user_id: ownerId } }),
    sendsPhoto(file: { bytes: Uint8Array; size?: number; caption?: string }) {
      const id = `photo-${++fileCounter}`;
      ctx.api.files.set(id, { bytes: file.bytes, ...(file.size ? { size: file.size } : {}) });
      const size = file.size ?? file.bytes.length;
      const photo = [
        { file_id: `${id}-small`, file_unique_id: `${id}-s`, width: 90, height: 67, file_size: 90 },
        { file_id: id, file_unique_id: id, width: 1280, height: 960, file_size: size },
      ];
      return send({ photo, ...(file.caption ? { caption: file.caption } : {}) });
    },
    sendsDocument(file: { bytes: Uint8Array; fileName: string; mimeType: string; size?: number }) {
      const id = `doc-${++fileCounter}`;
      ctx.api.files.set(id, { bytes: file.bytes, ...(file.size ? { size: file.size } : {}) });
      const document = {
        file_id: id,
        file_unique_id: id,
        file_name: file.fileName,
        mime_type: file.mimeType,
        file_size: file.size ?? file.bytes.length,
      };
      return send({ document });
    },
    /** Everything the bot sent to this chat so far. */
    all,
    /** What the bot sent in answer to the last action. */
    replies: () => lastBatch,
    texts: () => lastBatch.map((m) => m.text),
    lastText: () => lastBatch.at(-1)?.text ?? "",
    /** Labels of the inline buttons on the bot's newest message that has some. */
    buttons: () =>
      ([...all()].reverse().find((m) => m.replyMarkup?.inline_keyboard)?.replyMarkup?.inline_keyboard ?? [])
        .flat()
        .map((b) => b.text),
  };
}

export type TelegramTestUser = ReturnType<typeof createTelegramUser>;
