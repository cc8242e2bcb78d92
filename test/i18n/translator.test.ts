import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findLocalesDir } from "../../src/i18n/translator";

describe("finding the locales folder", () => {
  const root = mkdtempSync(path.join(tmpdir(), "locales-"));
  for (const lng of ["id", "en"]) mkdirSync(path.join(root, "locales", lng), { recursive: true });

  it("finds locales/ at the project root from src/i18n", () => {
    expect(findLocalesDir(path.join(root, "src/i18n"))).toBe(path.join(root, "locales"));
  });

  it("finds it from the compiled dist/src/i18n, past the partial copy tsc leaves in dist/locales", () => {
    mkdirSync(path.join(root, "dist/locales/id"), { recursive: true });
    expect(findLocalesDir(path.join(root, "dist/src/i18n"))).toBe(path.join(root, "locales"));
  });
});
