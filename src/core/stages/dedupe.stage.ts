/**
 * Drops a message handled before (a redelivery, a retry after a crash, another instance): the
 * turn is marked duplicate and nothing else runs. The inbound handler then sends that message's
 * replies if they never went out. Handled message ids are remembered in the session.
 */
import { stage } from "../composer";
import type { Turn } from "../turn";

/** How many handled message ids a session remembers (newest last). */
export const rememberedMessageIds = 20;

export const dedupeStage = stage<Turn>("dedupe", async (turn, next) => {
  const { session, message } = turn;
  if (session.recentMessageIds.includes(message.messageId)) {
    turn.duplicate = true;
    return;
  }
  await next();
  session.recentMessageIds = [...session.recentMessageIds, message.messageId].slice(-rememberedMessageIds);
});
