/**
 * One message's worth of work on a session, as data the pipeline's stages read and change: the
 * working copy of the session, the message, the replies collected so far and what the current
 * step decided. The engine creates one per message; stages (core/stages/) do the work.
 */
import { createHash } from "node:crypto";
import { canEnter, type AnyFlow, type FlowContext, type StepInput, type StepResult } from "./flow";
import type { FlowRegistry } from "./flow-registry";
import { toConversationKey, type InboundMessage, type Language, type Reply } from "./messages";
import type { Logger, Translator } from "./ports";
import type { Services } from "./services";
import type { FlowState, Session } from "./session";
import { toStaffServices } from "./staff-scope";
import { toCleanText } from "./text";

export type EngineDeps = {
  registry: FlowRegistry;
  services: Services;
  translator: Translator;
  logger: Logger;
  /** After this much silence, an unfinished flow asks "lanjutkan atau mulai lagi?". */
  silenceMs: number;
  /** Language of a new conversation (default "id"); users switch with "bahasa". */
  defaultLanguage?: Language;
  /** Longest text (or caption) handled, in characters; longer is refused before any parsing (2,000). */
  maxTextLength?: number;
  /**
   * The hand-off gate: true while a person (staff inbox) handles the conversation, so the bot
   * runs no flow (core/handoff-citizen.ts). Without it there is no staff inbox: no hand-off is
   * opened and the gate only passes the turn on.
   */
  isHandedOff?: (session: Readonly<Session>) => boolean;
};

export const defaultMaxTextLength = 2_000;

/** What the current step decided, before it is applied (an interjection may replace it). */
export type StepOutcome = { flow: AnyFlow; state: FlowState; result: StepResult<unknown> };

export type Turn = {
  readonly deps: EngineDeps;
  readonly message: InboundMessage;
  readonly now: Date;
  /** The working copy; stages change it and the engine returns it as the new state. */
  readonly session: Session;
  /** True when no session was stored for this conversation before this message. */
  readonly isNew: boolean;
  /** True when the stored session could not be read and was replaced by a fresh one. */
  readonly reset: boolean;
  /** Time since the previous message, in ms. */
  readonly silentFor: number;
  readonly replies: Reply[];
  /** What a step sees of the world (built once per turn). */
  readonly ctx: FlowContext;
  /** The message's text cleaned (computed on first use, after the length check). */
  readonly input: StepInput;
  /** Set by the dedupe stage: the message was handled before; nothing else runs. */
  duplicate: boolean;
  outcome: StepOutcome | undefined;
  /** Set when a flow finished: the completion stage runs its `complete`. */
  completing: { flow: AnyFlow; data: unknown } | undefined;
};

/**
 * A key for one side effect of one message: the same conversation, message and purpose give the
 * same key on a retry, a redelivery or another instance; different purposes give different keys.
 * Hashed, so no phone number or user id is readable in stored keys.
 */
export function toEffectKey(
  message: Pick<InboundMessage, "channel" | "userId" | "messageId">,
  purpose: string,
) {
  const source = `${toConversationKey(message.channel, message.userId)}\u0000${message.messageId}\u0000${purpose}`;
  return `fx-${createHash("sha256").update(source).digest("base64url").slice(0, 32)}`;
}

function toInput(message: InboundMessage): StepInput {
  if (message.content.type !== "text") return { content: message.content, text: "" };
  const text = toCleanText(message.content.text);
  return { content: { type: "text", text }, text };
}

/** True when the sender may go on with (or enter) a flow: anyone a citizen flow, staff whose role allows it a staff flow. */
export const mayEnter = (turn: Pick<Turn, "message">, flow: AnyFlow): boolean =>
  canEnter(flow, turn.message.staff ?? null);

function createContext(turn: Turn): FlowContext {
  const { deps, session, message, now } = turn;
  let scoped: Services | undefined;
  return {
    now,
    channel: message.channel,
    capabilities: deps.services.channels.capabilitiesOf(message.channel),
    userId: message.userId,
    get language() {
      return session.language;
    },
    get phone() {
      return message.phone ?? session.phone;
    },
    isStaff: message.staff !== undefined,
    staff: message.staff ?? null,
    session,
    /** Staff flows of a kelurahan officer see only their kelurahan (core/staff-scope.ts). */
    get services() {
      const staff = message.staff;
      const id = session.flow?.id;
      const flow = turn.completing?.flow ?? (id ? deps.registry.get(id) : undefined);
      if (!staff || !flow?.staffOnly) return deps.services;
      return (scoped ??= toStaffServices(deps.services, staff));
    },
    translator: deps.translator,
    logger: deps.logger,
    effectKey: (purpose) => toEffectKey(message, purpose),
    setLanguage: (language) => {
      session.language = language;
    },
    forgetConversation: () => {
      session.parked = {};
      session.context = {};
      session.resumePending = false;
      delete session.displayName;
      delete session.phone;
    },
    setContext: (patch) => {
      for (const [name, value] of Object.entries(patch)) {
        if (value === undefined) delete session.context[name];
        else session.context[name] = value;
      }
    },
  };
}

export function createTurn(
  deps: EngineDeps,
  session: Session,
  message: InboundMessage,
  now: Date,
  facts: { isNew: boolean; reset: boolean; silentFor: number },
): Turn {
  let input: StepInput | undefined;
  let ctx: FlowContext | undefined;
  const turn: Turn = {
    deps,
    message,
    now,
    session,
    ...facts,
    replies: [],
    get ctx() {
      return (ctx ??= createContext(turn));
    },
    get input() {
      return (input ??= toInput(message));
    },
    duplicate: false,
    outcome: undefined,
    completing: undefined,
  };
  return turn;
}
