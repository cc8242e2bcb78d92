/** The flows the engine knows, and the hook that answers questions typed mid-flow. */
import type { AnyFlow, FlowContext } from "./flow";
import type { MediaInput, Reply } from "./messages";

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
