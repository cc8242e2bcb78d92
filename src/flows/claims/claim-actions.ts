/**
 * What happens to a claim after the report, shared by the staff chat flow and the CLI:
 * move it (only allowed moves, with history), ask the heir for a document, record a document.
 * Every change is pushed to the heir in their language, as one message. When the heir's channel
 * is not running here (a CLI) the hub queues it in the outbox and the bot sends it; the record
 * says "queued". A push that could not even be queued is recorded as "failed", never fatal.
 */
import type { Claim, ClaimNotification, ClaimStage } from "../../core/claims.port";
import { toConversationKey, type Language, type Reply } from "../../core/messages";
import type { Translator } from "../../core/ports";
import type { Services } from "../../core/services";
import type { DocumentType } from "../../domain/claim-documents";
import { decideClaimMove, toMoved, type MoveInput, type MoveResult } from "./claim-moves";
import { documentKey, toSlaDays, toStagePush, type ViewContext } from "./claim-view";

export type { MoveInput, MoveRefusal, MoveResult } from "./claim-moves";

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
export async function viewFor(deps: ActionDeps, claim: Claim): Promise<ViewContext> {
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
  key?: string,
): Promise<ClaimNotification["status"]> {
  const { services } = deps;
  let record: ClaimNotification;
  try {
    const outcome = await services.notifier.notify(claim.heir.contact, replies, {
      language,
      kind: "unsolicited",
      ...(key ? { key } : {}),
    });
    record = { stage: subject, at: services.clock.now(), status: outcome, ...(key ? { key } : {}) };
  } catch (error) {
    services.logger.warn({ err: error, claim: claim.reference }, "could not notify the heir; recorded");
    const message = error instanceof Error ? error.message : "unknown";
    record = { stage: subject, at: services.clock.now(), status: "failed", error: message.slice(0, 200) };
    if (key) record.key = key;
  }
  await updateClaim(services, claim.reference, (c) =>
    key && c.notifications.some((n) => n.key === key)
      ? null
      : { ...c, notifications: [...c.notifications, record] },
  );
  return record.status;
}

/** The stage a keyed move came from, when that move is in the history already (the action ran before). */
function toDoneMove(claim: Claim, key: string | undefined): { from: ClaimStage } | undefined {
  const at = key ? claim.history.findIndex((entry) => entry.key === key) : -1;
  if (at < 0) return undefined;
  return { from: claim.history[at - 1]?.stage ?? claim.history[at]!.stage };
}

export async function moveClaim(deps: ActionDeps, input: MoveInput): Promise<MoveResult> {
  const { services } = deps;
  const current = await services.claims.findByReference(input.reference);
  if (!current) return { status: "refused", reason: "notFound" };
  const done = toDoneMove(current, input.key);
  if (done) return afterMove(deps, current, input, done.from);
  const decision = decideClaimMove(current, input);
  if (!decision.ok) return { status: "refused", reason: decision.reason };
  const now = services.clock.now();
  const slaDue = () => services.calendar.addWorkingDays(now, toSlaDays(current.programme));
  const moved = await updateClaim(services, input.reference, (claim) =>
    decideClaimMove(claim, input).ok ? toMoved(claim, input, now, slaDue) : null,
  );
  if (!moved) return { status: "refused", reason: "notAllowed" };
  return afterMove(deps, moved, input, current.stage);
}

/** What follows a move: the audit entry and the heir's message, each once under the move's key. */
async function afterMove(
  deps: ActionDeps,
  moved: Claim,
  input: MoveInput,
  from: ClaimStage,
): Promise<MoveResult> {
  const { services } = deps;
  await services.audit.record(
    {
      at: services.clock.now(),
      actor: input.actor,
      action: "claim.move",
      target: `claim:${input.reference}`,
      details: {
        from,
        to: input.to,
        withNote: Boolean(input.note),
        ...(input.payment ? { amount: input.payment.amount, paidOn: input.payment.paidOn } : {}),
      },
    },
    input.key && `${input.key}:audit`,
  );
  const view = await viewFor(deps, moved);
  const push = toStagePush(moved, view, input.note);
  const key = input.key && `${input.key}:push`;
  const notification = await notifyHeir(deps, moved, input.to, [push], view.language, key);
  return { status: "moved", claim: moved, notified: notification !== "failed", notification };
}

/** Staff ask the heir for a document (again, when the one sent was unreadable); the heir is told exactly what. */
export async function requestDocument(
  deps: ActionDeps,
  input: { reference: string; type: DocumentType; actor: string; note?: string; key?: string },
): Promise<
  | { status: "requested"; claim: Claim; notified: boolean; notification: ClaimNotification["status"] }
  | { status: "notFound" }
> {
  const { services } = deps;
  const now = services.clock.now();
  const current = await services.claims.findByReference(input.reference);
  if (!current) return { status: "notFound" };
  // Asked already under this key (the action ran before): only what did not happen yet follows.
  const done = input.key !== undefined && current.requested.some((r) => r.key === input.key);
  const claim = done
    ? current
    : await updateClaim(services, input.reference, (c) => ({
        ...c,
        requested: [
          ...c.requested,
          {
            type: input.type,
            at: now,
            by: input.actor,
            ...(input.note ? { note: input.note } : {}),
            ...(input.key ? { key: input.key } : {}),
          },
        ],
        received: c.received.filter((t) => t !== input.type),
        waived: (c.waived ?? []).filter((t) => t !== input.type),
        lastActivityAt: now,
        updatedAt: now,
      }));
  if (!claim) return { status: "notFound" };
  await services.audit.record(
    {
      at: now,
      actor: input.actor,
      action: "claim.requestDocument",
      target: `claim:${input.reference}`,
      details: { type: input.type, withNote: Boolean(input.note) },
    },
    input.key && `${input.key}:audit`,
  );
  const view = await viewFor(deps, claim);
  const reply: Reply = {
    key: "claimStatus:push.documentRequested",
    params: {
      reference: claim.reference,
      document: deps.translator.t(view.language, documentKey(input.type)),
      note: input.note
        ? `\n${deps.translator.t(view.language, "claimStatus:card.note", { note: input.note })}`
        : "",
    },
  };
  const key = input.key && `${input.key}:push`;
  const notification = await notifyHeir(deps, claim, "documentRequested", [reply], view.language, key);
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
