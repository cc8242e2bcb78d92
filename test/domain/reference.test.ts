import { claimPrefix, createReference, parseReference, referenceAlphabet } from "../../src/domain/reference";

describe("references", () => {
  it("are the prefix and 6 characters without look-alikes", () => {
    for (let i = 0; i < 500; i++) {
      const reference = createReference("DFT");
      expect(reference).toMatch(/^DFT-[2-9A-HJKMNP-Z]{6}$/);
    }
    expect(referenceAlphabet).not.toMatch(/[01OIL]/);
  });

  it("work with any prefix (claims use KLM-)", () => {
    expect(createReference("KLM")).toMatch(/^KLM-[2-9A-HJKMNP-Z]{6}$/);
  });

  it("use the random source given, so collisions can be tested", () => {
    expect(createReference("DFT", () => 0)).toBe("DFT-222222");
  });

  it("are read back as people type them", () => {
    expect(parseReference("dft 4kq 7mz", "DFT")).toBe("DFT-4KQ7MZ");
    expect(parseReference("DFT4KQ7MZ", "DFT")).toBe("DFT-4KQ7MZ");
    expect(parseReference("DFT-4KQ7M", "DFT")).toBeUndefined();
    expect(parseReference("DFT-4KQ7M0", "DFT")).toBeUndefined();
    expect(parseReference("KLM-4KQ7MZ", "DFT")).toBeUndefined();
  });

  it.each([
    ["klm-7hq3xa", "KLM-7HQ3XA"],
    ["KLM 7HQ3XA", "KLM-7HQ3XA"],
    ["klm7hq3xa", "KLM-7HQ3XA"],
    ["klm: 7hq3xa", "KLM-7HQ3XA"],
    ["KLM-7HQ0XA", undefined],
    ["DFT-7HQ3XA", undefined],
  ])("read the claim reference %s as %s", (typed, expected) =>
    expect(parseReference(typed, claimPrefix)).toBe(expected),
  );
});
