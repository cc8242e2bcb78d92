/**
 * Routes proactive messages (status pushes, reminders, broadcasts) to whichever channel the
 * recipient uses, rendered in the recipient's language (from their session unless given).
 * An unsolicited message whose channel is not running in this process (a staff CLI), or cannot
 * send now (WhatsApp logging in), goes to the outbox; the bot process sends it later.
 */
import type { Language, OutboundMessage, Reply } from "./messages";
import { toConversationKey, type ChannelName } from "./messages";
import type { Outbox } from "./outbox.port";
import type {
  ChannelSender,
  Clock,
  Logger,
  Notifier,
  NotifyOptions,
  NotifyOutcome,
  Recipient,
  SendKind,
  Translator,
} from "./ports";
import type { ChannelDirectory } from "./channel-contract";
import { renderTurn } from "./render";
import type { SessionStore } from "./session.store";
import { AppError, isAppError } from "./errors";

export type ChannelHub = Notifier & {
  register(sender: ChannelSender): void;
  unregister(channel: ChannelSender["channel"]): void;
  has(channel: ChannelSender["channel"]): boolean;
  /** Channels registered in this process. */
  channels(): ChannelName[];
  /** Called after every `register` (the outbox drainer sends what waited for that channel). */
  onRegister(listener: (channel: ChannelName) => void): void;
  /**
   * Who sends a keyed message at once after queueing it (the outbox drainer: claims the item by
   * id, sends it, marks it sent or due for a retry); true when it was sent.
   */
  useDelivery(deliver: (id: string) => Promise<boolean>): void;
  /** Sends messages rendered already (queued replies) through the recipient's channel here. */
  sendRendered(recipient: Recipient, messages: OutboundMessage[], kind: SendKind): Promise<void>;
};

/** True for "this channel cannot send right now" (not running here, or not connected): worth retrying. */
export function isChannelUnavailable(error: unknown): boolean {
  return isAppError(error, "CHANNEL_SEND_FAILED") && error.details.unavailable === true;
}

const toShortError = (error: unknown) =>
  (isAppError(error) ? `${error.code}: ${error.message}` : String(error)).slice(0, 200);

export function createChannelHub(deps: {
  sessions: SessionStore;
  translator: Translator;
  logger: Logger;
  outbox?: Outbox;
  clock?: Clock;
  /** The channels' declarations: a push's replies are joined to fit the channel's messages. */
  channels?: ChannelDirectory;
}): ChannelHub {
  const senders = new Map<ChannelName, ChannelSender>();
  const listeners: Array<(channel: ChannelName) => void> = [];
  let deliver: ((id: string) => Promise<boolean>) | undefined;

  async function languageOf(recipient: Recipient, given: Language | undefined): Promise<Language> {
    if (given) return given;
    const session = await deps.sessions.load(toConversationKey(recipient.channel, recipient.userId));
    return session?.language ?? "id";
  }

  async function queue(recipient: Recipient, replies: Reply[], options: NotifyOptions, error?: unknown) {
    const { outbox, clock } = deps;
    if (!outbox || !clock) throw error;
    await outbox.enqueue(
      {
        recipient,
        replies,
        kind: options.kind ?? "unsolicited",
        ...(options.language ? { language: options.language } : {}),
        ...(error ? { attempts: 1, lastError: toShortError(error) } : {}),
      },
      clock.now(),
      options.key,
    );
    deps.logger.info({ channel: recipient.channel, retry: Boolean(error) }, "message queued in the outbox");
    return "queued" as const;
  }

  return {
    register(sender) {
      senders.set(sender.channel, sender);
      for (const listener of listeners) listener(sender.channel);
    },
    unregister: (channel) => void senders.delete(channel),
    has: (channel) => senders.has(channel),
    channels: () => [...senders.keys()],
    onRegister: (listener) => void listeners.push(listener),
    useDelivery: (fn) => void (deliver = fn),
    async sendRendered(recipient, messages, kind) {
      const sender = senders.get(recipient.channel);
      if (!sender)
        throw new AppError("CHANNEL_SEND_FAILED", `Channel ${recipient.channel} is not running`, {
          channel: recipient.channel,
          unavailable: true,
        });
      await sender.send(recipient.userId, messages, kind);
    },
    async notify(recipient, replies, options = {}): Promise<NotifyOutcome> {
      const kind = options.kind ?? "unsolicited";
      const queueable = kind === "unsolicited" && options.outbox !== false && Boolean(deps.outbox);
      const sender = senders.get(recipient.channel);
      // Keyed: queued once under the key, then sent from the outbox (once, with retries).
      if (queueable && options.key) {
        await queue(recipient, replies, options);
        return sender && deliver && (await deliver(options.key)) ? "sent" : "queued";
      }
      if (!sender) {
        if (queueable) return queue(recipient, replies, options);
        throw new AppError("CHANNEL_SEND_FAILED", `Channel ${recipient.channel} is not running`, {
          channel: recipient.channel,
          unavailable: true,
        });
      }
      const language = await languageOf(recipient, options.language);
      try {
        const context = { replies, language, ...(options.reference ? { reference: options.reference } : {}) };
        const capabilities = deps.channels?.capabilitiesOf(recipient.channel);
        const messages = renderTurn(replies, language, deps.translator, capabilities);
        await sender.send(recipient.userId, messages, kind, context);
        return "sent";
      } catch (error) {
        // A policy refusal (never wrote, opted out) or a recipient who cannot get it (invalid number)
        // is final; another failed send is tried again later.
        if (queueable && isAppError(error, "CHANNEL_SEND_FAILED") && error.details.final !== true)
          return queue(recipient, replies, options, error);
        throw error;
      }
    },
  };
}
