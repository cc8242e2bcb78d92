/**
 * Issue 14 as a person notices it: how many messages from "daftar" to the DFT- reference on each
 * channel when everything typed is valid, and one bot message per turn (the same paths the
 * `npm run bench -- conversation` section prints).
 */
import { conversationPaths, playConversationPath } from "../../scripts/bench/conversation.bench";

describe("registration in as few messages as a good paper form", () => {
  it.each(conversationPaths.map((path) => [path.name, path] as const))(
    "%s: within its budget of messages, one bot message per turn",
    async (_name, path) => {
      const figures = await playConversationPath(path);
      expect(figures.messages).toBeLessThanOrEqual(path.budget);
      expect(figures.mostMessagesInTurn).toBe(1);
    },
  );
});
