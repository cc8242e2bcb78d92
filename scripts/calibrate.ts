/**
 * `npm run calibrate`: 5-fold cross-validation (twice, over other folds) of the intent model on nlu/train (never on the
 * held-out files). Prints the model's out-of-fold accuracy and log-loss for the training options,
 * the bot's figures at the thresholds in src/nlu/nlu-thresholds.ts, and how direct and wrong
 * answers trade as the thresholds move, with the point the rule picks (a wrong answer, or an
 * out-of-scope question answered with a figure, costs three missed direct answers).
 *   npm run calibrate -- [--folds 5] [--repeats 2] [--l2 1e-6] [--epochs 18] [--rate 0.35] [--skip 0.05]
 *                        [--no-sweep] [--wrong] [--confusions]
 */
import path from "node:path";
import { createTranslator } from "../src/i18n/translator";
import { toFaqParams } from "../src/nlu/faq-params";
import { faqTopics } from "../src/nlu/faq-topics";
import { thresholds, type NluThresholds } from "../src/nlu/nlu-thresholds";
import { toReading } from "../src/nlu/read-message";
import { defaultTraining, type TrainingOptions } from "../src/nlu/train-intent-model";
import { readTrainingData } from "../src/nlu/training-data";
import {
  crossValidate,
  figureIntents,
  toCvFigures,
  toCvOutcome,
  type CvFigures,
  type FoldReading,
} from "./lib/nlu-cross-validation";

const args = process.argv.slice(2);
const flag = (name: string): number | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const options: TrainingOptions = {
  ...defaultTraining,
  l2: flag("l2") ?? defaultTraining.l2,
  epochs: flag("epochs") ?? defaultTraining.epochs,
  rate: flag("rate") ?? defaultTraining.rate,
  skipBelow: flag("skip") ?? defaultTraining.skipBelow,
};
const pct = (part: number, total: number) => `${((100 * part) / Math.max(1, total)).toFixed(1)} %`;

/**
 * A wrong answer, or an out-of-scope question answered with a programme figure, costs three missed
 * direct answers; an extra answer beside the right one, or an out-of-scope question routed to an
 * answer without a figure, costs one.
 */
const costOfWrong = 3;
const toUtility = (f: CvFigures) =>
  (f.direct - costOfWrong * f.wrong - f.extra) / f.total -
  (costOfWrong * f.outOfScopeAnswered + f.outOfScopeRouted) / Math.max(1, f.outOfScope);

function describe(f: CvFigures): string {
  return [
    `utility ${toUtility(f).toFixed(3)}`,
    `direct ${pct(f.direct, f.total)}`,
    `wrong ${pct(f.wrong, f.total)}`,
    `partial ${pct(f.partial, f.total)}`,
    `menu ${pct(f.menu, f.total)}`,
    `declined ${pct(f.declined, f.total)}`,
    `extra ${pct(f.extra, f.total)}`,
    `out-of-scope answered with a figure ${f.outOfScopeAnswered}, without ${f.outOfScopeRouted} (of ${f.outOfScope})`,
  ].join("  ");
}

/** Top-1 accuracy and mean log-loss of the whole-message reading, single-label rows. */
function describeModel(readings: readonly FoldReading[]): string {
  const single = readings.filter((r) => !/[+|]/.test(r.row.label));
  let correct = 0;
  let loss = 0;
  for (const { row, message } of single) {
    if (message.whole.ranked[0]?.intent === row.label) correct += 1;
    const p = message.whole.ranked.find((s) => s.intent === row.label)?.p ?? 0;
    loss -= Math.log(Math.max(p, 1e-6));
  }
  return `top-1 ${pct(correct, single.length)}, log-loss ${(loss / single.length).toFixed(3)} (n=${single.length})`;
}

type Point = { t: NluThresholds; f: CvFigures };

function sweep(readings: readonly FoldReading[], grid: NluThresholds[]): Point {
  const points = grid.map((t) => ({ t, f: toCvFigures(readings, t) }));
  for (const { t, f } of points)
    console.log(
      `answer ${t.answer} margin ${t.margin} second ${t.second}/${t.secondMargin}/${t.secondOwn} domain ${t.domain}  ${describe(f)}`,
    );
  // Equal utility (to 0.001): the middle of that plateau, away from its edges.
  const strictness = ({ t }: Point) =>
    t.answer + t.margin + t.second + t.secondMargin + t.secondOwn + t.domain;
  const rounded = (p: Point) => Math.round(toUtility(p.f) * 1000);
  const top = Math.max(...points.map(rounded));
  const plateau = points.filter((p) => rounded(p) === top).sort((a, b) => strictness(a) - strictness(b));
  const best = plateau[Math.floor(plateau.length / 2)]!;
  console.log(`→ picked: ${describe(best.f)}\n`);
  return best;
}

const product = <T>(xs: readonly T[], ys: readonly T[]) => xs.flatMap((x) => ys.map((y) => [x, y] as const));

function calibrate(readings: readonly FoldReading[]): NluThresholds {
  const steps = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
  const main = sweep(
    readings,
    product(steps, [0, 0.1, 0.2, 0.3]).map(([answer, margin]) => ({ ...thresholds, answer, margin })),
  );
  const second = sweep(
    readings,
    product(steps, [0, 0.1, 0.2, 0.3]).map(([s, m]) => ({ ...main.t, second: s, secondMargin: m })),
  );
  const secondOwn = sweep(
    readings,
    [0.5, 0.6, 0.7, 0.8, 0.9, 1.01].map((o) => ({ ...second.t, secondOwn: o })),
  );
  const domain = sweep(
    readings,
    [0, 0.3, 0.4, 0.5, 0.6, 0.7].map((d) => ({ ...secondOwn.t, domain: d })),
  );
  return domain.t;
}

function printConfusions(readings: readonly FoldReading[]): void {
  const pairs = new Map<string, number>();
  for (const { row, message } of readings) {
    const key = `${row.label} → ${message.whole.ranked[0]?.intent ?? ""}`;
    if (!/[+|]/.test(row.label) && !key.endsWith(` ${row.label}`)) pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  for (const [key, n] of [...pairs].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${n} ${key}`);
}

function printWrong(readings: readonly FoldReading[], extra: boolean): void {
  for (const r of readings) {
    const outcome = toCvOutcome(r, thresholds);
    const wanted = r.row.label.split(/[+|]/);
    const asked = toReading(r.message, thresholds).asks.map((a) => a.intent);
    const extraAnswer = outcome === "direct" && asked.some((a) => !wanted.includes(a));
    if (extra ? !extraAnswer : outcome !== "wrong") continue;
    const asks = toReading(r.message, thresholds).asks.map((a) => `${a.intent}:${a.p.toFixed(2)}`);
    console.log(`${r.row.label}\t${asks.join(",")}\t${r.row.file}\t${r.row.text}`);
  }
}

const programmeFigure = /Rp\s?\d|\d\s?%|\d+\s*×|\b\d+\s*(juta|ribu|million)\b/i;
const translator = createTranslator();
for (const topic of faqTopics)
  if (programmeFigure.test(translator.t("id", `faq:${topic}.answer`, toFaqParams("id"))))
    figureIntents.add(topic);
figureIntents.add("calculate");

const started = Date.now();
const rows = readTrainingData(path.resolve(__dirname, "../nlu/train"));
const folds = flag("folds") ?? 5;
const repeats = flag("repeats") ?? 2;
const readings = crossValidate(rows, options, folds, repeats);
console.log(
  `${folds}-fold cross-validation × ${repeats} on ${rows.length} utterances, options ${JSON.stringify(options)}`,
);
console.log(`model: ${describeModel(readings)}`);
console.log(`at nlu-thresholds.ts: ${describe(toCvFigures(readings, thresholds))}\n`);
if (!args.includes("--no-sweep")) {
  const t = calibrate(readings);
  console.log(`calibrated: ${JSON.stringify(t)}`);
}
if (args.includes("--files")) {
  const files = [...new Set(readings.map((r) => r.row.file))].sort();
  for (const file of files) {
    const f = toCvFigures(
      readings.filter((r) => r.row.file === file),
      thresholds,
    );
    console.log(`${file.padEnd(22)} n=${String(f.total).padStart(4)}  ${describe(f)}`);
  }
}
if (args.includes("--confusions")) printConfusions(readings);
if (args.includes("--wrong")) printWrong(readings, false);
if (args.includes("--extra")) printWrong(readings, true);
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
