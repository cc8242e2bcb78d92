/**
 * Words that are property names of JavaScript built-ins ("constructor", "__proto__", "toString",
 * "hasOwnProperty", "valueOf", "length", …) are ordinary text for the bot: typed at any step of
 * any flow they get the step's normal answer: the engine neither throws (which the inbound
 * handler turns into the error apology and an error log) nor logs an error.
 * (Issue 12: "constructor" as a kelurahan hit `abbreviations[t]` and apologised.) Used by
 * prototype-keys-1/2.test.ts, each with half of the steps.
 */
import { isAppError } from "../../src/core/errors";
import type { InboundContent } from "../../src/core/messages";
import { createStepHarness, listStepTargets, type StepTarget } from "../support/step-harness";

const sources: object[] = [
  Object.prototype,
  Function.prototype,
  Array.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  Symbol.prototype,
  Date.prototype,
  RegExp.prototype,
  Promise.prototype,
  Map.prototype,
  Set.prototype,
  Error.prototype,
  Object,
  Function,
  Array,
  String,
  Number,
  Math,
  JSON,
  Reflect,
  globalThis,
];

/** Every own property name of the built-ins above (about 400), plus the classic pollution paths. */
export const builtInNames = [
  ...new Set([
    ...sources.flatMap((source) => Object.getOwnPropertyNames(source)),
    "__proto__",
    "prototype",
    "__proto__.polluted",
    "constructor.prototype",
  ]),
];

/**
 * The harness drops a user at a late step with the flow's initial (empty) data; a flow that then
 * completes refuses its missing answers with STATE_CORRUPT. That is the harness, not the input.
 */
const isHarnessArtefact = (err: unknown) => isAppError(err, "STATE_CORRUPT");

/** Half of the steps (`part` 0 or 1), so the two test files run in parallel. */
export function describeBuiltInNamesAtEveryStep(part: 0 | 1): void {
  const all = listStepTargets();
  const targets: StepTarget[] = all.filter((_, i) => i % 2 === part);

  it("covers every built-in name", () => {
    expect(builtInNames).toEqual(expect.arrayContaining(["constructor", "__proto__", "toString", "valueOf"]));
    expect(builtInNames.length).toBeGreaterThan(300);
  });

  it.each(targets.map((t) => [`${t.flow.id}.${t.step}`, t] as const))(
    "%s answers each one without an apology or an error log",
    async (_name, target) => {
      const { logged, handleAt } = createStepHarness();
      const failures: string[] = [];
      const send = async (label: string, content: InboundContent) => {
        const before = logged.length;
        const { replies, error } = await handleAt(target, content);
        const errors = logged.slice(before).filter((line) => line.level === "error");
        if (error !== undefined && !isHarnessArtefact(error))
          failures.push(`${label}: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
        else if (error === undefined && replies.length === 0) failures.push(`${label}: no reply`);
        if (errors.length > 0) failures.push(`${label}: logged "${errors[0]?.message}"`);
      };
      for (const name of builtInNames) await send(name, { type: "text", text: name });
      for (const value of ["constructor", "__proto__", "toString"])
        await send(`choice ${value}`, { type: "choice", value });
      expect(failures).toEqual([]);
    },
  );
}
