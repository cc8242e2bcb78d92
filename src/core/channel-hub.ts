/**
 * Routes proactive messages (status pushes, reminders, broadcasts) to whichever channel the
 * recipient uses, rendered in the recipient's language (from their session unless given).
 */
import type { Language, Reply } from "./messages";
import { toConversationKey } from "./messages";
import type { ChannelSender, Logger, Notifier, Recipient, SendKind, Translator } from "./ports";
import { renderReplies } from "./render";
import type { SessionStore } from "./session.store";
import { AppError } from "./errors";

export type ChannelHub = Notifier & {
  register(sender: ChannelSender): void;
  unregister(channel: ChannelSender["channel"]): void;
  has(channel: ChannelSender["channel"]): boolean;
};

export function createChannelHub(deps: {
  sessions: SessionStore;
  translator: Translator;
  logger: Logger;
}): ChannelHub {
  const senders = new Map<string, ChannelSender>();
  return {
    register: (sender) => void senders.set(sender.channel, sender),
    unregister: (channel) => void senders.delete(channel),
    has: (channel) => senders.has(channel),
    async notify(
      recipient: Recipient,
      replies: Reply[],
      options: { language?: Language; kind?: SendKind } = {},
    ) {
      const sender = senders.get(recipient.channel);
      if (!sender)
        throw new AppError("CHANNEL_SEND_FAILED", `Channel ${recipient.channel} is not running`, {
          channel: recipient.channel,
        });
      const language =
        options.language ??
        (await deps.sessions.load(toConversationKey(recipient.channel, recipient.userId)))?.language ??
        "id";
      await sender.send(
        recipient.userId,
        renderReplies(replies, language, deps.translator),
        options.kind ?? "unsolicited",
      );
    },
  };
}
