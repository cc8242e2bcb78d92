/**
 * The membership facts an estimate may rest on, from the report: confirmed only for an active,
 * staff-verified registration whose start date came from BPJS data (import or staff) and whose
 * cover had not ended before the death. The bot's own registration date never counts.
 */
import type { MembershipFacts } from "../../domain/benefit-estimate";
import { monthsBetween } from "../../domain/benefit-estimate";
import type { MembershipAnswer } from "../../domain/membership";
import type { DeathReportData, DeceasedMatch } from "./death-report.data";

export const toProgramme = (cause: DeathReportData["cause"] | "commute"): "JKK" | "JKM" =>
  cause === "work" || cause === "road" || cause === "commute" ? "JKK" : "JKM";

/** The record shows an active, verified participant: membership need not be asked. */
export function toKnownMembership(match: DeceasedMatch | undefined): MembershipAnswer | undefined {
  if (!match || match.status !== "active" || !match.verified) return undefined;
  return match.fundedBy === "apbd" ? "pemkot" : "self";
}

export function toMembershipFacts(
  data: Pick<DeathReportData, "match" | "membership" | "deathDate">,
): MembershipFacts {
  const answer = data.membership ?? "unknown";
  const { match, deathDate } = data;
  const since = match?.membershipSince;
  const lapsed = Boolean(match?.coverageEndsOn && deathDate && deathDate > match.coverageEndsOn);
  const confirmed = Boolean(toKnownMembership(match) && since && deathDate && since <= deathDate && !lapsed);
  return { answer, months: since && deathDate ? monthsBetween(since, deathDate) : undefined, confirmed };
}
