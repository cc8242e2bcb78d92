/** What the registration flow collects, as stored in the session (zod-checked on every turn). */
import { z } from "zod";
import type { FlowContext, StepResult } from "../../core/flow";
import type { Person } from "../../core/people.port";
import { next } from "../../core/flow";
import { toJakartaDay } from "../../domain/jakarta-time";

export const rtRefSchema = z.object({
  kecamatan: z.string(),
  kelurahan: z.string(),
  rw: z.string(),
  rt: z.string(),
});
const draftRt = rtRefSchema.partial();

export const areaData = z.object({
  /** Which address the area steps fill in. */
  areaTarget: z.enum(["address", "leadsRt"]).optional(),
  /** Area codes offered after an ambiguous typed name. */
  areaChoices: z.array(z.string()).optional(),
  address: draftRt.optional(),
  leadsRt: draftRt.optional(),
});
export type AreaData = z.infer<typeof areaData>;

export const takeoverData = z.object({
  /** The NIK typed for a take-over, sealed (never looked up before the reference is given). */
  takeoverNik: z.object({ cipher: z.string(), hash: z.string() }).optional(),
});
export type TakeoverData = z.infer<typeof takeoverData>;

export const registrationData = areaData.extend(takeoverData.shape).extend({
  consentAt: z.coerce.date().optional(),
  noticeVersion: z.string().optional(),
  subject: z.enum(["self", "resident"]).optional(),
  /** The RT head registering a resident; `draft` while his own registration is not verified. */
  proxy: z
    .object({
      personId: z.string(),
      name: z.string(),
      reference: z.string().optional(),
      rt: rtRefSchema,
      draft: z.boolean().optional(),
    })
    .optional(),
  /** Said they are an RT head: they register themselves as one first (occupation set). */
  asRtHead: z.boolean().optional(),
  /** Offered right after the RT head's own registration: "tidak" just ends. */
  offered: z.boolean().optional(),
  /** The last resident's outcome, repeated when the RT head asks about it. */
  last: z
    .object({
      name: z.string(),
      sex: z.enum(["L", "P"]).optional(),
      reference: z.string(),
      outcome: z.enum(["registered", "draft", "known"]),
      /** The record's status when it was known already. */
      status: z.string().optional(),
    })
    .optional(),
  name: z.string().optional(),
  /** The NIK sealed by the vault (never in clear in the session) and what it says. */
  nik: z
    .object({
      cipher: z.string(),
      hash: z.string(),
      masked: z.string(),
      inKotaJambi: z.boolean(),
      birthDate: z.string(),
      sex: z.enum(["L", "P"]),
    })
    .optional(),
  birthDate: z.string().optional(),
  sex: z.enum(["L", "P"]).optional(),
  /** At or over the age limit, which is only in BPJS material ([U]): staff confirm, nobody is refused. */
  ageToConfirm: z.boolean().optional(),
  phone: z.string().optional(),
  noPhone: z.boolean().optional(),
  /** The phone is the number the channel gave (the WhatsApp sender): not asked, shown in the summary. */
  phoneFromChannel: z.boolean().optional(),
  occupation: z.string().optional(),
  occupationOther: z.string().optional(),
  income: z.number().optional(),
  fundedBy: z.enum(["apbd", "self"]).optional(),
  programmes: z.array(z.enum(["JKK", "JKM", "JHT"])).optional(),
  /** Set while changing one answer from the summary: the step returns to the summary. */
  editing: z.boolean().optional(),
});
export type RegistrationData = z.infer<typeof registrationData>;
export type RegistrationResult = StepResult<RegistrationData>;

/** Today's WIB calendar day as a UTC-midnight Date, for birth-date and NIK rules. */
export function toToday(ctx: Pick<FlowContext, "now">): Date {
  return new Date(`${toJakartaDay(ctx.now)}T00:00:00Z`);
}

/** Goes to `step`, or back to the summary when this answer was changed from it. */
export function nextOrSummary(step: string, data: RegistrationData): RegistrationResult {
  return data.editing ? next("summary", { ...data, editing: false }) : next(step, data);
}

/** "telegram:123": who acted, for audit and consent records. */
export function toActor(ctx: Pick<FlowContext, "channel" | "userId">): string {
  return `${ctx.channel}:${ctx.userId}`;
}

/** Flags a person's record for staff and audits what the caller tried on it. */
export async function flagForStaff(
  person: Pick<Person, "_id" | "reference">,
  flag: string,
  action: string,
  ctx: FlowContext,
  details?: Record<string, unknown>,
): Promise<void> {
  await ctx.services.people.addFlag(person._id, flag, ctx.now);
  await ctx.services.audit.record(
    {
      at: ctx.now,
      actor: toActor(ctx),
      action,
      target: `person:${person.reference}`,
      ...(details ? { details } : {}),
    },
    ctx.effectKey(`audit:${action}:${person.reference}`),
  );
}

/** What a registration may start with (the entry's decision; see entry.ts). */
export const registrationStart = registrationData.pick({
  subject: true,
  proxy: true,
  asRtHead: true,
  last: true,
  offered: true,
});
