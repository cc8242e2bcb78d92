/**
 * `npm run bench [-- NAME…] [-- --strict]`: runs every section file scripts/bench/*.bench.ts (or
 * those whose name contains one of NAME) and prints the figures beside the budgets of DESIGN §8.
 * Budgets are reported, not asserted; `--strict` exits 1 when a figure is over its budget.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { toTable, type BenchRow, type BenchSection } from "./lib/bench";

const sectionDir = path.join(__dirname, "bench");

async function loadSections(filters: string[]): Promise<BenchSection[]> {
  const files = readdirSync(sectionDir)
    .filter((f) => /\.bench\.[jt]s$/.test(f))
    .sort();
  const sections: BenchSection[] = [];
  for (const file of files) {
    const loaded = (await import(path.join(sectionDir, file))) as { section?: BenchSection };
    if (!loaded.section) throw new Error(`${file} does not export \`section\` ({ name, run })`);
    if (filters.length === 0 || filters.some((f) => loaded.section!.name.includes(f) || file.includes(f)))
      sections.push(loaded.section);
  }
  return sections;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const strict = args.includes("--strict");
  const sections = await loadSections(args.filter((a) => !a.startsWith("--")));
  const results: { section: string; rows: BenchRow[] }[] = [];
  let crashed = false;
  for (const section of sections) {
    console.error(`bench: ${section.name}…`);
    try {
      results.push({ section: section.name, rows: await section.run() });
    } catch (error) {
      crashed = true;
      console.error(`bench: ${section.name} failed:`, error);
    }
  }
  console.log(toTable(results));
  const over = results.flatMap((r) => r.rows).filter((row) => row.ok === false);
  if (over.length > 0) console.log(`\n${over.length} figure(s) over budget.`);
  return crashed || (strict && over.length > 0) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error("bench failed:", error);
    process.exitCode = 1;
  },
);
