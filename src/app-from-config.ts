/**
 * Builds the app from configuration, the same way for the bot (main.ts) and every staff CLI
 * (scripts/lib/cli-context.ts): vault keys, the encrypted document store on disk, flow settings
 * (REGISTRATION_MAX_AGE, EXTRA_HOLIDAYS, …), broadcasting settings, and the scheduler (Agenda on
 * MongoDB, so a broadcast a CLI schedules is run by the bot; in-process otherwise).
 */
import path from "node:path";
import { createApp, type App, type AppOptions } from "./app";
import { createChannelCatalog, toChannelSettings } from "./channels/channel-catalog";
import type { Config } from "./config";
import type { Clock, Logger } from "./core/ports";
import { toStaffRecipients } from "./channels/staff-contacts";
import { AppError } from "./core/errors";
import { verifyVaultKeys } from "./security/key-registry";
import type * as AgendaScheduler from "./jobs/agenda.scheduler";
import type { JobScheduler } from "./jobs/scheduler.port";
import { loadReportAssumptions } from "./reports/report-assumptions";
import { createVault, type VaultKeys } from "./security/vault";
import { toConfiguredKeys } from "./security/vault-keys";
import type { ConnectedStorage } from "./storage/connect-storage";
import { createDiskFileStore, toFileKeys } from "./storage/files/disk-file.store";

/** The app options every process derives from configuration. */
export function toAppOptions(
  config: Config,
  deps: {
    storage: ConnectedStorage;
    logger: Logger;
    clock?: Clock;
    scheduler?: JobScheduler;
    isBot?: boolean;
    keys?: VaultKeys;
  },
): AppOptions {
  const { logger } = deps;
  const keys = deps.keys ?? toConfiguredKeys(config, logger);
  return {
    store: deps.storage.store,
    clock: deps.clock ?? { now: () => new Date() },
    logger,
    vault: createVault(keys),
    silenceMs: config.SESSION_SILENCE_HOURS * 3600_000,
    sessionTtlDays: config.SESSION_TTL_DAYS,
    // Only the bot takes conversations; a staff CLI on the same machine must not pass for it.
    ...(config.INSTANCE_ID && deps.isBot ? { instanceId: config.INSTANCE_ID } : {}),
    maxTextLength: config.INPUT_MAX_CHARS,
    settings: {
      registrationMaxAge: config.REGISTRATION_MAX_AGE,
      registrationReviewDays: config.REGISTRATION_REVIEW_DAYS,
      ...(config.REPORT_ASSUMPTIONS_FILE
        ? { reportAssumptions: loadReportAssumptions(config.REPORT_ASSUMPTIONS_FILE) }
        : {}),
      rtRwLimits: { rtMax: config.RT_MAX, rwMax: config.RW_MAX },
    },
    broadcasting: {
      quietHours: { start: config.QUIET_HOURS_START, end: config.QUIET_HOURS_END },
      remindersEnabled: config.REMINDERS_ENABLED,
      campaigns: {
        coverageDaysBefore: config.REMINDER_COVERAGE_DAYS_BEFORE,
        registrationAfterDays: config.REMINDER_REGISTRATION_AFTER_DAYS,
        claimDocumentsAfterDays: config.REMINDER_CLAIM_DOCUMENTS_AFTER_DAYS,
      },
      campaignCheckMs: config.REMINDER_CHECK_MINUTES * 60_000,
    },
    channels: createChannelCatalog(toChannelSettings(config)),
    files: createDiskFileStore({ dir: path.join(config.DATA_DIR, "documents"), keys: toFileKeys(keys) }),
    extraHolidays: config.EXTRA_HOLIDAYS,
    staffRecipients: toStaffRecipients(config),
    retention: { claimDocumentDays: config.CLAIM_DOCUMENT_RETENTION_DAYS },
    ...(deps.scheduler ? { scheduler: deps.scheduler } : {}),
  };
}

/** Agenda over the storage's MongoDB connection; undefined (the in-process scheduler) on the memory store. */
export async function connectSchedulerFor(
  storage: ConnectedStorage,
  logger: Logger,
): Promise<JobScheduler | undefined> {
  const db = storage.connection?.db;
  if (!db) return undefined;
  // Agenda is loaded only on MongoDB (it is of no use on the memory store); see connect-storage.ts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { connectAgendaScheduler } = require("./jobs/agenda.scheduler") as typeof AgendaScheduler;
  return connectAgendaScheduler({ db, logger });
}

/**
 * Stops start-up when the stored data depends on keys that are not configured (a key changed
 * without listing the old one in PREVIOUS_*), saying what to do.
 */
export async function checkConfiguredKeys(
  storage: ConnectedStorage,
  keys: VaultKeys,
  now: Date,
): Promise<void> {
  const problems = await verifyVaultKeys({ store: storage.store, keys, vault: createVault(keys), now });
  if (problems.length > 0)
    throw new AppError("CONFIG_INVALID", `Keys do not fit the stored data:\n  ${problems.join("\n  ")}`, {
      variables: ["ENCRYPTION_KEY", "HASH_KEY"],
    });
}

/** Keys checked against the store, scheduler, options and app in one call. */
export async function createAppFromConfig(
  config: Config,
  deps: { storage: ConnectedStorage; logger: Logger; clock?: Clock; isBot?: boolean },
): Promise<App> {
  const keys = toConfiguredKeys(config, deps.logger);
  await checkConfiguredKeys(deps.storage, keys, (deps.clock ?? { now: () => new Date() }).now());
  const scheduler = await connectSchedulerFor(deps.storage, deps.logger);
  return createApp(toAppOptions(config, { ...deps, keys, ...(scheduler ? { scheduler } : {}) }));
}
