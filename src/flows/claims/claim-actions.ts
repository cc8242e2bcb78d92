/**
 * What happens to a claim after the report, shared by the staff chat flow and the CLI:
 * move it (only allowed moves, with history), ask the heir for a document, record a document.
 * Every change is pushed to the heir in their language. When the heir's channel is not running
 * here (a CLI) the hub queues it in the outbox and the bot sends it; the record says "queued".
 * A push that could not even be queued is recorded as "failed", never fatal.
 */
import type { Claim, ClaimNotification, ClaimStage } from "../../core/claims.port";
import { toConversationKey, type Language, type Reply } from "../../core/messages";
import type { Translator } from "../../core/ports";
import type { Services } from "../../core/services";
import type { DocumentType } from "../../domain/claim-documents";
import { decideMove } from "../../domain/claim-lifecycle";
import {
  documentKey,
  toNeededReplies,
  toSlaDays,
  toSlaReplies,
  toStageLabel,
  type ViewContext,
} from "./claim-view";

export type ActionDeps = { services: Services; translator: Translator };

const saveAttempts = 3;

/** Reads, changes and saves a claim, again when someone saved it in between. Null: not found or unchanged. */
export async function updateClaim(
  services: Services,
  reference: string,
  change: (claim: Claim) => Claim | null,
): Promise<Claim | null> {
  for (let attempt = 0; attempt < saveAttempts; attempt++) {
    const claim = await services.claims.findByReference(reference);
    if (!claim) return null;
    const updated = change(claim);
    if (!updated) return null;
    if (await services.claims.save(updated)) return { ...updated, version: updated.version + 1 };
  }
  return null;
}

/** The heir's language now (they may have switched since reporting), for the texts pushed to them. */
async function viewFor(deps: ActionDeps, claim: Claim): Promise<ViewContext> {
  const { services, translator } = deps;
  const { channel, userId } = claim.heir.contact;
  const session = await services.sessions.load(toConversationKey(channel, userId)).catch(() => null);
  const language = session?.language ?? claim.heir.language;
  return { translator, language, calendar: services.calendar, now: services.clock.now() };
}

/** Sends (or queues) replies to the heir's chat and records what became of them. */
export async function notifyHeir(
  deps: ActionDeps,
  claim: Claim,
  subject: ClaimNotification["stage"],
  replies: Reply[],
  language: Language,
): Promise<ClaimNotification["status"]> {
  const { services } = deps;
  let record: ClaimNotification;
  try {
    const outcome = await services.notifier.notify(claim.heir.contact, replies, {
      language,
      kind: "unsolicited",
    });
    record = { stage: subject, at: services.clock.now(), status: outcome };
  } catch (error) {
    services.logger.warn({ err: error, claim: claim.reference }, "could not notify the heir; recorded");
    const message = error instanceof Error ? error.message : "unknown";
    record = { stage: subject, at: services.clock.now(), status: "failed", error: message.slice(0, 200) };
  }
  await updateClaim(services, claim.reference, (c) => ({
    ...c,
    notifications: [...c.notifications, record],
  }));
  return record.status;
}

export type MoveResult =
  /** `notified`: sent or queued (the heir will be told); `notification` says which. */
  | { status: "moved"; claim: Claim; notified: boolean; notification: ClaimNotification["status"] }
  | { status: "refused"; reason: "notFound" | "sameStage" | "notAllowed" | "final" };

function toStageReplies(claim: Claim, view: ViewContext, note: string | undefined): Reply[] {
  const replies: Reply[] = [
    {
      key: "claimStatus:push.stageChanged",
      params: { reference: claim.reference, stage: toStageLabel(claim.stage, view) },
    },
    { key: `claimStatus:stageInfo.${claim.stage}` },
  ];
  if (note) replies.push({ key: "claimStatus:push.note", params: { note } });
  return [...replies, ...toNeededReplies(claim, view), ...toSlaReplies(claim, view)];
}

export async function moveClaim(
  deps: ActionDeps,
  input: { reference: string; to: ClaimStage; actor: string; note?: string },
): Promise<MoveResult> {
  const { services } = deps;
  const current = await services.claims.findByReference(input.reference);
  if (!current) return { status: "refused", reason: "notFound" };
  const decision = decideMove(current.stage, input.to);
  if (!decision.ok) return { status: "refused", reason: decision.reason };
  const now = services.clock.now();
  const days = toSlaDays(current.programme);
  const moved = await updateClaim(services, input.reference, (claim) =>
    decideMove(claim.stage, input.to).ok
      ? {
          ...claim,
          stage: input.to,
          stageAt: now,
          lastActivityAt: now,
          updatedAt: now,
          history: [
            ...claim.history,
            { stage: input.to, at: now, by: input.actor, ...(input.note ? { note: input.note } : {}) },
          ],
          ...(input.to === "DIAJUKAN_KE_BPJS" ? { slaDue: services.calendar.addWorkingDays(now, days) } : {}),
        }
      : null,
  );
  if (!moved) return { status: "refused", reason: "notAllowed" };
  await services.audit.record({
    at: now,
    actor: input.actor,
    action: "claim.move",
    target: `claim:${input.reference}`,
    details: { from: current.stage, to: input.to, withNote: Boolean(input.note) },
  });
  const view = await viewFor(deps, moved);
  const notification = await notifyHeir(
    deps,
    moved,
    input.to,
    toStageReplies(moved, view, input.note),
    view.language,
  );
  return { status: "moved", claim: moved, notified: notification !== "failed", notification };
}

/** Staff ask the heir for a document (again, when the one sent was unreadable); the heir is told exactly what. */
export async function requestDocument(
  deps: ActionDeps,
  input: { reference: string; type: DocumentType; actor: string; note?: string },
): Promise<
  | { status: "requested"; claim: Claim; notified: boolean; notification: ClaimNotification["status"] }
  | { status: "notFound" }
> {
  const { services } = deps;
  const now = services.clock.now();
  const claim = await updateClaim(services, input.reference, (c) => ({
    ...c,
    requested: [
      ...c.requested,
      { type: input.type, at: now, by: input.actor, ...(input.note ? { note: input.note } : {}) },
    ],
    received: c.received.filter((t) => t !== input.type),
    lastActivityAt: now,
    updatedAt: now,
  }));
  if (!claim) return { status: "notFound" };
  await services.audit.record({
    at: now,
    actor: input.actor,
    action: "claim.requestDocument",
    target: `claim:${input.reference}`,
    details: { type: input.type, withNote: Boolean(input.note) },
  });
  const view = await viewFor(deps, claim);
  const replies: Reply[] = [
    {
      key: "claimStatus:push.documentRequested",
      params: {
        reference: claim.reference,
        document: deps.translator.t(view.language, documentKey(input.type)),
      },
    },
  ];
  if (input.note) replies.push({ key: "claimStatus:push.note", params: { note: input.note } });
  replies.push({ key: "claimStatus:push.howToSend" });
  const notification = await notifyHeir(deps, claim, "documentRequested", replies, view.language);
  return { status: "requested", claim, notified: notification !== "failed", notification };
}

/** A labelled document arrived: it counts as received and restarts the reminder clock. */
export async function recordDocument(
  services: Services,
  reference: string,
  type: DocumentType,
): Promise<Claim | null> {
  const now = services.clock.now();
  return updateClaim(services, reference, (c) => ({
    ...c,
    received: c.received.includes(type) ? c.received : [...c.received, type],
    lastActivityAt: now,
    updatedAt: now,
  }));
}
