/**
 * Time from start to ready (no WhatsApp login): spawns the bot with the terminal chat, sends
 * "halo" and closes stdin, and times until the main menu appears on stdout. The median of a few
 * starts (the first start of tsx also fills its compile cache), under tsx, compiled, and through
 * `npm start`'s launcher (which runs the compiled build, building it first when it is stale).
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  ensureBuild,
  info,
  percentile,
  projectRoot,
  within,
  type BenchRow,
  type BenchSection,
} from "../lib/bench";

const starts = 3;
/** Milliseconds from spawn until the menu is printed. */
function timeStart(args: string[], dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, TERMINAL_CHAT: "true", DATA_DIR: dataDir, NODE_ENV: "development" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    let errors = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("1. Daftar")) {
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => void (errors += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (!output.includes("1. Daftar"))
        reject(new Error(`bot exited (${code}) without a menu: ${errors.slice(0, 300)}`));
    });
    child.stdin.end("halo\n");
  });
}

async function measure(label: string, args: string[]): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "jamsos-bench-"));
  const times: number[] = [];
  for (let i = 0; i < starts; i++) times.push(await timeStart(args, dataDir));
  return [
    within(`start to menu, ${label} (median of ${starts})`, percentile(times, 50), "ms", 2000),
    info(`  first start, ${label}`, times[0]!, "ms"),
  ];
}

export const section: BenchSection = {
  name: "startup",
  async run() {
    const rows = await measure("tsx src/main.ts", ["--import", "tsx", "src/main.ts"]);
    const build = ensureBuild();
    if (build.ok) rows.push(...(await measure("node dist/src/main.js", ["dist/src/main.js"])));
    else rows.push(info(`compiled build unavailable: ${build.reason}`, Number.NaN, ""));
    // npm start: the launcher checks the build is up to date (building first when not), then runs it.
    rows.push(...(await measure("npm start (scripts/start.cjs)", ["scripts/start.cjs"])));
    return rows;
  },
};
