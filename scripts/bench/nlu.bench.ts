/**
 * NLU benchmark section, end to end through the bot: every held-out file in test/nlu/heldout/*.tsv
 * (the dev set written apart from the training data, and the final set when present) and the
 * internal validation split (test/nlu/utterances.tsv) are asked one message per fresh conversation;
 * the figures are the direct-and-correct, confidently-wrong, choice-menu and decline rates, per file,
 * per language and per style, beside the budgets (DESIGN §8). Also the classifier's latency.
 *   npm run bench -- nlu [--failures]   (--failures: every line not answered directly, on stderr)
 */
import path from "node:path";
import { percentile, projectRoot, type BenchRow, type BenchSection } from "../lib/bench";
import { evaluateFile, heldoutFiles, internalFile, type FileReport } from "../lib/nlu-report";
import { getIntentClassifier } from "../../src/nlu/load-intent-model";
import { readLabelled } from "../../src/nlu/training-data";

const pct = (x: number) => Math.round(x * 1000) / 10;
const note = (what: string, value: string, unit: string): BenchRow => ({
  what,
  value,
  unit,
  budget: "",
  ok: null,
});

function rowsOf(report: FileReport): BenchRow[] {
  const rows: BenchRow[] = [];
  const name = report.name;
  const { all, budgets } = report;
  rows.push(
    {
      what: `${name}: direct and correct (${all.directCount}/${all.total})`,
      value: pct(all.direct),
      unit: "%",
      budget: `≥ ${pct(budgets.direct)}`,
      ok: all.direct >= budgets.direct,
    },
    {
      what: `${name}: confidently wrong`,
      value: pct(all.wrong),
      unit: "%",
      budget: `≤ ${pct(budgets.wrong)}`,
      ok: all.wrong <= budgets.wrong,
    },
    { what: `${name}: choice menu`, value: pct(all.menu), unit: "%", budget: "", ok: null },
    { what: `${name}: in-scope declined`, value: pct(all.declined), unit: "%", budget: "", ok: null },
    {
      what: `${name}: out-of-scope declined or routed without a figure (${all.oosOk}/${all.oos})`,
      value: pct(all.oosShare),
      unit: "%",
      budget: "= 100",
      ok: all.oosShare >= 1,
    },
  );
  for (const [group, figures] of [...report.byLang, ...report.byStyle])
    rows.push(
      note(
        `${name} · ${group}: direct / wrong / menu (n=${figures.total})`,
        `${pct(figures.direct)} / ${pct(figures.wrong)} / ${pct(figures.menu)}`,
        "%",
      ),
    );
  return rows;
}

/** Every in-scope line not answered directly and every out-of-scope line not declined, one per line. */
function printFailures(report: FileReport): void {
  for (const s of report.scored) {
    if (s.correct) continue;
    const where = `${report.name}:${s.row.line}`;
    const tags = [s.row.lang, s.row.style].filter(Boolean).join("/");
    const got = s.answered.join("+") || "-";
    console.error(`${where}\t${s.outcome}\t${s.row.label}\t→ ${got}\t${tags}\t${s.row.text}`);
  }
}

function latencyRows(): BenchRow[] {
  const classifier = getIntentClassifier();
  const texts = readLabelled(internalFile).map((r) => r.text);
  for (const t of texts) classifier.classify(t);
  const times: number[] = [];
  for (let round = 0; round < 10; round += 1)
    for (const t of texts) {
      const start = process.hrtime.bigint();
      classifier.classify(t);
      times.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  return [
    {
      what: "classifier latency p50",
      value: Math.round(percentile(times, 50)),
      unit: "µs",
      budget: "≤ 300",
      ok: percentile(times, 50) <= 300,
    },
    {
      what: "classifier latency p99",
      value: Math.round(percentile(times, 99)),
      unit: "µs",
      budget: "≤ 5000",
      ok: percentile(times, 99) <= 5000,
    },
  ];
}

export const section: BenchSection = {
  name: "nlu",
  async run() {
    const rows: BenchRow[] = [];
    const reports = [
      ...(await Promise.all(heldoutFiles().map((file) => evaluateFile(file, "heldout")))),
      await evaluateFile(internalFile, "training"),
    ];
    for (const report of reports) {
      rows.push(...rowsOf(report));
      if (process.argv.includes("--failures")) printFailures(report);
    }
    rows.push(
      note("held-out folder", path.relative(projectRoot, path.dirname(internalFile)) + "/heldout", ""),
    );
    return [...rows, ...latencyRows()];
  },
};
