/**
 * Death report, the end: the claim is stored, the deceased's registration marked (nothing more is
 * sent to their number), and the heir gets their place in the order, the document checklist,
 * how to get the akta kematian and the heirship letter, the estimate, the reference, what is next.
 */
import type { Claim, NewClaim } from "../../core/claims.port";
import { AppError } from "../../core/errors";
import type { CompleteResult, FlowContext } from "../../core/flow";
import type { Reply } from "../../core/messages";
import {
  estimateBenefit,
  estimateScholarship,
  monthsBetween,
  type BenefitInput,
} from "../../domain/benefit-estimate";
import { requiredDocuments } from "../../domain/claim-documents";
import { heirStanding, toHeirGroup, type HeirGroup } from "../../domain/heirs";
import { toJakartaDay } from "../../domain/jakarta-time";
import { programmeFacts } from "../../domain/programme-facts";
import { toDisplayDate } from "../../domain/working-days";
import { updateClaim } from "../claims/claim-actions";
import { toDocumentList } from "../claims/claim-view";
import type { DeathReportData } from "./death-report.data";

type D = DeathReportData;

function toNewClaim(data: D, ctx: FlowContext): NewClaim {
  const { relationship, heirNik, heirName, deceasedName, deathDate, cause } = data;
  if (!relationship || !heirNik || !heirName || !deceasedName || !deathDate || !cause)
    throw new AppError("STATE_CORRUPT", "Death report completed without its answers", {
      flow: "deathReport",
    });
  const programme = cause === "work" || cause === "commute" ? "JKK" : "JKM";
  const closest = data.closestLiving === "none" ? undefined : data.closestLiving;
  const standing = heirStanding(relationship, closest);
  const schoolChildren = data.schoolChildren ?? false;
  const matched = data.match && data.matchConfirmed ? data.match : undefined;
  const now = ctx.now;
  return {
    stage: "LAPORAN_DITERIMA",
    stageAt: now,
    programme,
    cause,
    deceased: {
      name: deceasedName,
      deathDate,
      ...(data.deceasedNik ? { nik: data.deceasedNik } : {}),
      ...(data.kpj ? { kpj: data.kpj } : {}),
      ...(data.kelurahan ? { kelurahan: data.kelurahan } : {}),
      ...(data.rt ? { rt: data.rt } : {}),
      ...(matched ? { personId: matched.personId, personReference: matched.reference } : {}),
    },
    heir: {
      name: heirName,
      nik: heirNik,
      ...(data.heirPhone ? { phone: data.heirPhone } : {}),
      relationship,
      ...(closest ? { closestLiving: closest } : {}),
      standing: standing.type,
      contact: { channel: ctx.channel, userId: ctx.userId },
      language: ctx.language,
    },
    schoolChildren,
    required: requiredDocuments({ programme, relationship, schoolChildren }),
    requested: [],
    received: [],
    flags: standing.type === "someoneCloser" ? [...data.flags, "heir_not_first_in_line"] : data.flags,
    history: [{ stage: "LAPORAN_DITERIMA", at: now, by: `${ctx.channel}:${ctx.userId}` }],
    notifications: [],
    lastActivityAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

function toEstimateReplies(claim: Claim, data: D): Reply[] {
  const matched = data.match && data.matchConfirmed ? data.match : undefined;
  const input: BenefitInput = {
    programme: claim.programme,
    contributionMonths: matched
      ? monthsBetween(toJakartaDay(matched.registeredAt), claim.deceased.deathDate)
      : undefined,
    income: matched?.income,
    schoolChildren: claim.schoolChildren,
  };
  const estimate = estimateBenefit(input);
  const facts = {
    full: programmeFacts.jkm.value.total,
    months: programmeFacts.fullJkmMonths.value,
    multiplier: programmeFacts.jkkDeath.value.incomeMultiplier,
  };
  const replies: Reply[] = [];
  if (estimate.type === "jkk")
    replies.push({
      key: estimate.incomeKnown ? "deathReport:estimate.jkk" : "deathReport:estimate.jkkMinimum",
      params: { ...estimate, ...facts },
    });
  else replies.push({ key: `deathReport:estimate.${estimate.type}`, params: { ...estimate, ...facts } });
  const scholarship = estimateScholarship(input);
  if (scholarship !== "none")
    replies.push({
      key: `deathReport:estimate.scholarship.${scholarship}`,
      params: {
        max: programmeFacts.scholarshipMaxTotal.value,
        children: programmeFacts.scholarship.value.maxChildren,
        years: programmeFacts.scholarship.value.minContributionYears,
      },
    });
  return replies;
}

/** Another report already opened a claim for this death: flagged for staff, the heir is told. */
async function refuseSecondReport(open: Claim, ctx: FlowContext): Promise<CompleteResult> {
  await ctx.services.audit.record(
    {
      at: ctx.now,
      actor: `${ctx.channel}:${ctx.userId}`,
      action: "claim.report_again",
      target: `claim:${open.reference}`,
    },
    ctx.effectKey("audit:claim.report_again"),
  );
  await updateClaim(ctx.services, open.reference, (c) =>
    c.flags.includes("reported_again")
      ? null
      : { ...c, flags: [...c.flags, "reported_again"], updatedAt: ctx.now },
  );
  return { type: "exit", replies: [{ key: "deathReport:summary.alreadyOpen" }], showMenu: true };
}

const isReportedBy = (claim: Claim, ctx: FlowContext) =>
  claim.heir.contact.channel === ctx.channel && claim.heir.contact.userId === ctx.userId;

export async function completeDeathReport(data: D, ctx: FlowContext): Promise<CompleteResult> {
  const { services } = ctx;
  // Keys make a retried or redelivered "kirim" find this report's claim: the same reply, no copy.
  const created = await services.claims.create(toNewClaim(data, ctx), ctx.effectKey("claim"));
  const claim = created.claim;
  if (created.type === "alreadyOpen" && !isReportedBy(claim, ctx)) return refuseSecondReport(claim, ctx);
  if (claim.deceased.personId)
    await services.people.markDeceased(claim.deceased.personId, toDisplayDate(claim.deceased.deathDate));
  await services.audit.record(
    {
      at: ctx.now,
      actor: `${ctx.channel}:${ctx.userId}`,
      action: "claim.report",
      target: `claim:${claim.reference}`,
      details: { programme: claim.programme, matched: Boolean(claim.deceased.personId), flags: claim.flags },
    },
    ctx.effectKey("audit:claim.report"),
  );
  const view = { translator: ctx.translator, language: ctx.language };
  const groupLabel = (group: HeirGroup) => ctx.translator.t(ctx.language, `deathReport:group.${group}`);
  const standing: Reply =
    claim.heir.standing === "entitled"
      ? { key: `deathReport:standing.${toHeirGroup(claim.heir.relationship)}` }
      : {
          key: "deathReport:summary.someoneCloser",
          params: { closer: groupLabel(claim.heir.closestLiving ?? "spouseOrChild") },
        };
  const replies: Reply[] = [
    standing,
    { key: "deathReport:summary.checklist", params: { list: toDocumentList(claim.required, view) } },
    { key: "deathReport:summary.howTo" },
    ...toEstimateReplies(claim, data),
    { key: "deathReport:summary.reference", params: { reference: claim.reference } },
  ];
  return { type: "start", flow: "claimDocuments", data: { reference: claim.reference }, replies };
}
