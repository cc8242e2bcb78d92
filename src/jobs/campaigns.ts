/**
 * Automatic reminders (campaigns), defined by configuration, each a long-lived broadcast that
 * staff see in the broadcast list and can pause (stop) and resume:
 * - coverageEnding: N days before a participant's cover ends (once per end date);
 * - registrationUnfinished: a registration started in the chat but not finished after N days (once);
 * - claimDocuments: claim documents still missing after N days (once per claim and waiting period).
 * A reminder reaches a person at most once per period: its delivery key carries the period and
 * the (broadcast, recipient) index is unique.
 */
import type { Broadcast, BroadcastTemplate } from "../core/broadcast.port";
import type { ClaimRepository } from "../core/claims.port";
import type { Clock, Logger } from "../core/ports";
import { toJakartaDay } from "../domain/jakarta-time";
import {
  toDeliveryId,
  type BroadcastRepository,
  type RecipientParams,
} from "../storage/repositories/broadcast.repository";
import type { RecipientResolver, ResolvedRecipient } from "./broadcast-recipients";

export type CampaignId = "coverageEnding" | "registrationUnfinished" | "claimDocuments";

export type CampaignDefinition = {
  id: CampaignId;
  broadcastId: string;
  days: number;
  template: BroadcastTemplate;
};

export type CampaignSettings = {
  coverageDaysBefore: number;
  registrationAfterDays: number;
  claimDocumentsAfterDays: number;
};

const dayMs = 24 * 60 * 60 * 1000;

export function toCampaignDefinitions(settings: CampaignSettings): CampaignDefinition[] {
  return [
    {
      id: "coverageEnding",
      broadcastId: "RM-coverageEnding",
      days: settings.coverageDaysBefore,
      template: "coverageEnding",
    },
    {
      id: "registrationUnfinished",
      broadcastId: "RM-registrationUnfinished",
      days: settings.registrationAfterDays,
      template: "registrationUnfinished",
    },
    {
      id: "claimDocuments",
      broadcastId: "RM-claimDocuments",
      days: settings.claimDocumentsAfterDays,
      template: "claimDocuments",
    },
  ];
}

type Due = { recipient: ResolvedRecipient; period: string; params?: RecipientParams };

export function createCampaignRunner(deps: {
  repo: BroadcastRepository;
  resolver: RecipientResolver;
  claims: Pick<ClaimRepository, "listAwaitingDocuments">;
  clock: Clock;
  logger: Logger;
  definitions: CampaignDefinition[];
  scheduleDispatch: (id: string, at: Date) => Promise<void>;
}) {
  const { repo } = deps;

  /** Creates the campaign's broadcast the first time (enabled). */
  async function ensure(definition: CampaignDefinition, now: Date): Promise<Broadcast> {
    const existing = await repo.broadcasts.findById(definition.broadcastId);
    if (existing) return existing;
    const broadcast: Broadcast = {
      _id: definition.broadcastId,
      kind: "campaign",
      status: "sending",
      segment: { state: definition.id === "coverageEnding" ? "coverageEnding" : "started" },
      message: { type: "template", template: definition.template },
      createdBy: "system",
      createdAt: now,
      updatedAt: now,
      recipientsReady: true,
      totals: {},
      runnerId: null,
    };
    await repo.broadcasts.insert(broadcast);
    return (await repo.broadcasts.findById(definition.broadcastId)) ?? broadcast;
  }

  async function due(definition: CampaignDefinition, now: Date): Promise<Due[]> {
    if (definition.id === "coverageEnding") {
      const before = toJakartaDay(new Date(now.getTime() + (definition.days + 1) * dayMs));
      const { recipients } = await deps.resolver.resolve({
        state: "coverageEnding",
        coverageEndsBefore: before,
      });
      return recipients
        .filter((r) => r.params.deadline && r.params.deadline.getTime() > now.getTime())
        .map((recipient) => ({ recipient, period: toJakartaDay(recipient.params.deadline as Date) }));
    }
    if (definition.id === "registrationUnfinished") {
      const startedBefore = new Date(now.getTime() - definition.days * dayMs);
      const { recipients } = await deps.resolver.resolve({ state: "started" }, { startedBefore });
      return recipients.map((recipient) => ({ recipient, period: "once" }));
    }
    const claims = await deps.claims.listAwaitingDocuments(new Date(now.getTime() - definition.days * dayMs));
    const found: Due[] = [];
    for (const claim of claims) {
      const resolved = await deps.resolver.resolveContact(claim.heir, claim.heir.language);
      if (typeof resolved === "string") continue;
      const params = { ...resolved.params, reference: claim.reference, count: claim.missing.length };
      found.push({
        recipient: { ...resolved, key: `claim:${claim.reference}` },
        period: toJakartaDay(claim.since),
        params,
      });
    }
    return found;
  }

  /** Adds a delivery unless this recipient already has one for the period; true when added. */
  async function add(broadcast: Broadcast, item: Due, now: Date): Promise<boolean> {
    const recipient = `${item.recipient.key}|${item.period}`;
    if (await repo.deliveries.findOne({ broadcastId: broadcast._id, recipient })) return false;
    const { channel } = item.recipient;
    const reserved = await repo.broadcasts.findOneAndUpdate(
      { _id: broadcast._id },
      { $inc: { [`totals.${channel}`]: 1 } },
    );
    const seq = (reserved?.totals[channel] ?? 1) - 1;
    const result = await repo.deliveries.insert({
      _id: toDeliveryId(broadcast._id, channel, seq),
      broadcastId: broadcast._id,
      recipient,
      channel,
      userId: item.recipient.userId,
      language: item.recipient.language,
      seq,
      ...(item.recipient.personId ? { personId: item.recipient.personId } : {}),
      params: item.params ?? item.recipient.params,
      status: "pending",
      createdAt: now,
    });
    return result.type === "inserted";
  }

  /** Finds who is due for each running campaign and hands the new deliveries to the dispatcher. */
  async function run(): Promise<Record<string, number>> {
    const now = deps.clock.now();
    const added: Record<string, number> = {};
    for (const definition of deps.definitions) {
      const broadcast = await ensure(definition, now);
      if (broadcast.status !== "sending") continue;
      let count = 0;
      for (const item of await due(definition, now)) if (await add(broadcast, item, now)) count += 1;
      added[definition.id] = count;
      if (count > 0) deps.logger.info({ campaign: definition.id, added: count }, "reminders queued");
      await deps.scheduleDispatch(broadcast._id, now);
    }
    return added;
  }

  return { run, ensure };
}

export type CampaignRunner = ReturnType<typeof createCampaignRunner>;
