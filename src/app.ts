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
import type { Clock, Logger, Translator } from "./core/ports";
import type { Services } from "./core/services";
import { createSessionStore } from "./core/session.store";
import type { PersonalDataVault } from "./core/vault.port";
import { createQuestionInterjector } from "./flows/questions.interject";
import { createFlowRegistry } from "./flows/registry";
import { createTranslator } from "./i18n/translator";
import { createAuditLog } from "./storage/repositories/audit.repository";

export type AppOptions = {
  store: DocumentStore;
  clock: Clock;
  logger: Logger;
  vault: PersonalDataVault;
  translator?: Translator;
  silenceMs?: number;
  /** Language of new conversations (the transcript runner's --lang); default "id". */
  defaultLanguage?: Language;
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
  };
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
