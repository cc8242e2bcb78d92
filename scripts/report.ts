/**
 * Reports for the Pemkot and Disnaker, computed in the database (no NIK, no names):
 *   npm run report -- coverage [--kecamatan Telanaipura] [--format text|csv|xlsx] [--out rekap.xlsx]
 *   npm run report -- budget   [--format …]     APBD projection for the next budget year, with assumptions
 *   npm run report -- claims   [--format …]     claims per stage, overdue, average days per stage
 * Assumptions (RT count, budget year, targets) come from config/report-assumptions.json
 * (REPORT_ASSUMPTIONS_FILE). Every report made is audited.
 */
import { Option } from "commander";
import type { Sheet } from "../src/core/sheet";
import { computeBudgetReport } from "../src/reports/budget.report";
import { computeClaimsReport } from "../src/reports/claims.report";
import { computeCoverageReport } from "../src/reports/coverage.report";
import { loadReportAssumptions } from "../src/reports/report-assumptions";
import { toBudgetSheets, toClaimsSheets, toCoverageSheets } from "../src/reports/report-sheets";
import { createReportQueries } from "../src/storage/report-queries";
import { createProgram, subcommand } from "./lib/cli";
import { runWithStore, type StoreContext } from "./lib/store-context";
import { writeSheets, type SheetFormat } from "./lib/write-sheets";

type Options = { kecamatan?: string; format: SheetFormat; out?: string };

const formatOption = () =>
  new Option("--format <format>", "keluaran").choices(["text", "csv", "xlsx"]).default("text");

function report(name: string, make: (context: StoreContext, options: Options) => Promise<Sheet[]>) {
  return (options: Options) =>
    runWithStore(async (context) => {
      const sheets = await make(context, options);
      const where = await writeSheets(sheets, { format: options.format, out: options.out });
      await context.audit.record({
        at: context.clock.now(),
        actor: context.actor,
        action: "report.made",
        target: `report:${name}`,
        details: {
          format: options.format,
          ...(options.kecamatan ? { kecamatan: options.kecamatan } : {}),
          file: where,
        },
      });
      if (options.out) console.error(`Laporan ditulis ke ${where}.`);
      return 0;
    });
}

const assumptions = (context: StoreContext) => loadReportAssumptions(context.config.REPORT_ASSUMPTIONS_FILE);

const program = createProgram("report", "Laporan cakupan, anggaran APBD dan klaim, dihitung di basis data.");
subcommand(
  program,
  "coverage",
  "cakupan per kecamatan, kelurahan, RT; Ketua RT vs jumlah RT resmi; kuota APBD",
)
  .option("--kecamatan <nama>", "hanya satu kecamatan")
  .addOption(formatOption())
  .option("--out <berkas>", "tulis ke berkas (.xlsx untuk --format xlsx)")
  .action(
    report("coverage", async (context, options) =>
      toCoverageSheets(
        await computeCoverageReport(createReportQueries(context.storage.store), assumptions(context), {
          ...(options.kecamatan ? { kecamatan: options.kecamatan } : {}),
        }),
      ),
    ),
  );
subcommand(program, "budget", "proyeksi APBD tahun anggaran berikutnya, per program dan sumber dana")
  .addOption(formatOption())
  .option("--out <berkas>", "tulis ke berkas")
  .action(
    report("budget", async (context) =>
      toBudgetSheets(
        await computeBudgetReport(createReportQueries(context.storage.store), assumptions(context)),
      ),
    ),
  );
subcommand(program, "claims", "klaim per tahap, lewat tenggat, rata-rata hari per tahap")
  .addOption(formatOption())
  .option("--out <berkas>", "tulis ke berkas")
  .action(
    report("claims", async (context) =>
      toClaimsSheets(
        await computeClaimsReport(
          createReportQueries(context.storage.store),
          context.claims,
          context.clock.now(),
        ),
      ),
    ),
  );
program.parse();
