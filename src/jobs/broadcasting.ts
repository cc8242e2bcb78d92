/**
 * Wires broadcasts and reminders together over one document store and one scheduler:
 * repository, recipient resolver, pacer, dispatcher, staff service and campaign runner, and the
 * two jobs ("broadcast.dispatch" per broadcast, "campaigns.run" every few minutes).
 * `start()` also resumes broadcasts a previous process left scheduled or half-sent.
 */
import type { AuditLog } from "../core/audit.port";
import type { ChannelDirectory } from "../core/channel-contract";
import type { ClaimRepository } from "../core/claims.port";
import type { DocumentStore } from "../core/document-store.port";
import type { OptOutService } from "../core/opt-out.port";
import type { PeopleRepository } from "../core/people.port";
import type { ChannelName } from "../core/messages";
import type { Clock, DeliveryReceipts, Logger, Notifier, Translator } from "../core/ports";
import type { QuietHours } from "../domain/quiet-hours";
import { createBroadcastRepository } from "../storage/repositories/broadcast.repository";
import { createRecipientEstimator } from "./broadcast-estimate";
import { toChannelPaces, type BroadcastPacing } from "./broadcast-pacing";
import { createRecipientResolver } from "./broadcast-recipients";
import { createBroadcastDispatcher, type DispatcherOptions } from "./broadcast.dispatcher";
import { createBroadcastService } from "./broadcast.service";
import { createCampaignRunner, toCampaignDefinitions, type CampaignSettings } from "./campaigns";
import { createChannelPacer, type ChannelPacer } from "./channel-pacer";
import type { JobScheduler } from "./scheduler.port";

export type BroadcastingSettings = {
  quietHours: QuietHours;
  campaigns: CampaignSettings;
  remindersEnabled: boolean;
  campaignCheckMs: number;
  /** Previews list segments up to this size exactly, and count bigger ones in the database. */
  exactPreviewUpTo: number;
  dispatcher?: Partial<DispatcherOptions>;
};

export const defaultBroadcastingSettings: BroadcastingSettings = {
  quietHours: { start: "20:00", end: "07:00" },
  campaigns: { coverageDaysBefore: 14, registrationAfterDays: 2, claimDocumentsAfterDays: 3 },
  remindersEnabled: true,
  campaignCheckMs: 60 * 60_000,
  exactPreviewUpTo: 1000,
};

export type BroadcastingDeps = {
  store: DocumentStore;
  scheduler: JobScheduler;
  notifier: Notifier;
  translator: Translator;
  people: PeopleRepository;
  claims: Pick<ClaimRepository, "listAwaitingDocuments">;
  optOuts: OptOutService;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /** What each channel can do: pace, concurrency, audience, lengths, service window. */
  channels: ChannelDirectory;
  settings?: Partial<BroadcastingSettings>;
  pacer?: ChannelPacer;
};

/** Each channel's declared pace; a channel pacing itself (null) is not paced here. */
function toRates(channels: ChannelDirectory): Partial<Record<ChannelName, number>> {
  const rates: Partial<Record<ChannelName, number>> = {};
  for (const c of channels.list())
    if (c.unsolicited.ratePerSecond !== null) rates[c.channel] = c.unsolicited.ratePerSecond;
  return rates;
}

export const dispatchJob = "broadcast.dispatch";
export const campaignsJob = "campaigns.run";

export function createBroadcasting(deps: BroadcastingDeps) {
  const settings = { ...defaultBroadcastingSettings, ...deps.settings };
  const repo = createBroadcastRepository(deps.store);
  const resolver = createRecipientResolver(deps);
  const estimator = createRecipientEstimator(deps);
  const pacing: BroadcastPacing = {
    quietHours: settings.quietHours,
    paces: toChannelPaces(deps.channels),
  };
  const scheduleDispatch = (broadcastId: string, at: Date) =>
    deps.scheduler.schedule(dispatchJob, at, { key: broadcastId, broadcastId });
  const pacer = deps.pacer ?? createChannelPacer(toRates(deps.channels));
  const dispatcher = createBroadcastDispatcher({
    ...deps,
    repo,
    resolver,
    pacer,
    quietHours: settings.quietHours,
    reschedule: scheduleDispatch,
    ...(settings.dispatcher ? { options: settings.dispatcher } : {}),
  });
  const definitions = settings.remindersEnabled ? toCampaignDefinitions(settings.campaigns) : [];
  const campaigns = createCampaignRunner({ ...deps, repo, resolver, definitions, scheduleDispatch });
  const service = createBroadcastService({
    ...deps,
    repo,
    resolver,
    estimator,
    pacing,
    exactPreviewUpTo: settings.exactPreviewUpTo,
    quietHours: settings.quietHours,
    campaigns: definitions,
    scheduleDispatch,
  });

  deps.scheduler.define(dispatchJob, async (data) => {
    const outcome = await dispatcher.dispatch(data.broadcastId ?? data.key);
    deps.logger.info({ broadcast: data.key, outcome: outcome.type }, "broadcast dispatch ended");
  });
  deps.scheduler.define(campaignsJob, async () => void (await campaigns.run()));

  /** Puts every scheduled or half-sent broadcast back on the scheduler (after a restart). */
  async function recover(): Promise<number> {
    const open = await repo.broadcasts.find({ status: { $in: ["scheduled", "sending"] } });
    const now = deps.clock.now();
    for (const b of open)
      await scheduleDispatch(b._id, b.scheduledAt && b.scheduledAt > now ? b.scheduledAt : now);
    return open.length;
  }

  return {
    service,
    resolver,
    /** Receipts reported by channels that have them (the Cloud API's statuses). */
    receipts: { record: (receipt) => repo.recordReceipt(receipt) } satisfies DeliveryReceipts,
    dispatcher,
    campaigns,
    repo,
    recover,
    async start(): Promise<void> {
      await deps.scheduler.start();
      await recover();
      if (definitions.length === 0) return;
      await deps.scheduler.every(campaignsJob, settings.campaignCheckMs, { key: campaignsJob });
      // And once now: a restarted bot should not wait a whole interval (runs are idempotent).
      await deps.scheduler.schedule(campaignsJob, deps.clock.now(), { key: `${campaignsJob}:start` });
    },
    stop: () => deps.scheduler.stop(),
  };
}

export type Broadcasting = ReturnType<typeof createBroadcasting>;
