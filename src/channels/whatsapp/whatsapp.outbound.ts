/**
 * The WhatsApp side of the ChannelSender port: replies go out at once; unsolicited messages
 * (reminders, status pushes, broadcasts) only to users who wrote to the bot before, through the pacer.
 */
import { AppError } from "../../core/errors";
import { toConversationKey } from "../../core/messages";
import type { ChannelSender } from "../../core/ports";
import type { SessionStore } from "../../core/session.store";
import type { WhatsAppClient } from "./whatsapp-client.port";
import type { Pacer } from "./whatsapp.pacer";
import { toChatId } from "./whatsapp.phone";
import { toWhatsAppTexts } from "./whatsapp.render";

/** Sends texts one after another to a chat. */
export async function sendTexts(
  client: WhatsAppClient,
  chatId: string,
  texts: readonly string[],
): Promise<void> {
  for (const text of texts) await client.sendMessage(chatId, text);
}

/**
 * `connected()` gives the client when it is logged in and ready. An unsolicited message to someone
 * who never wrote is refused with NOT_ALLOWED, `details.reason: "never_wrote"` (callers record it as skipped).
 */
export function createWhatsAppSender(deps: {
  sessions: SessionStore;
  pacer: Pacer;
  connected: () => WhatsAppClient | undefined;
}): ChannelSender {
  return {
    channel: "whatsapp",
    async send(userId, messages, kind) {
      const texts = toWhatsAppTexts(messages);
      const deliver = async () => {
        const client = deps.connected();
        if (!client)
          throw new AppError("CHANNEL_SEND_FAILED", "WhatsApp is not connected", {
            channel: "whatsapp",
            unavailable: true,
          });
        await sendTexts(client, toChatId(userId), texts);
      };
      if (kind === "reply") return deliver();
      if (!(await deps.sessions.load(toConversationKey("whatsapp", userId))))
        throw new AppError(
          "NOT_ALLOWED",
          "Unsolicited WhatsApp messages go only to users who wrote to the bot",
          {
            reason: "never_wrote",
            channel: "whatsapp",
          },
        );
      await deps.pacer.schedule(deliver);
    },
  };
}
