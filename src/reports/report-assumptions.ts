/**
 * What the reports compare against and assume, kept in a file staff can edit
 * (config/report-assumptions.json, or REPORT_ASSUMPTIONS_FILE): the official RT count (total and,
 * once known, per kelurahan, with its source and whether it is confirmed) and the APBD budget
 * figures (year, declared income the Pemkot pays on, target members per group, with sources).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const apbdGroups = ["rt_head", "pekerja_rentan", "petugas_syara"] as const;
export type ApbdGroup = (typeof apbdGroups)[number];

export const reportAssumptionsSchema = z.object({
  rtCounts: z.object({
    total: z.number().int().positive(),
    confirmed: z.boolean(),
    source: z.string(),
    /** Kelurahan name (as in kota-jambi-areas) → official RT count. */
    perKelurahan: z.record(z.string(), z.number().int().nonnegative()),
  }),
  budget: z.object({
    year: z.number().int().min(2024).max(2100),
    apbdDeclaredIncome: z.number().int().positive(),
    apbdIncomeSource: z.string(),
    /** Whether registrations waiting for verification count as members in the projection. */
    countPending: z.boolean(),
    targets: z.array(
      z.object({
        group: z.enum(apbdGroups),
        label: z.string(),
        members: z.number().int().nonnegative(),
        source: z.string(),
      }),
    ),
  }),
});

export type ReportAssumptions = z.infer<typeof reportAssumptionsSchema>;

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
