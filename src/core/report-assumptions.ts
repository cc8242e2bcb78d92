/**
 * What the reports compare against and assume (official RT counts, APBD budget figures with their
 * sources), as staff edit it in config/report-assumptions.json; loaded by src/reports.
 */
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
