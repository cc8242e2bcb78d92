/**
 * The conversation engine: given the stored session and one inbound message, it returns the
 * replies and the new session as data. It never sends, saves or logs personal data itself;
 * handle-inbound.ts does the I/O around it.
 */
import type { AnyFlow, FlowContext } from "./flow";
import { deepCopy } from "./copy";
import type { InboundMessage, Language, MediaInput, Reply } from "./messages";
import type { Logger, Translator } from "./ports";
import { createSession, type Session } from "./session";
import { Turn } from "./turn";
import type { Services } from "./services";

/**
 * What the question answerer makes of text a step refused: replies (then the step is asked
 * again), or replies and a flow to start (the active flow is parked, as with the menu).
 */
export type Interjection = Reply[] | { replies: Reply[]; start: { flow: string; data?: unknown } };

/** The flows the engine knows; `home` (the menu) handles input when no flow is active. */
export type FlowRegistry = {
  home: AnyFlow;
  get(id: string): AnyFlow | undefined;
  /** Answers a question typed mid-flow instead of an answer; null when the text is no question. */
  interject?: (text: string, ctx: FlowContext) => Promise<Interjection | null> | Interjection | null;
  /**
   * A photo or file the current step (or the menu) did not take: a flow that collects files may
   * take it over (claim documents), so nothing a user sends is dropped; null leaves the step's reply.
   */
  onStrayMedia?: (media: MediaInput, ctx: FlowContext) => Promise<Interjection | null>;
  /** The first message of a conversation never seen before: a flow to start before anything else. */
  onNewConversation?: (ctx: FlowContext) => Promise<{ flow: string; data?: unknown } | null>;
};

export type EngineDeps = {
  registry: FlowRegistry;
  services: Services;
  translator: Translator;
  logger: Logger;
  /** After this much silence, an unfinished flow asks "lanjutkan atau mulai lagi?". */
  silenceMs: number;
  /** Language of a new conversation (default "id"); users switch with "bahasa". */
  defaultLanguage?: Language;
};

export type EngineResult = { session: Session; replies: Reply[] };

export function createEngine(deps: EngineDeps) {
  async function handle(stored: Session | null, message: InboundMessage, now: Date): Promise<EngineResult> {
    const session: Session = stored
      ? deepCopy(stored)
      : createSession(message.channel, message.userId, now, deps.defaultLanguage);
    if (message.phone) session.phone = message.phone;
    if (message.displayName) session.displayName = message.displayName;
    const silentFor = now.getTime() - session.lastActivityAt.getTime();
    session.lastActivityAt = now;
    const turn = new Turn(deps, session, message, now);
    if (!stored) turn.replies.push({ key: "common:welcome" });
    if (!stored && deps.registry.onNewConversation) {
      const first = await deps.registry.onNewConversation(turn.ctx);
      if (first) session.queued = { flow: first.flow, data: first.data ?? {}, at: now };
    }
    await turn.run(silentFor);
    session.version += 1;
    return { session, replies: turn.replies };
  }

  return { handle };
}

export type Engine = ReturnType<typeof createEngine>;
