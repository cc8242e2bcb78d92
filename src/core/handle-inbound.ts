/**
 * The pipeline for one inbound message: serialise per conversation → load session → drop a
 * redelivered message → engine → save with a version check → render → hand to the channel.
 * It is the one error boundary: it logs once with context, apologises in the user's language,
 * keeps the stored state where it was, and never rejects.
 */
import type { Engine } from "./engine";
import { toConversationKey, type InboundMessage, type OutboundMessage } from "./messages";
import type { Clock, Logger, Translator } from "./ports";
import type { ChannelDirectory } from "./channel-contract";
import { renderReplies, renderTurn } from "./render";
import type { SessionStore } from "./session.store";
import { createSerialQueue } from "./serial-queue";

const rememberedIds = 20;
const saveAttempts = 3;

export type Respond = (messages: OutboundMessage[]) => Promise<void>;

export type InboundHandlerDeps = {
  engine: Engine;
  sessions: SessionStore;
  translator: Translator;
  logger: Logger;
  clock: Clock;
  /** The channels' declarations: a turn's replies are joined to fit each channel's messages. */
  channels?: ChannelDirectory;
  /** A stable stand-in for a conversation key in logs (a keyed hash): the key holds a phone number. */
  pseudonymise?: (conversationKey: string) => string;
};

/** A platform message id without the chat id WhatsApp puts in it ("false_628…@c.us_3EB0…" → "3EB0…"). */
export const toLoggedMessageId = (messageId: string): string => messageId.split("_").at(-1) ?? "";

export function createInboundHandler(deps: InboundHandlerDeps) {
  const queue = createSerialQueue();

  async function process(message: InboundMessage, log: Logger): Promise<OutboundMessage[] | null> {
    const key = toConversationKey(message.channel, message.userId);
    for (let attempt = 1; attempt <= saveAttempts; attempt++) {
      const stored = await deps.sessions.load(key);
      if (stored?.recentMessageIds.includes(message.messageId)) {
        log.debug({}, "duplicate message dropped");
        return null;
      }
      const { session, replies } = await deps.engine.handle(stored, message, deps.clock.now());
      session.recentMessageIds = [...session.recentMessageIds, message.messageId].slice(-rememberedIds);
      if ((await deps.sessions.save(session)) === "saved") {
        log.debug(
          { flow: session.flow?.id, step: session.flow?.step, replies: replies.length },
          "message handled",
        );
        const capabilities = deps.channels?.capabilitiesOf(message.channel);
        return renderTurn(replies, session.language, deps.translator, capabilities);
      }
      log.warn({ attempt }, "session changed concurrently; handling the message again");
    }
    throw new Error(`Session ${key} kept changing during ${saveAttempts} attempts`);
  }

  async function apologise(message: InboundMessage, respond: Respond, log: Logger): Promise<void> {
    try {
      const stored = await deps.sessions
        .load(toConversationKey(message.channel, message.userId))
        .catch(() => null);
      await respond(renderReplies([{ key: "common:error" }], stored?.language ?? "id", deps.translator));
    } catch (error) {
      log.error({ err: error }, "could not send the apology either");
    }
  }

  /** Handles one message; resolves when the replies were handed to `respond`. Never rejects. */
  function handle(message: InboundMessage, respond: Respond): Promise<void> {
    const key = toConversationKey(message.channel, message.userId);
    const log = deps.logger.child({
      channel: message.channel,
      ...(deps.pseudonymise ? { conversation: deps.pseudonymise(key) } : {}),
      messageId: toLoggedMessageId(message.messageId),
    });
    return queue.run(toConversationKey(message.channel, message.userId), async () => {
      let messages: OutboundMessage[] | null;
      try {
        messages = await process(message, log);
      } catch (error) {
        log.error(
          { err: error },
          "message handling failed; the user got an apology and the state is unchanged",
        );
        return apologise(message, respond, log);
      }
      if (!messages || messages.length === 0) return;
      try {
        await respond(messages);
      } catch (error) {
        log.error({ err: error }, "sending the replies failed; the session was saved");
      }
    });
  }

  return { handle };
}

export type InboundHandler = ReturnType<typeof createInboundHandler>;
