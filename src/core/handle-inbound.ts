/**
 * The I/O around the engine for one inbound message: take the conversation's lease in arrival
 * order and read the session (one turn per conversation at a time, in this process and across
 * processes: conversation-lease.ts) → engine →
 * save the new state with the turn's replies in one write → send the pending replies → mark them
 * sent and release the lease. A redelivered message sends its replies if they never went out.
 * It is the one error boundary: it logs once with context, apologises in the user's language,
 * keeps the stored state where it was, and never rejects.
 */
import { createConversationLeases, defaultLeaseSettings, type LeaseSettings } from "./conversation-lease";
import type { Engine } from "./engine";
import { AppError } from "./errors";
import { toConversationKey, type InboundMessage, type OutboundMessage, type Reply } from "./messages";
import type { Clock, Logger, Translator } from "./ports";
import type { ChannelDirectory } from "./channel-contract";
import { renderReplies } from "./render";
import { defaultDeliverySettings, deliverPending, type DeliverySettings } from "./reply-delivery";
import { createSession, type Session } from "./session";
import type { Acquired, Lease, SessionStore } from "./session.store";
import { toLocalOperator } from "./staff-directory";
import type { StaffDirectory } from "./staff.port";

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
  /** Real time for leases (shared by every process), separate from the app's clock that tests move. */
  leaseClock?: Clock;
  /** This process, in lease owners (default random). */
  instanceId?: string;
  lease?: Partial<LeaseSettings>;
  delivery?: Partial<DeliverySettings>;
  sleep?: (ms: number) => Promise<void>;
  /** A stable stand-in for a conversation key in logs (a keyed hash): the key holds a phone number. */
  pseudonymise?: (conversationKey: string) => string;
  /** Who is staff (accounts linked to a Telegram id or WhatsApp number). */
  staff?: StaffDirectory;
};

/** A platform message id without the chat id WhatsApp puts in it ("false_628…@c.us_3EB0…" → "3EB0…"). */
export const toLoggedMessageId = (messageId: string): string => messageId.split("_").at(-1) ?? "";

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The session with the turn's replies queued in its reply outbox. */
function withPending(session: Session, message: InboundMessage, replies: Reply[], now: Date): Session {
  if (replies.length === 0) return session;
  const entry = {
    messageId: message.messageId,
    replies,
    language: session.language,
    at: now,
    attempts: 0,
    dueAt: now,
  };
  return { ...session, pending: { ...session.pending, [`v${session.version}`]: entry } };
}

export function createInboundHandler(deps: InboundHandlerDeps) {
  const sleep = deps.sleep ?? realSleep;
  const leases = createConversationLeases({
    sessions: deps.sessions,
    clock: deps.leaseClock ?? { now: () => new Date() },
    settings: { ...defaultLeaseSettings, ...deps.lease },
    sleep,
  });
  const instanceId = deps.instanceId ?? Math.random().toString(36).slice(2, 10);
  const deliveryDeps = {
    translator: deps.translator,
    logger: deps.logger,
    now: () => deps.clock.now(),
    settings: { ...defaultDeliverySettings, ...deps.delivery },
    sleep,
    ...(deps.channels ? { channels: deps.channels } : {}),
  };
  let turns = 0;

  /** The session to run the turn on: the stored one, or a fresh one standing in for an unreadable one. */
  function toStored(acquired: Acquired, message: InboundMessage, now: Date, log: Logger): Session | null {
    if (!acquired.unreadable) return acquired.session;
    log.warn({ issues: acquired.unreadable.issues }, "stored session unreadable; starting it afresh");
    return { ...createSession(message.channel, message.userId, now), version: acquired.unreadable.version };
  }

  /** Runs the turn and saves it; returns what to send from (the saved or, for a duplicate, the stored session). */
  async function runTurn(message: InboundMessage, held: { lease?: Lease }, log: Logger): Promise<Session> {
    const key = toConversationKey(message.channel, message.userId);
    const acquired = await leases.take(key, `${instanceId}:${++turns}`);
    held.lease = acquired.lease;
    let stored = toStored(acquired, message, deps.clock.now(), log);
    for (let attempt = 1; attempt <= saveAttempts; attempt++) {
      const now = deps.clock.now();
      const result = await deps.engine.handle(stored, message, now, { reset: Boolean(acquired.unreadable) });
      if (result.duplicate) {
        log.debug({}, "message handled before; sending what of it never went out");
        return result.session;
      }
      const session = withPending(result.session, message, result.replies, now);
      if ((await deps.sessions.commit(session, acquired.lease)) === "saved") {
        log.debug(
          { flow: session.flow?.id, step: session.flow?.step, replies: result.replies.length },
          "message handled",
        );
        return session;
      }
      log.warn({ attempt }, "session changed concurrently; handling the message again");
      stored = (await deps.sessions.load(key)) ?? stored;
    }
    throw new AppError(
      "STORAGE_CONFLICT",
      `Session ${key} kept changing during ${saveAttempts} attempts`,
      {},
    );
  }

  async function apologise(message: InboundMessage, respond: Respond, log: Logger): Promise<void> {
    try {
      const key = toConversationKey(message.channel, message.userId);
      const stored = await deps.sessions.load(key).catch(() => null);
      await respond(renderReplies([{ key: "common:error" }], stored?.language ?? "id", deps.translator));
    } catch (error) {
      log.error({ err: error }, "could not send the apology either");
    }
  }

  /** The message with the sender's staff account, if any (`isStaff`: the local operator). */
  async function withStaff(message: InboundMessage): Promise<InboundMessage> {
    // A `staff` field never comes from outside: only the directory sets it.
    const rest: InboundMessage = { ...message };
    delete rest.staff;
    if (message.isStaff) return { ...rest, staff: toLocalOperator(message.channel, message.userId) };
    const staff = await deps.staff?.resolve(message.channel, message.userId);
    return staff ? { ...rest, staff } : rest;
  }

  async function process(received: InboundMessage, respond: Respond, log: Logger): Promise<void> {
    const held: { lease?: Lease } = {};
    let session: Session;
    try {
      session = await runTurn(await withStaff(received), held, log);
    } catch (error) {
      log.error(
        { err: error },
        "message handling failed; the user got an apology and the state is unchanged",
      );
      const key = toConversationKey(received.channel, received.userId);
      if (held.lease) await deps.sessions.release(key, held.lease).catch(() => undefined);
      return apologise(received, respond, log);
    }
    try {
      const delivery = await deliverPending(session, (messages) => respond(messages), deliveryDeps);
      await deps.sessions.settle(session, held.lease!, delivery);
    } catch (error) {
      // The turn is saved; its replies stay queued and the drainer sends them once the lease expires.
      log.error({ err: error }, "replies could not be sent or marked sent; they stay queued");
    }
  }

  /** Handles one message; resolves when its replies were sent (or queued for a retry). Never rejects. */
  function handle(message: InboundMessage, respond: Respond): Promise<void> {
    const key = toConversationKey(message.channel, message.userId);
    const log = deps.logger.child({
      channel: message.channel,
      ...(deps.pseudonymise ? { conversation: deps.pseudonymise(key) } : {}),
      messageId: toLoggedMessageId(message.messageId),
    });
    return process(message, respond, log).finally(() => leases.wake(key));
  }

  return { handle, instanceId };
}

export type InboundHandler = ReturnType<typeof createInboundHandler>;
