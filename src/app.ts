/**
 * Builds the bot over a document store: services (ports), flow registry, engine, inbound handler
 * and channel hub. main.ts, the transcript runner, the benchmarks and the tests all start here,
 * so they run the same bot.
 */
import { createChannelHub } from "./core/channel-hub";
import type { DocumentStore } from "./core/document-store.port";
import { createEngine } from "./core/engine";
import { createInboundHandler } from "./core/handle-inbound";
import type { Clock, Logger, Translator } from "./core/ports";
import type { Services } from "./core/services";
import { createSessionStore } from "./core/session.store";
import type { PersonalDataVault } from "./core/vault.port";
import { createFlowRegistry } from "./flows/registry";
import { createTranslator } from "./i18n/translator";
import { createAuditLog } from "./storage/repositories/audit.repository";
import type { ClaimRepository } from "./core/claims.port";
import type { PeopleRepository } from "./core/people.port";
import { createBroadcasting, type BroadcastingSettings } from "./jobs/broadcasting";
import { createInProcessScheduler } from "./jobs/in-process.scheduler";
import type { JobScheduler } from "./jobs/scheduler.port";
import { createOptOutService } from "./storage/repositories/opt-out.repository";
import { unwiredClaims, unwiredPeople } from "./storage/repositories/unwired.repository";

export type AppOptions = {
  store: DocumentStore;
  clock: Clock;
  logger: Logger;
  vault: PersonalDataVault;
  translator?: Translator;
  silenceMs?: number;
  /** Registered people and claims (their repositories); empty stand-ins until wired. */
  people?: PeopleRepository;
  claims?: ClaimRepository;
  /** Agenda on MongoDB (jobs/agenda.scheduler.ts); by default an in-process scheduler. */
  scheduler?: JobScheduler;
  broadcasting?: Partial<BroadcastingSettings>;
};

let sharedTranslator: Translator | undefined;

export function createApp(options: AppOptions) {
  const translator = options.translator ?? (sharedTranslator ??= createTranslator());
  const sessions = createSessionStore(options.store);
  const hub = createChannelHub({ sessions, translator, logger: options.logger });
  const audit = createAuditLog(options.store);
  const people = options.people ?? unwiredPeople;
  const optOuts = createOptOutService({ store: options.store, people, audit });
  const broadcasting = createBroadcasting({
    store: options.store,
    scheduler:
      options.scheduler ?? createInProcessScheduler({ clock: options.clock, logger: options.logger }),
    notifier: hub,
    translator,
    people,
    claims: options.claims ?? unwiredClaims,
    optOuts,
    audit,
    clock: options.clock,
    logger: options.logger,
    ...(options.broadcasting ? { settings: options.broadcasting } : {}),
  });
  const services: Services = {
    clock: options.clock,
    logger: options.logger,
    notifier: hub,
    sessions,
    vault: options.vault,
    audit,
    broadcasts: broadcasting.service,
    optOuts,
  };
  const registry = createFlowRegistry();
  const engine = createEngine({
    registry,
    services,
    translator,
    logger: options.logger,
    silenceMs: options.silenceMs ?? 24 * 60 * 60 * 1000,
  });
  const inbound = createInboundHandler({
    engine,
    sessions,
    translator,
    logger: options.logger,
    clock: options.clock,
  });
  return { services, registry, engine, inbound, hub, translator, store: options.store, broadcasting };
}

export type App = ReturnType<typeof createApp>;
