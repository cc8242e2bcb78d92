/**
 * Staff decisions about the report itself, shared by the staff chat flow and the CLI: the death
 * is verified (akta or surat keterangan kematian seen: only now is the person marked deceased),
 * the report is false (the living person's record is untouched, the claim closed), membership as
 * BPJS knows it (start date, KPJ number; the heir is sent the estimate that follows), another
 * heir's access, a document this claim does not need. Every decision is audited.
 */
import type { Claim } from "../../core/claims.port";
import type { Services } from "../../core/services";
import { requiredDocuments, type DocumentType } from "../../domain/claim-documents";
import { estimateScholarship } from "../../domain/benefit-estimate";
import { toDisplayDate } from "../../domain/working-days";
import {
  moveClaim,
  notifyHeir,
  updateClaim,
  viewFor,
  type ActionDeps,
  type MoveResult,
} from "./claim-actions";
import { toBenefitInput, toEstimateReply } from "./claim-estimate";

/** Text rendered into another message's parameter: its *bold* markers would show as asterisks. */
const toPlain = (text: string) => text.replace(/\*/g, "");

async function audit(
  services: Services,
  actor: string,
  action: string,
  reference: string,
  details?: Record<string, unknown>,
) {
  await services.audit.record({
    at: services.clock.now(),
    actor,
    action,
    target: `claim:${reference}`,
    ...(details ? { details } : {}),
  });
}

/** Staff saw the akta or surat keterangan kematian: the claim's death is verified, the person marked deceased. */
export async function verifyDeath(
  deps: ActionDeps,
  input: { reference: string; actor: string },
): Promise<Claim | null> {
  const { services } = deps;
  const now = services.clock.now();
  const claim = await updateClaim(services, input.reference, (c) => {
    if (c.falseReport || c.deceased.verifiedAt) return null;
    const verified: Claim = {
      ...c,
      deceased: { ...c.deceased, verifiedAt: now, verifiedBy: input.actor },
      updatedAt: now,
    };
    delete verified.suspended;
    return verified;
  });
  if (!claim) return null;
  if (claim.deceased.personId)
    await services.people.markDeceased(claim.deceased.personId, toDisplayDate(claim.deceased.deathDate));
  await audit(services, input.actor, "claim.verifyDeath", input.reference, {
    person: claim.deceased.personReference,
  });
  return claim;
}

/** The report is false: rejected with the reason, the person's record left as it was, nothing more moves. */
export async function rejectFalseReport(
  deps: ActionDeps,
  input: { reference: string; actor: string; reason: string; nextStep: string },
): Promise<MoveResult> {
  const { services } = deps;
  const moved = await moveClaim(deps, {
    reference: input.reference,
    to: "DITOLAK_PERLU_TINDAK_LANJUT",
    actor: input.actor,
    rejection: { reason: input.reason, nextStep: input.nextStep },
  });
  if (moved.status !== "moved") return moved;
  const now = services.clock.now();
  const claim = await updateClaim(services, input.reference, (c) => {
    const closed: Claim = { ...c, falseReport: { at: now, by: input.actor }, updatedAt: now };
    delete closed.suspended;
    return closed;
  });
  const personId = moved.claim.deceased.personId;
  const person = personId ? await services.people.findById(personId) : null;
  if (person?.reportedDeceased?.claimReference === input.reference)
    await services.people.setReportedDeceased(person._id, null, now);
  await audit(services, input.actor, "claim.falseReport", input.reference, {
    person: moved.claim.deceased.personReference,
  });
  return { ...moved, claim: claim ?? moved.claim };
}

/** Membership as BPJS knows it: on the claim and the person; the checklist and the heir's estimate follow. */
export async function confirmMembership(
  deps: ActionDeps,
  input: { reference: string; actor: string; since: string; kpj?: string },
): Promise<Claim | null> {
  const { services } = deps;
  const now = services.clock.now();
  const claim = await updateClaim(services, input.reference, (c) => {
    const membership = {
      ...c.membership,
      answer:
        c.membership?.answer === "never"
          ? ("unknown" as const)
          : (c.membership?.answer ?? ("unknown" as const)),
      since: input.since,
      source: "staff" as const,
      confirmed: true,
    };
    const updated: Claim = { ...c, membership, kind: "claim", updatedAt: now };
    const chance = estimateScholarship(toBenefitInput(updated));
    const scholarship = chance === "eligible" || chance === "depends";
    const required = requiredDocuments({
      cause: c.cause,
      relationship: c.heir.relationship,
      membership: membership.answer,
      scholarship,
    });
    return { ...updated, required };
  });
  if (!claim) return null;
  if (claim.deceased.personId)
    await services.people.update(
      claim.deceased.personId,
      {
        membershipSince: input.since,
        membershipSource: "staff",
        ...(input.kpj ? { kpj: services.vault.seal(input.kpj) } : {}),
      },
      now,
    );
  await audit(services, input.actor, "claim.membership", input.reference, {
    since: input.since,
    kpj: Boolean(input.kpj),
  });
  const view = await viewFor(deps, claim);
  const estimate = toEstimateReply(claim, view);
  const replies = [
    {
      key: "claimStatus:push.membership" as const,
      params: {
        reference: claim.reference,
        estimate: toPlain(view.translator.t(view.language, estimate.key, estimate.params)),
      },
    },
  ];
  await notifyHeir(deps, claim, "membership", replies, view.language);
  return claim;
}

/** Another heir (by their number on the phone channel, or a phone their channel confirms) may follow the claim. */
export async function grantAccess(
  deps: ActionDeps,
  input: { reference: string; actor: string; phone: string },
): Promise<Claim | null> {
  const channel = deps.services.channels.phoneChannel();
  if (!channel) return null;
  const contact = { channel, userId: input.phone };
  const claim = await updateClaim(deps.services, input.reference, (c) =>
    (c.access ?? []).some((a) => a.userId === input.phone)
      ? null
      : { ...c, access: [...(c.access ?? []), contact] },
  );
  if (claim) await audit(deps.services, input.actor, "claim.grantAccess", input.reference);
  return claim;
}

/** A document this claim does not need (the heir is in the deceased's KK, no road accident…). */
export async function waiveDocument(
  deps: ActionDeps,
  input: { reference: string; actor: string; type: DocumentType },
): Promise<Claim | null> {
  const claim = await updateClaim(deps.services, input.reference, (c) =>
    (c.waived ?? []).includes(input.type) ? null : { ...c, waived: [...(c.waived ?? []), input.type] },
  );
  if (claim)
    await audit(deps.services, input.actor, "claim.waiveDocument", input.reference, { type: input.type });
  return claim;
}
