/**
 * Builds the bot over a document store: services (ports), flow registry, engine, inbound handler,
 * channel hub and broadcasting. main.ts, the transcript runner, the benchmarks and the tests all
 * start here, so they run the same bot.
 */
import { createChannelCatalog } from "./channels/channel-catalog";
import { randomUUID } from "node:crypto";
import { createServices, defaultSettings, type AppOptions } from "./app-services";
import { createChannelHub } from "./core/channel-hub";
import { createEngine } from "./core/engine";
import { createInboundHandler } from "./core/handle-inbound";
import type { Clock, Translator } from "./core/ports";
import { createSessionStore, defaultSessionTtlDays } from "./core/session.store";
import { createQuestionInterjector } from "./flows/questions.interject";
import { createFlowRegistry } from "./flows/registry";
import { createTranslator } from "./i18n/translator";
import { createOutboxDrainer } from "./jobs/outbox.job";
import { createReplyRedeliverer } from "./jobs/reply-redelivery.job";
import { createRetention } from "./jobs/retention.job";
import { createSessionPurge } from "./jobs/session-purge.job";
import { createOutboxRepository } from "./storage/repositories/outbox.repository";

export { createServices, defaultSettings, type AppOptions };

let sharedTranslator: Translator | undefined;

/** Pseudonyms of recent conversations, remembered so a keyed hash is not computed per message. */
function createPseudonyms(hash: (key: string) => string, keep = 2_000): (key: string) => string {
  const known = new Map<string, string>();
  return (key) => {
    let pseudonym = known.get(key);
    if (pseudonym === undefined) {
      pseudonym = hash(key);
      if (known.size >= keep) known.delete(known.keys().next().value as string);
      known.set(key, pseudonym);
    }
    return pseudonym;
  };
}

/** The system's time: for leases, which every process must read alike. */
const systemClock: Clock = { now: () => new Date() };

export function createApp(options: AppOptions) {
  const translator = options.translator ?? (sharedTranslator ??= createTranslator());
  const ttlDays = options.sessionTtlDays ?? defaultSessionTtlDays;
  // A stable INSTANCE_ID lets a restarted process take back its conversations at once.
  const boot = randomUUID().slice(0, 8);
  const processId = options.instanceId ? `${options.instanceId}.${boot}` : boot;
  const identity = options.instanceId ? { instance: options.instanceId, boot } : undefined;
  const sessions = createSessionStore(options.store, { ttlDays, ...(identity ? { identity } : {}) });
  const leaseClock = options.leaseClock ?? systemClock;
  const outboxItems = createOutboxRepository(options.store);
  const channels = options.channels ?? createChannelCatalog();
  const hub = createChannelHub({
    sessions,
    translator,
    logger: options.logger,
    outbox: outboxItems,
    clock: options.clock,
    channels,
  });
  const replies = createReplyRedeliverer({
    sessions,
    hub,
    translator,
    clock: options.clock,
    leaseClock,
    logger: options.logger,
    owner: `${processId}:drain`,
    channels,
    ...(options.delivery ? { delivery: options.delivery } : {}),
  });
  // Only the bot process starts it (main.ts); a CLI just queues.
  const outbox = createOutboxDrainer({
    outbox: outboxItems,
    hub,
    sessions,
    clock: options.clock,
    logger: options.logger,
    replies,
    ...(options.outbox ? { settings: options.outbox } : {}),
  });
  const { services, broadcasting, scheduler } = createServices({
    ...options,
    channels,
    translator,
    sessions,
    notifier: hub,
  });
  // Started by the bot process only (main.ts), after the scheduler (broadcasting.start).
  const retention = createRetention({
    store: options.store,
    files: services.files,
    audit: services.audit,
    clock: options.clock,
    logger: options.logger,
    scheduler,
    settings: { claimDocumentDays: options.retention?.claimDocumentDays ?? 90 },
  });
  const registry = createFlowRegistry({ interject: createQuestionInterjector() });
  const engine = createEngine({
    registry,
    services,
    translator,
    logger: options.logger,
    silenceMs: options.silenceMs ?? 24 * 60 * 60 * 1000,
    ...(options.defaultLanguage ? { defaultLanguage: options.defaultLanguage } : {}),
    ...(options.maxTextLength ? { maxTextLength: options.maxTextLength } : {}),
    // While a hand-off is open, staff answer and the bot runs no flow (core/handoff-citizen.ts).
    isHandedOff: (session) => session.handoff !== null,
  });
  const inbound = createInboundHandler({
    engine,
    sessions,
    translator,
    logger: options.logger,
    clock: options.clock,
    channels,
    leaseClock,
    instanceId: processId,
    ...(options.delivery ? { delivery: options.delivery } : {}),
    pseudonymise: createPseudonyms((key) => options.vault.hash(key).slice(0, 16)),
    staff: services.staffDirectory,
  });
  const sessionPurge = createSessionPurge({
    sessions,
    clock: options.clock,
    logger: options.logger,
    ttlDays,
  });
  return {
    services,
    registry,
    engine,
    inbound,
    hub,
    translator,
    store: options.store,
    broadcasting,
    outbox,
    outboxItems,
    retention,
    sessionPurge,
  };
}

export type App = ReturnType<typeof createApp>;
