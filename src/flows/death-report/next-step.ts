/**
 * The report's order of questions, as one function of what is known: each answer (or an edit
 * from the review) goes to the first thing still missing, so what the opening message already
 * said, or the registration already shows, is never asked again.
 */
import type { FlowContext, StepResult } from "../../core/flow";
import { next } from "../../core/flow";
import type { Reply } from "../../core/messages";
import { scholarshipMayApply } from "../../domain/benefit-estimate";
import { heirRank } from "../../domain/heirs";
import type { DeathReportData } from "./death-report.data";
import { toMembershipFacts, toProgramme } from "./membership-facts";

type D = DeathReportData;

function heirStep(data: D): string | undefined {
  if (!data.heirName && !data.heirNik) return "heirIdentity";
  if (!data.heirNik) return "heirNik";
  if (!data.heirName) return "heirName";
  return data.heirPhone ? undefined : "heirPhone";
}

/**
 * The scholarship question, when it may matter: not when the heir said the deceased left no
 * spouse or child alive (a sibling, say, with nobody closer), since then there is no child to ask about.
 */
function asksChildren(data: D): boolean {
  if (data.schoolChildren !== undefined || !data.deathDate) return false;
  if (data.closestLiving && data.closestLiving !== "spouseOrChild") return false;
  return scholarshipMayApply({
    programme: toProgramme(data.cause),
    membership: toMembershipFacts(data),
    income: data.match?.income,
  });
}

export function toNextStep(data: D): string {
  if (!data.deceasedName) return data.deceasedNik || data.kpj ? "deceasedName" : "deceased";
  if (!data.deceasedNik && !data.kpj && (!data.kelurahan || !data.rt)) return "area";
  if (!data.deathDate) return "deathDate";
  if (!data.cause) return "cause";
  if (!data.membership) return "membership";
  if (!data.relationship) return "relationship";
  if (heirRank(data.relationship) > 1 && !data.closestLiving) return "closerRelatives";
  const heir = heirStep(data);
  if (heir) return heir;
  return asksChildren(data) ? "schoolChildren" : "review";
}

/** Goes on to whatever is still missing; the heir's phone is taken from the channel when it knows it. */
export function advance(data: D, ctx: FlowContext, replies?: Reply[]): StepResult<D> {
  const filled = !data.heirPhone && ctx.phone && data.heirNik ? { ...data, heirPhone: ctx.phone } : data;
  return next(toNextStep(filled), filled, replies);
}
