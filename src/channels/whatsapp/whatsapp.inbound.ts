/**
 * What the WhatsApp channel does with one incoming message: ignore it, refuse it kindly, or hand
 * it to the bot with a typing indicator on and send the replies back to the same chat.
 */
import { toLoggedMessageId, type InboundHandler } from "../../core/handle-inbound";
import { toConversationKey, type OutboundMessage, type Reply } from "../../core/messages";
import type { Logger, Translator } from "../../core/ports";
import { renderReplies } from "../../core/render";
import type { SessionStore } from "../../core/session.store";
import type { WhatsAppClient, WhatsAppIncoming } from "./whatsapp-client.port";
import { toIgnoreReason, toInboundMessage, type MediaLimits } from "./whatsapp.mapping";
import { sendTexts } from "./whatsapp.outbound";
import { toWhatsAppTexts } from "./whatsapp.render";

export type IncomingDeps = {
  inbound: InboundHandler;
  sessions: SessionStore;
  translator: Translator;
  logger: Logger;
  mediaLimits: MediaLimits;
};

/** Shows "typing…" while the bot works; best effort, as not every client or chat supports it. */
async function startTyping(client: WhatsAppClient, chatId: string, log: Logger) {
  try {
    const chat = await client.getChatById(chatId);
    await chat.sendStateTyping();
    return chat;
  } catch (error) {
    log.debug({ err: error }, "typing indicator not available");
    return undefined;
  }
}

async function refuse(
  deps: IncomingDeps,
  client: WhatsAppClient,
  chatId: string,
  userId: string,
  reply: Reply,
): Promise<void> {
  const session = await deps.sessions.load(toConversationKey("whatsapp", userId)).catch(() => null);
  const rendered = renderReplies([reply], session?.language ?? "id", deps.translator);
  await sendTexts(client, chatId, toWhatsAppTexts(rendered));
}

/**
 * Handles one incoming message on `client` (the client it arrived on). Never rejects: errors are
 * logged here, and the engine's own boundary already apologises to the user for its failures.
 */
export async function handleIncoming(
  deps: IncomingDeps,
  client: WhatsAppClient,
  message: WhatsAppIncoming,
  readyAt: Date | undefined,
): Promise<void> {
  const log = deps.logger.child({ channel: "whatsapp", messageId: toLoggedMessageId(message.id) });
  try {
    const ignored = toIgnoreReason(message, readyAt);
    if (ignored) {
      log.debug({ reason: ignored, type: message.type }, "whatsapp message ignored");
      return;
    }
    const senderNumber = message.from.endsWith("@c.us")
      ? undefined
      : await message.getSenderNumber().catch(() => undefined);
    const mapped = toInboundMessage(message, {
      senderNumber,
      limits: deps.mediaLimits,
    });
    if (mapped.type === "ignored") return;
    if (mapped.type === "refused") {
      log.info({ type: message.type, reply: mapped.reply.key }, "whatsapp message refused kindly");
      return await refuse(deps, client, message.from, mapped.userId, mapped.reply);
    }
    const typing = startTyping(client, message.from, log);
    let answered = false;
    await deps.inbound.handle(mapped.message, async (messages: OutboundMessage[]) => {
      answered = true;
      await typing;
      await sendTexts(client, message.from, toWhatsAppTexts(messages));
    });
    const chat = await typing;
    if (!answered) await chat?.clearState().catch(() => undefined);
  } catch (error) {
    log.error({ err: error }, "whatsapp message could not be handled");
  }
}
