/**
 * The staff side of broadcasts (BroadcastService): preview with exact counts, create, schedule,
 * pause, resume, cancel, progress. Every change is audited; sending itself is the dispatcher's.
 */
import { randomInt } from "node:crypto";
import type { AuditLog } from "../core/audit.port";
import type {
  Actor,
  Broadcast,
  BroadcastActionResult,
  BroadcastDraft,
  BroadcastPreview,
  BroadcastService,
  CampaignInfo,
} from "../core/broadcast.port";
import { isOutsideServiceWindow, toTooLongFor, type ChannelDirectory } from "../core/channel-contract";
import type { Clock, Translator } from "../core/ports";
import { languages } from "../core/messages";
import { canApply, type BroadcastAction } from "../domain/broadcast-lifecycle";
import { toSendableTime, type QuietHours } from "../domain/quiet-hours";
import type { BroadcastRepository } from "../storage/repositories/broadcast.repository";
import { sampleParams, toBroadcastText } from "./broadcast-message";
import type { RecipientResolver } from "./broadcast-recipients";
import type { CampaignDefinition } from "./campaigns";

const idAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function maskUserId(userId: string): string {
  return userId.length <= 4
    ? "****"
    : `${userId.slice(0, 2)}${"*".repeat(userId.length - 4)}${userId.slice(-2)}`;
}

export type BroadcastServiceDeps = {
  repo: BroadcastRepository;
  resolver: RecipientResolver;
  translator: Translator;
  clock: Clock;
  audit: AuditLog;
  quietHours: QuietHours;
  campaigns: CampaignDefinition[];
  scheduleDispatch: (id: string, at: Date) => Promise<void>;
  channels: ChannelDirectory;
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

  async function preview(draft: BroadcastDraft, sampleSize = 5): Promise<BroadcastPreview> {
    const { recipients, excluded } = await deps.resolver.resolve(draft.segment);
    const byChannel: BroadcastPreview["byChannel"] = {};
    const byLanguage: BroadcastPreview["byLanguage"] = {};
    const needTemplate: BroadcastPreview["needTemplate"] = {};
    const now = clock.now();
    for (const r of recipients) {
      byChannel[r.channel] = (byChannel[r.channel] ?? 0) + 1;
      byLanguage[r.language] = (byLanguage[r.language] ?? 0) + 1;
      if (isOutsideServiceWindow(deps.channels.capabilitiesOf(r.channel), r.lastWroteAt, now))
        needTemplate[r.channel] = (needTemplate[r.channel] ?? 0) + 1;
    }
    const channels = deps.channels
      .list()
      .map((c) => c.channel)
      .filter((c) => !draft.segment.channel || c === draft.segment.channel);
    const renders = languages.map((language) => {
      const params = recipients.find((r) => r.language === language)?.params ?? sampleParams;
      const text = toBroadcastText(draft.message, { ...sampleParams, ...params }, language, deps.translator);
      return { language, text, tooLongFor: toTooLongFor(deps.channels, text, channels) };
    });
    const sample = recipients.slice(0, sampleSize).map((r) => ({
      channel: r.channel,
      user: maskUserId(r.userId),
      language: r.language,
      text: toBroadcastText(draft.message, { ...sampleParams, ...r.params }, r.language, deps.translator),
    }));
    return { recipients: recipients.length, excluded, byChannel, byLanguage, needTemplate, renders, sample };
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
        progress: await repo.progress(broadcast),
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
      return broadcast ? repo.progress(broadcast) : null;
    },
    async list(limit = 10) {
      const broadcasts = await repo.broadcasts.find({}, { sort: { createdAt: -1 }, limit });
      return Promise.all(
        broadcasts.map(async (broadcast) => ({ broadcast, progress: await repo.progress(broadcast) })),
      );
    },
    campaigns,
  };
}
