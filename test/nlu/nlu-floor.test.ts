import { evaluateFile, heldoutFiles, internalFile } from "../../scripts/lib/nlu-report";

jest.setTimeout(60_000);

const files = heldoutFiles();

describe("answers to questions written apart from the training data (end to end, floors in heldout/budgets.json)", () => {
  it("has the independent dev set", () => {
    expect(files.map((f) => f.split("/").pop())).toContain("dev.tsv");
  });

  it.each(files.map((f) => [f.split("/").pop() ?? f, f]))(
    "%s: answers directly at or above its floor, rarely wrong, and declines out-of-scope questions (all, unless its floor says otherwise)",
    async (_name, file) => {
      const report = await evaluateFile(file, "heldout");
      expect({
        direct: report.all.direct >= report.floor.direct,
        wrong: report.all.wrong <= report.floor.wrong,
      }).toEqual({
        direct: true,
        wrong: true,
      });
      expect(report.all.oosShare).toBeGreaterThanOrEqual(report.floor.outOfScope ?? 1);
    },
  );

  it("keeps the internal validation split at its floor", async () => {
    const report = await evaluateFile(internalFile, "training");
    expect(report.all.direct).toBeGreaterThanOrEqual(report.floor.direct);
    expect(report.all.wrong).toBeLessThanOrEqual(report.floor.wrong);
    expect(report.all.oosShare).toBe(1);
  });
});
