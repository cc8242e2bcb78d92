/**
 * Files the report: a claim in LAPORAN_DITERIMA. A matched registration is marked "reported
 * deceased, unverified" (never deceased: only staff who saw the akta or surat keterangan kematian
 * do that) and the person is asked whether they are well when they next write. A second report
 * about someone with an open claim joins that claim as another reporter for staff to contact.
 */
import type { Claim, NewClaim } from "../../core/claims.port";
import { AppError } from "../../core/errors";
import type { FlowContext } from "../../core/flow";
import { requiredDocuments } from "../../domain/claim-documents";
import { estimateScholarship } from "../../domain/benefit-estimate";
import { heirStanding } from "../../domain/heirs";
import { queueAliveCheck } from "../claims/alive-check";
import { updateClaim } from "../claims/claim-actions";
import type { DeathReportData } from "./death-report.data";
import { toMembershipFacts, toProgramme } from "./membership-facts";

type D = DeathReportData;

const actorOf = (ctx: FlowContext) => `${ctx.channel}:${ctx.userId}`;

function toAnswers(data: D) {
  const { relationship, heirNik, heirName, deceasedName, deathDate, cause } = data;
  if (!relationship || !heirNik || !heirName || !deceasedName || !deathDate || !cause)
    throw new AppError("STATE_CORRUPT", "Death report completed without its answers", {
      flow: "deathReport",
    });
  return { relationship, heirNik, heirName, deceasedName, deathDate, cause };
}

function toNewClaim(data: D, ctx: FlowContext): NewClaim {
  const { relationship, heirNik, heirName, deceasedName, deathDate, cause } = toAnswers(data);
  const programme = toProgramme(cause);
  const closest = data.closestLiving === "none" ? undefined : data.closestLiving;
  const standing = heirStanding(relationship, closest);
  const facts = toMembershipFacts(data);
  const membership = facts.answer;
  const schoolChildren = data.schoolChildren ?? false;
  const chance = estimateScholarship({
    programme,
    membership: facts,
    income: data.match?.income,
    schoolChildren,
  });
  const scholarship = chance === "eligible" || chance === "depends";
  const match = data.match;
  const now = ctx.now;
  const flags = standing.type === "someoneCloser" ? [...data.flags, "heir_not_first_in_line"] : data.flags;
  return {
    stage: "LAPORAN_DITERIMA",
    stageAt: now,
    programme,
    cause,
    kind: membership === "never" ? "membershipCheck" : "claim",
    membership: {
      answer: membership,
      ...(match?.membershipSince ? { since: match.membershipSince } : {}),
      ...(facts.confirmed ? { confirmed: true } : {}),
    },
    deceased: {
      name: deceasedName,
      deathDate,
      ...(data.deceasedNik ? { nik: data.deceasedNik } : {}),
      ...(data.kpj ? { kpj: data.kpj } : {}),
      ...(data.kelurahan ? { kelurahan: data.kelurahan } : {}),
      ...(data.rt ? { rt: data.rt } : {}),
      ...(match ? { personId: match.personId, personReference: match.reference } : {}),
      ...(match?.income !== undefined ? { income: match.income } : {}),
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
    required: requiredDocuments({ cause, relationship, membership, scholarship }),
    requested: [],
    received: [],
    flags,
    history: [{ stage: "LAPORAN_DITERIMA", at: now, by: actorOf(ctx) }],
    notifications: [],
    lastActivityAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

/** Joins a second report to the open claim: the reporter is recorded for staff, shown nothing. */
async function joinOpenClaim(existing: Claim, data: D, ctx: FlowContext): Promise<void> {
  const { relationship, heirNik, heirName } = toAnswers(data);
  const reporter = {
    at: ctx.now,
    name: heirName,
    nik: heirNik,
    ...(data.heirPhone ? { phone: data.heirPhone } : {}),
    relationship,
    contact: { channel: ctx.channel, userId: ctx.userId },
  };
  await updateClaim(ctx.services, existing.reference, (c) => ({
    ...c,
    otherReporters: [...(c.otherReporters ?? []), reporter],
    flags: c.flags.includes("second_reporter") ? c.flags : [...c.flags, "second_reporter"],
    updatedAt: ctx.now,
  }));
  await ctx.services.staffAlerts.raise({
    kind: "claim.secondReport",
    target: `claim:${existing.reference}`,
    at: ctx.now,
    replies: [{ key: "staffClaims:alert.secondReport", params: { reference: existing.reference } }],
    details: { relationship },
  });
}

export type Filed = { type: "created"; claim: Claim } | { type: "alreadyReported"; reference: string };

export async function fileReport(data: D, ctx: FlowContext): Promise<Filed> {
  const { services } = ctx;
  const existing = await services.claims.findOpenByDeceased({
    ...(data.match ? { personId: data.match.personId } : {}),
    ...(data.deceasedNik ? { nikHash: data.deceasedNik.hash } : {}),
  });
  const sameReporter =
    existing?.heir.contact.channel === ctx.channel && existing.heir.contact.userId === ctx.userId;
  // The same chat filing again (a retried message after a crash): it is the same report.
  if (existing && sameReporter && existing.heir.nik.hash === data.heirNik?.hash)
    return { type: "created", claim: existing };
  if (existing) {
    await joinOpenClaim(existing, data, ctx);
    return { type: "alreadyReported", reference: existing.reference };
  }
  // The key makes a retried or redelivered "kirim" find this report's claim: the same reply, no
  // copy; two reports filed at once by different chats meet the one-open-claim index instead.
  const created = await services.claims.create(toNewClaim(data, ctx), ctx.effectKey("claim"));
  if (created.type === "alreadyOpen") {
    const mine = created.claim.heir.contact;
    if (mine.channel === ctx.channel && mine.userId === ctx.userId)
      return { type: "created", claim: created.claim };
    await joinOpenClaim(created.claim, data, ctx);
    return { type: "alreadyReported", reference: created.claim.reference };
  }
  const claim = created.claim;
  const person = claim.deceased.personId ? await services.people.findById(claim.deceased.personId) : null;
  if (person && person.status !== "deceased") {
    await services.people.setReportedDeceased(
      person._id,
      { at: ctx.now, claimReference: claim.reference },
      ctx.now,
    );
    await queueAliveCheck(person, claim, ctx);
  }
  await services.audit.record(
    {
      at: ctx.now,
      actor: actorOf(ctx),
      action: "claim.report",
      target: `claim:${claim.reference}`,
      details: { programme: claim.programme, kind: claim.kind, matched: Boolean(person), flags: claim.flags },
    },
    ctx.effectKey("audit:claim.report"),
  );
  return { type: "created", claim };
}
