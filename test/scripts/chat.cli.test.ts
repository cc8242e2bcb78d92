import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const chat = (...args: string[]) =>
  spawnSync(tsx, ["scripts/chat.ts", ...args], { cwd: root, encoding: "utf8", timeout: 20000 });

describe("npm run chat", () => {
  it("prints one JSON object per turn and exits 0 for the example script", () => {
    const result = chat(
      "--script",
      "test/transcripts/menu.txt",
      "--json",
      "--now",
      "2026-03-02T09:00:00+07:00",
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const turns = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { out: string[] });
    expect(turns).toHaveLength(7);
    expect(turns[0]).toEqual({ user: "warga-1", in: "halo", out: expect.any(Array) });
    expect(turns[0]?.out.at(-1)).toContain("1. Daftar");
  });

  it("exits non-zero naming the line of a malformed script, before running anything", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chat-cli-"));
    const script = path.join(dir, "bad.txt");
    writeFileSync(script, "halo\n@wait a while\n");
    const result = chat("--script", script);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`${script}:2: bad duration "a while"`);
  });
});
