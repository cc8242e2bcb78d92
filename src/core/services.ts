/**
 * Every port a flow may use, in one place. main.ts builds the real ones;
 * tests build them over the memory store (test/support/test-services.ts).
 */
import type { AuditLog } from "./audit.port";
import type { ClaimDocumentRepository, ClaimRepository } from "./claims.port";
import type { FileStore } from "./files.port";
import type { PeopleRepository } from "./people.port";
import type { Clock, Logger, Notifier } from "./ports";
import type { PersonalDataVault } from "./vault.port";
import type { SessionStore } from "./session.store";
import type { WorkingCalendar } from "../domain/working-days";

export type Services = {
  clock: Clock;
  logger: Logger;
  notifier: Notifier;
  sessions: SessionStore;
  vault: PersonalDataVault;
  audit: AuditLog;
  people: PeopleRepository;
  claims: ClaimRepository;
  claimDocuments: ClaimDocumentRepository;
  /** Documents heirs send (encrypted on disk in production). */
  files: FileStore;
  /** Working days in WIB (weekends, national holidays, EXTRA_HOLIDAYS) for claim SLAs. */
  calendar: WorkingCalendar;
};
