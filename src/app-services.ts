/**
 * The app's options and every port a flow may use, built over one document store (services,
 * broadcasting, scheduler). createApp (app.ts) adds the conversation machinery on top; tests with
 * their own engine use `createServices` alone.
 */
import { createChannelCatalog } from "./channels/channel-catalog";
import type { ChannelDirectory } from "./core/channel-contract";
import type { DocumentStore } from "./core/document-store.port";
import type { FileStore } from "./core/files.port";
import type { Language } from "./core/messages";
import type { ClaimsCheck, PeopleRepository } from "./core/people.port";
import type { Clock, Logger, Notifier, Recipient, Translator } from "./core/ports";
import type { DeliverySettings } from "./core/reply-delivery";
import type { Services, Settings } from "./core/services";
import type { SessionStore } from "./core/session.store";
import type { PersonalDataVault } from "./core/vault.port";
import { kotaJambiRtRwLimits } from "./domain/rt-rw";
import { createIndonesianHolidays, createWorkingCalendar, type WorkingCalendar } from "./domain/working-days";
import { createBroadcasting, type Broadcasting, type BroadcastingSettings } from "./jobs/broadcasting";
import { createInProcessScheduler } from "./jobs/in-process.scheduler";
import type { OutboxSettings } from "./jobs/outbox.job";
import type { RetentionSettings } from "./jobs/retention.job";
import type { JobScheduler } from "./jobs/scheduler.port";
import { createMemoryFileStore } from "./storage/files/memory-file.store";
import { createReportQueries } from "./storage/report-queries";
import { defaultReportAssumptions } from "./reports/report-assumptions";
import { createStaffAlerts } from "./security/staff-alerts";
import { createErasure } from "./storage/erasure";
import { createAttempts } from "./storage/repositories/attempts.repository";
import { createAuditLog } from "./storage/repositories/audit.repository";
import { createClaimDocumentRepository } from "./storage/repositories/claim-documents.repository";
import { createClaimRepository } from "./storage/repositories/claims.repository";
import { createConsentLog } from "./storage/repositories/consents.repository";
import { createOptOutService } from "./storage/repositories/opt-out.repository";
import { createPeopleRepository } from "./storage/repositories/people.repository";
import { createUnansweredQuestions } from "./storage/repositories/unanswered.repository";
import { createStaffAccounts } from "./storage/repositories/staff.repository";
import { createStaffDirectory } from "./core/staff-directory";
import { defaultHandoffSettings } from "./core/handoff.port";
import { createHandoffRepository } from "./storage/repositories/handoff.repository";
import { createAlertRecipients } from "./security/staff-alert-recipients";

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
  /** Whether a claim needs a person's data (default: the claims repository). */
  claimsCheck?: ClaimsCheck;
  /** Read-only people for broadcasting and opt-outs (test fakes); default: the registrations. */
  people?: PeopleRepository;
  /** Claims with missing documents for the reminders (test fakes); default: the claims repository. */
  claims?: Pick<Services["claims"], "listAwaitingDocuments">;
  /** Agenda on MongoDB (jobs/agenda.scheduler.ts); by default an in-process scheduler. */
  scheduler?: JobScheduler;
  broadcasting?: Partial<BroadcastingSettings>;
  /** Where heirs' documents go; default in memory (main.ts passes the encrypted disk store). */
  files?: FileStore;
  /** Working-day calendar; default national holidays plus `extraHolidays`. */
  calendar?: WorkingCalendar;
  /** EXTRA_HOLIDAYS (cuti bersama), YYYY-MM-DD. */
  extraHolidays?: readonly string[];
  /** Retry and timing of the outbox drainer (jobs/outbox.job.ts). */
  outbox?: Partial<OutboxSettings>;
  /** Retention periods (CLAIM_DOCUMENT_RETENTION_DAYS; default 90 days after a claim was paid). */
  retention?: Partial<RetentionSettings>;
  /**
   * Chats that get staff alerts while no active account whose role receives them has a linked chat
   * (STAFF_TELEGRAM_IDS, STAFF_WHATSAPP_NUMBERS; security/staff-alert-recipients.ts).
   */
  staffRecipients?: readonly Recipient[];
  /** What each channel can do, as configured (channels/channel-catalog.ts); default: WhatsApp Web. */
  channels?: ChannelDirectory;
  /** Sessions silent this long are deleted (SESSION_TTL_DAYS, default 90). */
  sessionTtlDays?: number;
  /** Longest text handled (INPUT_MAX_CHARS, default 2,000); longer is refused before parsing. */
  maxTextLength?: number;
  /** Real time for conversation leases (default the system clock; tests may move it). */
  leaseClock?: Clock;
  /**
   * This bot process's stable name (INSTANCE_ID; default: a random one per start). With it, a
   * restarted process takes back the conversations its crashed predecessor held at once instead
   * of waiting for their leases to expire. Two processes running at once must not share it.
   */
  instanceId?: string;
  /** Immediate retries and backoff of replies (core/reply-delivery.ts). */
  delivery?: Partial<DeliverySettings>;
};

export const defaultSettings: Settings = {
  registrationMaxAge: 65,
  registrationReviewDays: 5,
  handoff: defaultHandoffSettings,
  rtRwLimits: kotaJambiRtRwLimits,
};

type ServiceOptions = Omit<AppOptions, "translator"> & {
  translator: Translator;
  sessions: SessionStore;
  notifier: Notifier;
};

/** Every port a flow may use, built over one document store. Tests with their own engine use it too. */
export function createServices(options: ServiceOptions): {
  services: Services;
  broadcasting: Broadcasting;
  scheduler: JobScheduler;
} {
  const { store, clock, logger } = options;
  const channels = options.channels ?? createChannelCatalog();
  const scheduler = options.scheduler ?? createInProcessScheduler({ clock, logger });
  const audit = createAuditLog(store);
  const people = createPeopleRepository(store);
  const claims = createClaimRepository(store);
  const staff = createStaffAccounts(store);
  const audience = options.people ?? people;
  const optOuts = createOptOutService({ store, people: audience, audit });
  const broadcasting = createBroadcasting({
    store,
    scheduler,
    notifier: options.notifier,
    translator: options.translator,
    people: audience,
    claims: options.claims ?? claims,
    optOuts,
    audit,
    clock,
    logger,
    channels,
    ...(options.broadcasting ? { settings: options.broadcasting } : {}),
  });
  const staffAlerts = createStaffAlerts({
    audit,
    notifier: options.notifier,
    logger,
    recipients: createAlertRecipients(staff, options.staffRecipients ?? []),
  });
  const attempts = createAttempts({
    store,
    alerts: staffAlerts,
    logger,
    pseudonymise: (subject) => options.vault.hash(subject),
  });
  const services: Services = {
    clock,
    logger,
    notifier: options.notifier,
    sessions: options.sessions,
    vault: options.vault,
    audit,
    people,
    consents: createConsentLog(store),
    settings: {
      ...defaultSettings,
      ...options.settings,
      reportAssumptions: options.settings?.reportAssumptions ?? defaultReportAssumptions(),
    },
    claimsCheck: options.claimsCheck ?? claims,
    broadcasts: broadcasting.service,
    optOuts,
    claims,
    claimDocuments: createClaimDocumentRepository(store),
    files: options.files ?? createMemoryFileStore(),
    calendar:
      options.calendar ?? createWorkingCalendar(createIndonesianHolidays(options.extraHolidays ?? [])),
    staff,
    staffDirectory: createStaffDirectory({ accounts: staff, clock }),
    handoffs: createHandoffRepository(store),
    attempts,
    staffAlerts,
    erasure: createErasure(store),
    channels,
    unanswered: createUnansweredQuestions(store),
    reports: createReportQueries(store),
  };
  return { services, broadcasting, scheduler };
}
