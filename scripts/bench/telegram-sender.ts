/**
 * The benchmark's Telegram sender: the production one. The Telegram adapter's Api for
 * unsolicited sends (auto-retry on 429, throttle ≤ 30 msg/s overall and ≤ 1/s per chat) and its
 * sender, without the polling side, so the broadcast benchmark measures what the bot really sends through.
 */
import { createBot, createBulkApi } from "../../src/channels/telegram/telegram.bot";
import { createCallbackCodec } from "../../src/channels/telegram/telegram.callback-data";
import { createTelegramSend } from "../../src/channels/telegram/telegram.sender";
import type { ChannelSender, Translator } from "../../src/core/ports";
import { silentLogger } from "../../src/security/pino.logger";

export function createBenchTelegramSender(
  token: string,
  apiRoot: string,
  translator: Translator,
): ChannelSender {
  const bot = createBot({ token, apiRoot, logger: silentLogger });
  return createTelegramSend({
    api: bot.api,
    bulkApi: createBulkApi({ token, apiRoot, logger: silentLogger }),
    codec: createCallbackCodec(token),
    translator,
    languageOf: async () => "id",
  }).sender;
}
