import { describeBuiltInNamesAtEveryStep } from "./prototype-keys.cases";

describe("JavaScript built-in property names typed at every step (half 2 of the steps)", () => {
  describeBuiltInNamesAtEveryStep(1);
});
