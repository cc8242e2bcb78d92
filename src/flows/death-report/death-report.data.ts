/** What the death report collects. NIKs are kept sealed (cipher + hash), never in clear, even in the session. */
import { z } from "zod";
import { heirGroups, relationships } from "../../domain/heirs";

export const sealedSchema = z.object({ cipher: z.string(), hash: z.string() });

export const matchSchema = z.object({
  personId: z.string(),
  reference: z.string(),
  registeredAt: z.coerce.date(),
  income: z.number().optional(),
});

export const deathReportData = z.object({
  identifyBy: z.enum(["nik", "kpj", "none"]).optional(),
  deceasedNik: sealedSchema.optional(),
  deceasedNikMasked: z.string().optional(),
  /** The KPJ card number or registration reference typed, sealed like a NIK. */
  kpj: sealedSchema.optional(),
  deceasedName: z.string().optional(),
  kelurahan: z.string().optional(),
  rt: z.string().optional(),
  /** A registration that matched what the heir typed, waiting for (or given) the heir's confirmation. */
  match: matchSchema.optional(),
  matchConfirmed: z.boolean().default(false),
  deathDate: z.string().optional(),
  cause: z.enum(["work", "commute", "other", "unknown"]).optional(),
  heirName: z.string().optional(),
  heirNik: sealedSchema.optional(),
  heirPhone: z.string().optional(),
  relationship: z.enum(relationships).optional(),
  closestLiving: z.enum([...heirGroups, "none"]).optional(),
  schoolChildren: z.boolean().optional(),
  flags: z.array(z.string()).default([]),
});

export type DeathReportData = z.infer<typeof deathReportData>;

export const addFlag = (data: DeathReportData, flag: string): DeathReportData => ({
  ...data,
  flags: data.flags.includes(flag) ? data.flags : [...data.flags, flag],
});
