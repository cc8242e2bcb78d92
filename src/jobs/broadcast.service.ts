/**
 * The staff side of broadcasts (BroadcastService): preview (broadcast-preview.ts), create, schedule,
 * pause, resume, cancel, progress. Every change is audited; sending itself is the dispatcher's.
 */
import { randomInt } from "node:crypto";
import type { AuditLog } from "../core/audit.port";
import type {
  Actor,
  Broadcast,
  BroadcastActionResult,
  BroadcastDraft,
  BroadcastProgress,
  BroadcastService,
  CampaignInfo,
} from "../core/broadcast.port";
import { canApply, type BroadcastAction } from "../domain/broadcast-lifecycle";
import { toSendableTime, type QuietHours } from "../domain/quiet-hours";
import type { BroadcastRepository } from "../storage/repositories/broadcast.repository";
import { toProgress } from "./broadcast-pacing";
import { createPreviewer, type PreviewDeps } from "./broadcast-preview";
import type { CampaignDefinition } from "./campaigns";

const idAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export type BroadcastServiceDeps = PreviewDeps & {
  repo: BroadcastRepository;
  audit: AuditLog;
  quietHours: QuietHours;
  campaigns: CampaignDefinition[];
  scheduleDispatch: (id: string, at: Date) => Promise<void>;
};

export function createBroadcastService(deps: BroadcastServiceDeps): BroadcastService {
  const { repo, clock } = deps;

  const record = (by: Actor, action: string, id: string, details?: Record<string, unknown>) =>
    deps.audit.record({
      at: clock.now(),
      actor: by.actor,
      action,
      target: `broadcast:${id}`,
      ...(details ? { details } : {}),
    });

  /** Applies a lifecycle action if the broadcast's status allows it (checked again atomically). */
  async function transition(
    id: string,
    action: BroadcastAction,
    set: Partial<Broadcast>,
    by: Actor,
  ): Promise<BroadcastActionResult> {
    const current = await repo.broadcasts.findById(id);
    if (!current) return { status: "refused", reason: "notFound" };
    const allowed = ["scheduled", "sending", "paused", "draft"].filter((s) =>
      canApply(action, s as Broadcast["status"]),
    );
    const updated = allowed.includes(current.status)
      ? await repo.broadcasts.findOneAndUpdate(
          { _id: id, status: { $in: allowed } },
          { $set: { ...set, updatedAt: clock.now() } },
        )
      : null;
    if (!updated) return { status: "refused", reason: "invalidState", current: current.status };
    await record(by, `broadcast.${action}`, id, { from: current.status, to: updated.status });
    return { status: "ok", broadcast: updated };
  }

  const preview = createPreviewer(deps);

  /** Progress with the finish estimate of what is left (from now, or the scheduled time if later). */
  async function progressOf(broadcast: Broadcast): Promise<BroadcastProgress> {
    const now = clock.now();
    const from = broadcast.scheduledAt && broadcast.scheduledAt > now ? broadcast.scheduledAt : now;
    return toProgress(broadcast, await repo.counts(broadcast._id), deps.pacing, from);
  }

  async function create(draft: BroadcastDraft, by: Actor): Promise<BroadcastActionResult> {
    if (draft.message.type === "text" && draft.message.text.trim() === "")
      return { status: "refused", reason: "empty" };
    const checked = await preview(draft, 0);
    if (checked.renders.some((r) => r.tooLongFor.length > 0)) return { status: "refused", reason: "tooLong" };
    if (checked.recipients === 0) return { status: "refused", reason: "nobody" };
    const now = clock.now();
    const id = `SB-${Array.from({ length: 6 }, () => idAlphabet[randomInt(idAlphabet.length)]).join("")}`;
    const broadcast: Broadcast = {
      _id: id,
      kind: "broadcast",
      status: "draft",
      segment: draft.segment,
      message: draft.message,
      createdBy: by.actor,
      ...(by.notify ? { notify: by.notify } : {}),
      createdAt: now,
      updatedAt: now,
      recipientsReady: false,
      totals: {},
      runnerId: null,
    };
    await repo.broadcasts.insert(broadcast);
    await record(by, "broadcast.create", id, {
      segment: draft.segment,
      message: draft.message.type,
      recipients: checked.recipients,
    });
    return { status: "ok", broadcast };
  }

  async function startAt(
    id: string,
    at: Date,
    action: BroadcastAction,
    by: Actor,
  ): Promise<BroadcastActionResult> {
    const sendable = toSendableTime(at, deps.quietHours);
    const current = await repo.broadcasts.findById(id);
    const status = current?.kind === "campaign" ? "sending" : "scheduled";
    const result = await transition(
      id,
      action,
      { status, scheduledAt: sendable, postponedForQuietHours: sendable > at },
      by,
    );
    if (result.status === "ok") await deps.scheduleDispatch(id, sendable);
    return result;
  }

  async function campaigns(): Promise<CampaignInfo[]> {
    const found: CampaignInfo[] = [];
    for (const definition of deps.campaigns) {
      const broadcast = await repo.broadcasts.findById(definition.broadcastId);
      if (!broadcast) continue;
      found.push({
        id: broadcast._id,
        name: definition.id,
        enabled: broadcast.status === "sending",
        progress: await progressOf(broadcast),
      });
    }
    return found;
  }

  return {
    preview,
    create,
    schedule: (id, at, by) => startAt(id, at === "now" ? clock.now() : at, "schedule", by),
    pause: (id, by) => transition(id, "pause", { status: "paused" }, by),
    resume: (id, by) => startAt(id, clock.now(), "resume", by),
    async cancel(id, by) {
      const current = await repo.broadcasts.findById(id);
      if (current?.kind === "campaign")
        return { status: "refused", reason: "invalidState", current: current.status };
      const result = await transition(id, "cancel", { status: "cancelled", finishedAt: clock.now() }, by);
      if (result.status === "ok")
        await repo.deliveries.update(
          { broadcastId: id, status: "pending" },
          { $set: { status: "skipped", reason: "cancelled" } },
        );
      return result;
    },
    get: (id) => repo.broadcasts.findById(id),
    async progress(id) {
      const broadcast = await repo.broadcasts.findById(id);
      return broadcast ? progressOf(broadcast) : null;
    },
    async list(limit = 10) {
      const broadcasts = await repo.broadcasts.find({}, { sort: { createdAt: -1 }, limit });
      return Promise.all(
        broadcasts.map(async (broadcast) => ({ broadcast, progress: await progressOf(broadcast) })),
      );
    },
    campaigns,
  };
}
