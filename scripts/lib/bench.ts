/**
 * What bench sections share: the row and section types, percentiles, a document store that
 * counts round trips, and a one-time compiled build for sections that time the built bot.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type {
  Collection,
  CollectionSpec,
  DocumentStore,
  StoredDoc,
} from "../../src/core/document-store.port";

/** One measured figure beside its budget (DESIGN §8). `ok` is null for figures without a budget. */
export type BenchRow = {
  what: string;
  value: number | string;
  unit: string;
  budget: string;
  ok: boolean | null;
};

/** A file `scripts/bench/<name>.bench.ts` exports one of these as `section`. */
export type BenchSection = { name: string; run(): Promise<BenchRow[]> };

export const projectRoot = path.resolve(__dirname, "../..");

/** The p-th percentile (0–100) of the values, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** A row with a numeric budget: ok when `value` is at most (or at least) `limit`. */
export function within(
  what: string,
  value: number,
  unit: string,
  limit: number,
  direction: "max" | "min" = "max",
): BenchRow {
  const ok = direction === "max" ? value <= limit : value >= limit;
  return {
    what,
    value,
    unit,
    budget: `${direction === "max" ? "≤" : "≥"} ${limit.toLocaleString("en")} ${unit}`,
    ok,
  };
}

/** A row that is reported without a budget. */
export const info = (what: string, value: number, unit: string): BenchRow => ({
  what,
  value,
  unit,
  budget: "",
  ok: null,
});

export type StoreCounts = { reads: number; writes: number };

const readMethods = new Set(["findById", "findOne", "find", "count"]);
const writeMethods = new Set(["insert", "replace", "update", "findOneAndUpdate", "delete"]);

/** Wraps a document store so every read and write of every collection is counted, in all and per collection. */
export function createCountingStore(
  store: DocumentStore,
): DocumentStore & { counts: StoreCounts; byCollection: Record<string, StoreCounts> } {
  const counts: StoreCounts = { reads: 0, writes: 0 };
  const byCollection: Record<string, StoreCounts> = {};
  const wrap = <T extends StoredDoc>(collection: Collection<T>, name: string): Collection<T> =>
    new Proxy(collection, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== "function" || typeof property !== "string") return value;
        return (...args: unknown[]): unknown => {
          const own = (byCollection[name] ??= { reads: 0, writes: 0 });
          if (readMethods.has(property)) [counts.reads, own.reads] = [counts.reads + 1, own.reads + 1];
          if (writeMethods.has(property)) [counts.writes, own.writes] = [counts.writes + 1, own.writes + 1];
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return {
    kind: store.kind,
    counts,
    byCollection,
    collection: <T extends StoredDoc>(spec: CollectionSpec) => wrap(store.collection<T>(spec), spec.name),
    close: () => store.close(),
  };
}

let build: { ok: true } | { ok: false; reason: string } | undefined;

/** Runs `npm run build` once per bench run; the compiled tree is dist/. */
export function ensureBuild(): { ok: true } | { ok: false; reason: string } {
  if (build) return build;
  const result = spawnSync("npm", ["run", "build", "--silent"], { cwd: projectRoot, encoding: "utf8" });
  build =
    result.status === 0
      ? { ok: true }
      : { ok: false, reason: (result.stderr || result.stdout).trim().slice(0, 300) };
  return build;
}

const format = (row: BenchRow) => {
  if (typeof row.value === "string") return row.value;
  const digits = Math.abs(row.value) >= 100 ? 0 : Math.abs(row.value) >= 10 ? 1 : 3;
  return `${row.value.toLocaleString("en", { maximumFractionDigits: digits })} ${row.unit}`;
};

/** A plain-text table: section, figure, measured, budget, verdict. */
export function toTable(results: ReadonlyArray<{ section: string; rows: BenchRow[] }>): string {
  const lines = results.flatMap(({ section, rows }) =>
    rows.map((row) => [
      section,
      row.what,
      format(row),
      row.budget || "-",
      row.ok === null ? "" : row.ok ? "ok" : "OVER",
    ]),
  );
  const header = ["section", "what", "measured", "budget", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => [...l[i]!].length)));
  const pad = (cells: string[]) =>
    cells
      .map((c, i) => c + " ".repeat(widths[i]! - [...c].length))
      .join("  ")
      .trimEnd();
  return [pad(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(pad)].join("\n");
}
