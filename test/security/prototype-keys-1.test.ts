import { describeBuiltInNamesAtEveryStep } from "./prototype-keys.cases";

describe("JavaScript built-in property names typed at every step (half 1 of the steps)", () => {
  describeBuiltInNamesAtEveryStep(0);
});
