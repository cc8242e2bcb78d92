/**
 * DESIGN §8 and issue 13 point 8, as an heir notices them: how many messages from "lapor kematian"
 * to the KLM reference, and how long the turn that files the claim is (the same paths the
 * `npm run bench -- death-report` section prints).
 */
import { heirPaths, playHeirPath } from "../../../scripts/bench/death-report.bench";

describe("the heir's path to the claim reference", () => {
  it.each(heirPaths.map((path) => [path.name, path] as const))(
    "%s: one short turn files the claim (≤ 3 messages, ≤ 900 characters), no turn over 900",
    async (_name, path) => {
      const figures = await playHeirPath(path);
      expect(figures.creatingTurn.messages).toBeLessThanOrEqual(3);
      expect(figures.creatingTurn.chars).toBeLessThanOrEqual(900);
      expect(figures.longestTurnChars).toBeLessThanOrEqual(900);
    },
  );

  it("takes at most 10 messages on the typical path, on the terminal and on WhatsApp", async () => {
    for (const path of heirPaths.filter((p) => p.name.startsWith("typical")))
      expect((await playHeirPath(path)).messages).toBeLessThanOrEqual(10);
  });
});
