/** What the death report collects. NIKs are kept sealed (cipher + hash), never in clear, even in the session. */
import { z } from "zod";
import { heirGroups, relationships } from "../../domain/heirs";
import { membershipAnswers } from "../../domain/membership";

export const sealedSchema = z.object({ cipher: z.string(), hash: z.string() });

/** A registration that fits what the heir typed (NIK + name, or name within the kelurahan and RT). */
export const matchSchema = z.object({
  personId: z.string(),
  reference: z.string(),
  status: z.string(),
  /** Staff verified the registration. */
  verified: z.boolean(),
  fundedBy: z.enum(["apbd", "self"]),
  income: z.number().optional(),
  /** Membership start from BPJS data (import or staff), YYYY-MM-DD; the bot's own dates never count. */
  membershipSince: z.string().optional(),
  /** YYYY-MM-DD (WIB) cover ends, when known. */
  coverageEndsOn: z.string().optional(),
});
export type DeceasedMatch = z.infer<typeof matchSchema>;

export const causes = ["work", "road", "other", "unknown"] as const;

export const deathReportData = z.object({
  deceasedNik: sealedSchema.optional(),
  deceasedNikMasked: z.string().optional(),
  /** The KPJ card number or registration reference typed, sealed like a NIK. */
  kpj: sealedSchema.optional(),
  deceasedName: z.string().optional(),
  kelurahan: z.string().optional(),
  rt: z.string().optional(),
  /** The registry was searched for what was typed (a match, or none). */
  lookedUp: z.boolean().default(false),
  match: matchSchema.optional(),
  deathDate: z.string().optional(),
  cause: z.enum(causes).optional(),
  membership: z.enum(membershipAnswers).optional(),
  relationship: z.enum(relationships).optional(),
  closestLiving: z.enum([...heirGroups, "none"]).optional(),
  heirName: z.string().optional(),
  heirNik: sealedSchema.optional(),
  heirNikMasked: z.string().optional(),
  heirPhone: z.string().optional(),
  schoolChildren: z.boolean().optional(),
  flags: z.array(z.string()).default([]),
});

export type DeathReportData = z.infer<typeof deathReportData>;

export const addFlag = (data: DeathReportData, flag: string): DeathReportData => ({
  ...data,
  flags: data.flags.includes(flag) ? data.flags : [...data.flags, flag],
});

export const removeFlags = (data: DeathReportData, flags: readonly string[]): DeathReportData => ({
  ...data,
  flags: data.flags.filter((f) => !flags.includes(f)),
});
