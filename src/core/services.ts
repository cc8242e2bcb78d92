/**
 * Every port a flow may use, in one place. main.ts builds the real ones;
 * tests build them over the memory store (test/support/test-services.ts).
 */
import type { AuditLog } from "./audit.port";
import type { BroadcastService } from "./broadcast.port";
import type { OptOutService } from "./opt-out.port";
import type { Clock, Logger, Notifier } from "./ports";
import type { PersonalDataVault } from "./vault.port";
import type { SessionStore } from "./session.store";

export type Services = {
  clock: Clock;
  logger: Logger;
  notifier: Notifier;
  sessions: SessionStore;
  vault: PersonalDataVault;
  audit: AuditLog;
  broadcasts: BroadcastService;
  optOuts: OptOutService;
};
