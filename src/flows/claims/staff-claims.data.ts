/** What the staff claims flow keeps between steps, and the helpers its step files share. */
import { z } from "zod";
import type { FlowContext } from "../../core/flow";
import { documentTypes } from "../../domain/claim-documents";
import { claimStages } from "../../domain/claim-lifecycle";

export const staffClaimsData = z.object({
  reference: z.string().optional(),
  stage: z.enum(claimStages).optional(),
  /** The open claim's death is verified, or the claim is closed: no verify / false-report actions. */
  settled: z.boolean().default(false),
  to: z.enum(claimStages).optional(),
  docType: z.enum(documentTypes).optional(),
  amount: z.number().optional(),
  paidOn: z.string().optional(),
  reason: z.string().optional(),
  since: z.string().optional(),
  /** The references of the last list, so staff can pick one by its number. */
  listed: z.array(z.string()).default([]),
});
export type StaffClaimsData = z.infer<typeof staffClaimsData>;

export const actorOf = (ctx: FlowContext) => `${ctx.channel}:${ctx.userId}`;
export const depsOf = (ctx: FlowContext) => ({ services: ctx.services, translator: ctx.translator });
export const noteOf = (text: string) => (text === "-" ? undefined : text.slice(0, 500));
export const staffViewOf = (ctx: FlowContext) => ({
  translator: ctx.translator,
  language: ctx.language,
  calendar: ctx.services.calendar,
  now: ctx.now,
  vault: ctx.services.vault,
  files: ctx.services.files,
});

/** Free text staff type (a note, a reason): anything but empty, at most 500 characters. */
export const parseStaffText = (text: string) =>
  text.length > 0
    ? { ok: true as const, value: text.slice(0, 500) }
    : { ok: false as const, reason: "empty" };

export async function auditStaff(
  ctx: FlowContext,
  action: string,
  target: string,
  details?: Record<string, unknown>,
): Promise<void> {
  await ctx.services.audit.record(
    { at: ctx.now, actor: actorOf(ctx), action, target, ...(details ? { details } : {}) },
    ctx.effectKey(`audit:${action}:${target}`),
  );
}
