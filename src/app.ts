/**
 * Builds the bot over a document store: services (ports), flow registry, engine, inbound handler
 * and channel hub. main.ts, the transcript runner, the benchmarks and the tests all start here,
 * so they run the same bot.
 */
import { createChannelHub } from "./core/channel-hub";
import type { DocumentStore } from "./core/document-store.port";
import { createEngine } from "./core/engine";
import { createInboundHandler } from "./core/handle-inbound";
import type { FileStore } from "./core/files.port";
import type { PeopleRepository } from "./core/people.port";
import type { Clock, Logger, Translator } from "./core/ports";
import type { Services } from "./core/services";
import { createSessionStore } from "./core/session.store";
import type { PersonalDataVault } from "./core/vault.port";
import { createFlowRegistry } from "./flows/registry";
import { createTranslator } from "./i18n/translator";
import { createWorkingCalendar, createIndonesianHolidays, type WorkingCalendar } from "./domain/working-days";
import { createMemoryFileStore } from "./storage/files/memory-file.store";
import { createAuditLog } from "./storage/repositories/audit.repository";
import { createClaimDocumentRepository } from "./storage/repositories/claim-documents.repository";
import { createClaimRepository } from "./storage/repositories/claims.repository";
import { noPeopleRepository } from "./storage/repositories/no-people.repository";

export type AppOptions = {
  store: DocumentStore;
  clock: Clock;
  logger: Logger;
  vault: PersonalDataVault;
  translator?: Translator;
  silenceMs?: number;
  /** Registered people; until registration is wired, nobody is known (claims flag the deceased). */
  people?: PeopleRepository;
  /** Where heirs' documents go; default in memory (main.ts passes the encrypted disk store). */
  files?: FileStore;
  /** Working-day calendar; default national holidays plus `extraHolidays`. */
  calendar?: WorkingCalendar;
  /** EXTRA_HOLIDAYS (cuti bersama), YYYY-MM-DD. */
  extraHolidays?: readonly string[];
};

let sharedTranslator: Translator | undefined;

export function createApp(options: AppOptions) {
  const translator = options.translator ?? (sharedTranslator ??= createTranslator());
  const sessions = createSessionStore(options.store);
  const hub = createChannelHub({ sessions, translator, logger: options.logger });
  const services: Services = {
    clock: options.clock,
    logger: options.logger,
    notifier: hub,
    sessions,
    vault: options.vault,
    audit: createAuditLog(options.store),
    people: options.people ?? noPeopleRepository,
    claims: createClaimRepository(options.store),
    claimDocuments: createClaimDocumentRepository(options.store),
    files: options.files ?? createMemoryFileStore(),
    calendar:
      options.calendar ?? createWorkingCalendar(createIndonesianHolidays(options.extraHolidays ?? [])),
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
  return { services, registry, engine, inbound, hub, translator, store: options.store };
}

export type App = ReturnType<typeof createApp>;
