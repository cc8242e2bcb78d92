/**
 * NLU benchmark section: top-1 intent accuracy on the labelled hold-out set, the most confused
 * pairs, and per-utterance latency (normalise + match + decision). Runs alone too:
 *   npx tsx scripts/bench/nlu.bench.ts
 */
import { questionMatcher, toEffectiveIntent } from "../../src/flows/question-answerer";
import { evaluateLabelledSet, loadLabelledSet } from "../../test/nlu/labelled-set";

type Measure = { what: string; value: number | string; unit: string; budget: string; ok: boolean };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const nluBench = {
  name: "nlu",
  async run(): Promise<Measure[]> {
    const rows = loadLabelledSet();
    const evaluation = evaluateLabelledSet(rows);
    // Warm the caches once, then time every utterance many times over.
    for (const { text } of rows) toEffectiveIntent(text, questionMatcher.match(text));
    const times: number[] = [];
    for (let round = 0; round < 20; round += 1)
      for (const { text } of rows) {
        const start = process.hrtime.bigint();
        toEffectiveIntent(text, questionMatcher.match(text));
        times.push(Number(process.hrtime.bigint() - start) / 1000);
      }
    times.sort((a, b) => a - b);
    const top = evaluation.confusions
      .slice(0, 5)
      .map((c) => `${c.pair} (${c.count})`)
      .join("; ");
    return [
      {
        what: `top-1 intent accuracy (${evaluation.correct}/${evaluation.total} labelled utterances)`,
        value: Math.round(evaluation.accuracy * 1000) / 10,
        unit: "%",
        budget: "≥ 85",
        ok: evaluation.accuracy >= 0.85,
      },
      { what: "most confused pairs", value: top || "none", unit: "", budget: "", ok: true },
      {
        what: "latency per utterance p50",
        value: Math.round(percentile(times, 50)),
        unit: "µs",
        budget: "≤ 300",
        ok: percentile(times, 50) <= 300,
      },
      {
        what: "latency per utterance p99",
        value: Math.round(percentile(times, 99)),
        unit: "µs",
        budget: "≤ 5000",
        ok: percentile(times, 99) <= 5000,
      },
    ];
  },
};

export default nluBench;
/** The bench runner (scripts/bench.ts) loads `section`. */
export const section = nluBench;

if (require.main === module) {
  void nluBench.run().then((measures) => {
    for (const m of measures)
      console.log(
        `${m.ok ? "ok  " : "FAIL"} ${m.what}: ${m.value}${m.unit ? ` ${m.unit}` : ""}${m.budget ? ` (budget ${m.budget})` : ""}`,
      );
  });
}
