/**
 * What the reports compare against and assume, kept in a file staff can edit
 * (config/report-assumptions.json, or REPORT_ASSUMPTIONS_FILE): the official RT count (total and,
 * once known, per kelurahan, with its source and whether it is confirmed) and the APBD budget
 * figures (year, declared income the Pemkot pays on, target members per group, with sources).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { reportAssumptionsSchema, type ReportAssumptions } from "../core/report-assumptions";

/** config/report-assumptions.json seen from src/reports (tsx, jest) or dist/src/reports (compiled). */
export function defaultAssumptionsFile(fromDir = __dirname): string {
  const candidates = [path.resolve(fromDir, "../../config"), path.resolve(fromDir, "../../../config")];
  const folder =
    candidates.find((c) => existsSync(path.join(c, "report-assumptions.json"))) ?? candidates[0] ?? "config";
  return path.join(folder, "report-assumptions.json");
}

export function loadReportAssumptions(file = defaultAssumptionsFile()): ReportAssumptions {
  const parsed = reportAssumptionsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

let defaults: ReportAssumptions | undefined;
/** The project's file, read once. */
export const defaultReportAssumptions = () => (defaults ??= loadReportAssumptions());
