/**
 * The estimate an heir reads for a claim, from what the claim knows: the heir's answer about
 * membership, and whether BPJS data or staff confirmed it (with its start date). Shared by the
 * report's summary and the message sent when staff confirm membership.
 */
import type { Claim } from "../../core/claims.port";
import type { Reply } from "../../core/messages";
import type { Translator } from "../../core/ports";
import type { Language } from "../../core/messages";
import {
  estimateBenefit,
  estimateScholarship,
  monthsBetween,
  type BenefitInput,
} from "../../domain/benefit-estimate";
import { programmeFacts } from "../../domain/programme-facts";

export function toBenefitInput(claim: Claim): BenefitInput {
  const membership = claim.membership ?? { answer: "unknown" as const };
  const since = membership.since;
  return {
    programme: claim.programme,
    membership: {
      answer: membership.answer,
      months: since ? monthsBetween(since, claim.deceased.deathDate) : undefined,
      confirmed: membership.confirmed === true,
    },
    income: claim.deceased.income,
    schoolChildren: claim.schoolChildren,
  };
}

const facts = () => ({
  full: programmeFacts.jkm.value.total,
  limited: programmeFacts.jkmBeforeThreeMonths.value,
  months: programmeFacts.fullJkmMonths.value,
  multiplier: programmeFacts.jkkDeath.value.incomeMultiplier,
  children: programmeFacts.scholarship.value.maxChildren,
  max: programmeFacts.scholarshipMaxTotal.value,
  years: programmeFacts.scholarship.value.minContributionYears,
});

/** One message: the estimate (or what it depends on), with the scholarship sentence when it matters. */
export function toEstimateReply(claim: Claim, view: { translator: Translator; language: Language }): Reply {
  const input = toBenefitInput(claim);
  const estimate = estimateBenefit(input);
  const scholarship = estimateScholarship(input);
  const common = facts();
  const scholarshipText =
    scholarship === "none"
      ? ""
      : view.translator.t(view.language, `deathReport:estimate.scholarship.${scholarship}`, common);
  const key =
    estimate.type === "jkk" || estimate.type === "jkkDepends"
      ? (`deathReport:estimate.${estimate.type}${estimate.incomeKnown ? "" : "Minimum"}` as const)
      : (`deathReport:estimate.${estimate.type}` as const);
  return { key, params: { ...common, ...estimate, scholarship: scholarshipText } };
}
