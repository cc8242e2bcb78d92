/**
 * Sends rendered replies to one chat, in order, and remembers per chat whether a contact
 * keyboard is still shown (so the next plain message removes it). Also the `ChannelSender`
 * the hub uses for proactive messages; its failures are AppErrors carrying Telegram's code.
 * Replies go through `api` (auto-retry only), proactive messages through `bulkApi` (throttled).
 */
import { GrammyError, type Api } from "grammy";
import { AppError } from "../../core/errors";
import type { Language, OutboundMessage } from "../../core/messages";
import type { ChannelSender, Translator } from "../../core/ports";
import type { CallbackCodec } from "./telegram.callback-data";
import { toSendPayloads } from "./telegram.render";

export type TelegramSendDeps = {
  /** For replies to a user who just wrote. */
  api: Pick<Api, "sendMessage">;
  /** For unsolicited messages (broadcasts, reminders, notices); `api` when not given. */
  bulkApi?: Pick<Api, "sendMessage">;
  codec: CallbackCodec;
  translator: Translator;
  languageOf: (userId: string) => Promise<Language>;
};

/** A failed send as an AppError carrying Telegram's code (a 4xx other than 429 is not worth retrying). */
function toSendError(error: unknown): AppError {
  const code = error instanceof GrammyError ? error.error_code : undefined;
  return new AppError("CHANNEL_SEND_FAILED", "Sending to a Telegram user failed", { code }, { cause: error });
}

export function createTelegramSend(deps: TelegramSendDeps) {
  const openKeyboards = new Set<string>();

  /** Sends a batch to a chat; rejects on the first message Telegram refuses. */
  async function sendTo(
    chatId: number | string,
    userId: string,
    messages: OutboundMessage[],
    api: Pick<Api, "sendMessage"> = deps.api,
  ): Promise<void> {
    const key = String(chatId);
    const language = messages.some((m) => m.requestContact) ? await deps.languageOf(userId) : "id";
    const batch = toSendPayloads(messages, {
      encode: (value) => deps.codec.encode(chatId, value),
      contactButtonLabel: deps.translator.t(language, "telegram:shareContact"),
      keyboardOpen: openKeyboards.has(key),
    });
    for (const payload of batch.payloads) {
      await api.sendMessage(chatId, payload.text, {
        link_preview_options: { is_disabled: true },
        ...(payload.entities.length > 0 ? { entities: payload.entities } : {}),
        ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
      });
    }
    if (batch.keyboardOpen) openKeyboards.add(key);
    else openKeyboards.delete(key);
  }

  /** Like `sendTo`, failing with an AppError that carries Telegram's code (a 4xx is not worth retrying). */
  async function reply(chatId: number | string, userId: string, messages: OutboundMessage[]): Promise<void> {
    try {
      await sendTo(chatId, userId, messages);
    } catch (error) {
      throw toSendError(error);
    }
  }

  const sender: ChannelSender = {
    channel: "telegram",
    async send(userId, messages) {
      try {
        await sendTo(userId, userId, messages, deps.bulkApi ?? deps.api);
      } catch (error) {
        throw toSendError(error);
      }
    },
  };

  return { sendTo, reply, sender };
}
