/** The staff CLIs as staff run them: help in Indonesian, wrong usage as exit code 2, a report. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const cwd = mkdtempSync(path.join(tmpdir(), "staff-cli-"));
const run = (script: string, ...args: string[]) =>
  spawnSync(tsx, [path.join(root, "scripts", script), ...args], {
    cwd,
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, EMBEDDED_MONGO: "false", MONGODB_URI: "", LOG_LEVEL: "error" },
  });

describe("staff CLIs", () => {
  it("explain themselves in Indonesian with --help (exit 0) and refuse an unknown command (exit 2)", () => {
    const help = run("claims.ts", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Pemakaian: npm run claims --");
    expect(help.stdout).toContain("move <referensi> <tahap> [catatan...]");
    const wrong = run("claims.ts", "pindah");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("galat: perintah 'pindah' tidak dikenal");
  });

  it("print the APBD projection by target with its assumptions", () => {
    const budget = run("report.ts", "budget");
    expect(budget.status).toBe(0);
    expect(budget.stdout).toContain("1.404.345.600");
    expect(budget.stdout).toContain("tidak berlaku untuk iuran APBD");
  });
});
