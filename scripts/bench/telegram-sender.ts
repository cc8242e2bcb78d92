/**
 * The benchmark's Telegram sender, in one swappable function: grammY's Api with
 * @grammyjs/transformer-throttler and @grammyjs/auto-retry, as the Telegram channel adapter
 * (built separately) is expected to send. Replace it with that adapter's sender once merged.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Api } from "grammy";
import type { ChannelSender } from "../../src/core/ports";

export function createBenchTelegramSender(token: string, apiRoot: string): ChannelSender {
  const api = new Api(token, { apiRoot });
  api.config.use(autoRetry());
  api.config.use(apiThrottler());
  return {
    channel: "telegram",
    async send(userId, messages) {
      for (const message of messages) await api.sendMessage(Number(userId), message.text);
    },
  };
}
