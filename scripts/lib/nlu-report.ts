/**
 * Figures of the NLU evaluation per file, language and style, with each file's budgets: the
 * defaults of DESIGN §8 (≥ 90 % direct, ≤ 2 % wrong), or the floors in test/nlu/heldout/budgets.json
 * (which the floor test also reads, so the lead can set a file's floor without a code change).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { listTsv, readLabelled } from "../../src/nlu/training-data";
import { projectRoot } from "./bench";
import { createScoringBot, share, toFigures, type Scored } from "./nlu-evaluation";

export const heldoutDir = path.join(projectRoot, "test/nlu/heldout");
export const internalFile = path.join(projectRoot, "test/nlu/utterances.tsv");

/** Shares of a file: `outOfScope` is the share of out-of-scope questions declined (default 1: all). */
export type Budgets = { direct: number; wrong: number; outOfScope?: number };
export const defaultBudgets: Budgets = { direct: 0.9, wrong: 0.02 };

export type Rates = {
  total: number;
  directCount: number;
  direct: number;
  wrong: number;
  menu: number;
  declined: number;
  oos: number;
  oosOk: number;
  oosShare: number;
};
export type FileReport = {
  name: string;
  all: Rates;
  byLang: [string, Rates][];
  byStyle: [string, Rates][];
  budgets: Budgets;
  /** The floor the jest test holds this file to (budgets.json "floors"), when set. */
  floor: Budgets;
  scored: Scored[];
};

export function heldoutFiles(): string[] {
  return existsSync(heldoutDir) ? listTsv(heldoutDir) : [];
}

type BudgetFile = { budgets?: Record<string, Budgets>; floors?: Record<string, Budgets> };

function readBudgetFile(): BudgetFile {
  const file = path.join(heldoutDir, "budgets.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as BudgetFile) : {};
}

function toRates(scored: readonly Scored[]): Rates {
  const f = toFigures(scored);
  return {
    total: f.total,
    directCount: f.direct,
    direct: share(f.direct, f.total),
    wrong: share(f.wrong, f.total),
    menu: share(f.menu, f.total),
    declined: share(f.declined, f.total),
    oos: f.outOfScope,
    oosOk: f.outOfScopeOk,
    oosShare: share(f.outOfScopeOk, f.outOfScope),
  };
}

function groupBy(scored: readonly Scored[], key: (s: Scored) => string): [string, Rates][] {
  const groups = new Map<string, Scored[]>();
  for (const s of scored) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, toRates(v)]);
}

export async function evaluateFile(file: string, columns: "heldout" | "training"): Promise<FileReport> {
  const rows = readLabelled(file, columns);
  const bot = createScoringBot();
  const scored: Scored[] = [];
  for (const row of rows) scored.push(await bot.score(row));
  const name = path.basename(file);
  const budgetFile = readBudgetFile();
  const budgets = budgetFile.budgets?.[name] ?? defaultBudgets;
  return {
    name,
    all: toRates(scored),
    byLang: columns === "heldout" ? groupBy(scored, (s) => `lang ${s.row.lang ?? "?"}`) : [],
    byStyle: columns === "heldout" ? groupBy(scored, (s) => `style ${s.row.style ?? "?"}`) : [],
    budgets,
    floor: budgetFile.floors?.[name] ?? budgets,
    scored,
  };
}
