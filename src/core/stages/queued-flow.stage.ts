/**
 * A flow queued for this conversation starts at its next message that is no global command: one
 * someone else queued (e.g. "are you well?" after a death report about this person), or the one
 * the registry asks for on a conversation's very first message.
 */
import { stage } from "../composer";
import type { Turn } from "../turn";
import { startById } from "../turn-flow";

/** On a new conversation, asks the registry for a flow to start first. */
export const newConversationStage = stage<Turn>("new conversation", async (turn, next) => {
  const hook = turn.deps.registry.onNewConversation;
  if (turn.isNew && hook) {
    const first = await hook(turn.ctx);
    if (first) turn.session.queued = { flow: first.flow, data: first.data ?? {}, at: turn.now };
  }
  return next();
});

export const queuedFlowStage = stage<Turn>("queued flow", (turn, next) => {
  const queued = turn.session.queued;
  if (!queued) return next();
  delete turn.session.queued;
  turn.session.resumePending = false;
  return startById(turn, queued.flow, queued.data ?? {});
});
