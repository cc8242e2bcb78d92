/**
 * Death report, the end, in one short turn (DESIGN §8: at most 3 messages, 900 characters): the
 * heir's place in the order of heirs with the reference, the estimate (or what it depends on),
 * then the checklist once, in the documents step. A second report about the same person is told
 * only that a report exists and staff will contact them.
 */
import type { Claim } from "../../core/claims.port";
import type { CompleteResult, FlowContext } from "../../core/flow";
import type { Reply } from "../../core/messages";
import { toHeirGroup, type HeirGroup } from "../../domain/heirs";
import { toEstimateReply } from "../claims/claim-estimate";
import { fileReport } from "./create-claim";
import type { DeathReportData } from "./death-report.data";

function toStanding(claim: Claim, ctx: FlowContext): string {
  const t = ctx.translator;
  const group = (g: HeirGroup) => t.t(ctx.language, `deathReport:group.${g}`);
  if (claim.heir.standing === "someoneCloser")
    return t.t(ctx.language, "deathReport:standing.someoneCloser", {
      closer: group(claim.heir.closestLiving ?? "spouseOrChild"),
    });
  return t.t(ctx.language, `deathReport:standing.${toHeirGroup(claim.heir.relationship)}`);
}

export async function completeDeathReport(data: DeathReportData, ctx: FlowContext): Promise<CompleteResult> {
  const filed = await fileReport(data, ctx);
  if (filed.type === "alreadyReported")
    return { type: "exit", replies: [{ key: "deathReport:summary.alreadyReported" }], showMenu: false };
  const { claim } = filed;
  const view = { translator: ctx.translator, language: ctx.language };
  const replies: Reply[] = [
    {
      key:
        claim.kind === "membershipCheck" ? "deathReport:summary.checkRequest" : "deathReport:summary.filed",
      params: { reference: claim.reference, standing: toStanding(claim, ctx) },
    },
    toEstimateReply(claim, view),
  ];
  return {
    type: "start",
    flow: "claimDocuments",
    data: { reference: claim.reference, intro: true },
    replies,
  };
}
