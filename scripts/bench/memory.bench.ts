/**
 * Resident memory of the bot process with 10,000 stored sessions (memory store, so the sessions
 * live in the process: the worst case), measured in a child process so the bench's own heap does
 * not count: under tsx, and compiled (node dist/…) when `npm run build` works.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureBuild, info, projectRoot, within, type BenchRow, type BenchSection } from "../lib/bench";

const sessions = 10_000;
const mb = (bytes: number) => bytes / 1024 / 1024;

type ChildReport = {
  baseline: number;
  peak: number;
  soon: number;
  rss: number;
  heapUsed: number;
  sessions: number;
};

function measure(args: string[]): ChildReport {
  const result = spawnSync(process.execPath, ["--expose-gc", ...args, String(sessions)], {
    cwd: projectRoot,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`rss child failed: ${result.stderr.slice(0, 500)}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as ChildReport;
}

function toRows(label: string, report: ChildReport): BenchRow[] {
  return [
    within(
      `RSS with ${sessions.toLocaleString("en")} sessions, idle 10 s, ${label}`,
      mb(report.rss),
      "MB",
      150,
    ),
    info(`  RSS before the sessions, ${label}`, mb(report.baseline), "MB"),
    info(`  RSS right after 20,000 messages, ${label}`, mb(report.peak), "MB"),
    info(`  RSS 1 s after them, ${label}`, mb(report.soon), "MB"),
    info(`  JS heap used with the sessions, ${label}`, mb(report.heapUsed), "MB"),
  ];
}

export const section: BenchSection = {
  name: "memory",
  async run() {
    const rows = toRows(
      "tsx",
      measure(["--import", "tsx", path.join(projectRoot, "scripts/bench/rss.child.ts")]),
    );
    const build = ensureBuild();
    const compiled = path.join(projectRoot, "dist/scripts/bench/rss.child.js");
    if (build.ok && existsSync(compiled)) rows.push(...toRows("compiled", measure([compiled])));
    else
      rows.push(info(`compiled build unavailable (${build.ok ? "no child" : build.reason})`, Number.NaN, ""));
    return rows;
  },
};
