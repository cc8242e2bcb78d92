/**
 * Builds the bot over a document store: services (ports), flow registry, engine, inbound handler
 * and channel hub. main.ts, the transcript runner, the benchmarks and the tests all start here,
 * so they run the same bot.
 */
import { createChannelHub } from "./core/channel-hub";
import type { DocumentStore } from "./core/document-store.port";
import { createEngine } from "./core/engine";
import { createInboundHandler } from "./core/handle-inbound";
import type { Language } from "./core/messages";
import type { Clock, Logger, Notifier, Translator } from "./core/ports";
import type { ClaimsCheck } from "./core/people.port";
import type { Services, Settings } from "./core/services";
import { createSessionStore, type SessionStore } from "./core/session.store";
import type { PersonalDataVault } from "./core/vault.port";
import { createQuestionInterjector } from "./flows/questions.interject";
import { createFlowRegistry } from "./flows/registry";
import { createTranslator } from "./i18n/translator";
import { createAuditLog } from "./storage/repositories/audit.repository";
import { createConsentLog } from "./storage/repositories/consents.repository";
import { createPeopleRepository } from "./storage/repositories/people.repository";

export type AppOptions = {
  store: DocumentStore;
  clock: Clock;
  logger: Logger;
  vault: PersonalDataVault;
  translator?: Translator;
  silenceMs?: number;
  /** Language of new conversations (the transcript runner's --lang); default "id". */
  defaultLanguage?: Language;
  /** Defaults: REGISTRATION_MAX_AGE 65, REGISTRATION_REVIEW_DAYS 5. */
  settings?: Partial<Settings>;
  claimsCheck?: ClaimsCheck;
};

export const defaultSettings: Settings = { registrationMaxAge: 65, registrationReviewDays: 5 };

let sharedTranslator: Translator | undefined;

/** Every port a flow may use, built over one document store. Tests with their own engine use it too. */
export function createServices(
  options: Pick<AppOptions, "store" | "clock" | "logger" | "vault" | "settings" | "claimsCheck"> & {
    sessions: SessionStore;
    notifier: Notifier;
  },
): Services {
  return {
    clock: options.clock,
    logger: options.logger,
    notifier: options.notifier,
    sessions: options.sessions,
    vault: options.vault,
    audit: createAuditLog(options.store),
    people: createPeopleRepository(options.store),
    consents: createConsentLog(options.store),
    settings: { ...defaultSettings, ...options.settings },
    ...(options.claimsCheck ? { claimsCheck: options.claimsCheck } : {}),
  };
}

export function createApp(options: AppOptions) {
  const translator = options.translator ?? (sharedTranslator ??= createTranslator());
  const sessions = createSessionStore(options.store);
  const hub = createChannelHub({ sessions, translator, logger: options.logger });
  const services = createServices({ ...options, sessions, notifier: hub });
  const registry = createFlowRegistry({ interject: createQuestionInterjector() });
  const engine = createEngine({
    registry,
    services,
    translator,
    logger: options.logger,
    silenceMs: options.silenceMs ?? 24 * 60 * 60 * 1000,
    ...(options.defaultLanguage ? { defaultLanguage: options.defaultLanguage } : {}),
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
