import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runKeysCommand } from "../../scripts/lib/keys-command";
import { loadConfig } from "../../src/config";
import { silentLogger } from "../../src/security/pino.logger";
import { findKeyProblems } from "../../src/security/key-checks";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";

async function run(argv: string[], env: Record<string, string> = {}) {
  const lines: string[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), "keys-cli-"));
  const config = loadConfig({
    DATA_DIR: dir,
    DEV_KEYS_FILE: path.join(dir, "..", `${path.basename(dir)}.json`),
    ...env,
  });
  const store = createMemoryDocumentStore();
  const code = await runKeysCommand(argv, {
    config,
    store,
    logger: silentLogger,
    print: (l) => lines.push(l),
  });
  return { code, lines };
}

describe("npm run keys", () => {
  it("generates two different strong keys ready for the configuration", async () => {
    const { code, lines } = await run(["generate"]);
    expect(code).toBe(0);
    const env = Object.fromEntries(
      lines.filter((l) => l.includes("=")).map((l) => l.split("=") as [string, string]),
    );
    expect(Object.keys(env)).toEqual(["ENCRYPTION_KEY", "HASH_KEY"]);
    expect(env.ENCRYPTION_KEY).not.toBe(env.HASH_KEY);
    const settings = { NODE_ENV: "production", PREVIOUS_ENCRYPTION_KEYS: [], PREVIOUS_HASH_KEYS: [], ...env };
    expect(findKeyProblems(settings)).toEqual([]);
  });

  it("reports what depends on old keys, and says when the previous keys may go", async () => {
    const { code, lines } = await run(["status"]);
    expect(code).toBe(0);
    expect(lines).toContain("people: all under the current keys");
    expect(lines.at(-1)).toContain("may be removed");
  });

  it("prints its usage for an unknown command and refuses a bad batch size", async () => {
    expect((await run(["rotat"])).code).toBe(1);
    expect((await run(["rotat"])).lines.join("\n")).toContain("npm run keys -- rotate");
    expect((await run(["rotate", "--batch", "0"])).code).toBe(1);
    expect((await run(["rotate"])).code).toBe(0);
  });
});
