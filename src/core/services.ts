/**
 * Every port a flow may use, in one place. main.ts builds the real ones;
 * tests build them over the memory store (test/support/test-services.ts).
 */
import type { Attempts } from "./attempts.port";
import type { AuditLog } from "./audit.port";
import type { ChannelDirectory } from "./channel-contract";
import type { Erasure } from "./erasure.port";
import type { ConsentLog } from "./consent.port";
import type { ClaimsCheck, PeopleRegister } from "./people.port";
import type { BroadcastService } from "./broadcast.port";
import type { OptOutService } from "./opt-out.port";
import type { ClaimDocumentRepository, ClaimRepository } from "./claims.port";
import type { FileStore } from "./files.port";
import type { Clock, Logger, Notifier } from "./ports";
import type { PersonalDataVault } from "./vault.port";
import type { SessionStore } from "./session.store";
import type { StaffAccounts, StaffDirectory } from "./staff.port";
import type { HandoffRepository, HandoffSettings } from "./handoff.port";
import type { RtRwLimits } from "../domain/rt-rw";
import type { WorkingCalendar } from "../domain/working-days";
import type { ReportAssumptions } from "./report-assumptions";
import type { ReportQueries } from "./report-queries.port";
import type { StaffAlerts } from "./staff-alert.port";
import type { UnansweredQuestions } from "./unanswered.port";

export type Services = {
  clock: Clock;
  logger: Logger;
  notifier: Notifier;
  sessions: SessionStore;
  vault: PersonalDataVault;
  audit: AuditLog;
  /** Registered people (registration, "data saya", staff review; claims and broadcasts read it). */
  people: PeopleRegister;
  /** Proof of consent for every registration, take-over and withdrawal. */
  consents: ConsentLog;
  settings: Settings;
  /** Provided by the claims feature when it exists: keeps a person's data while a claim needs it. */
  claimsCheck: ClaimsCheck;
  broadcasts: BroadcastService;
  optOuts: OptOutService;
  claims: ClaimRepository;
  claimDocuments: ClaimDocumentRepository;
  /** Documents heirs send (encrypted on disk in production). */
  files: FileStore;
  /** Working days in WIB (weekends, national holidays, EXTRA_HOLIDAYS) for claim SLAs. */
  calendar: WorkingCalendar;
  /** Staff accounts (roles, kelurahan scope, chat links, console passwords). */
  staff: StaffAccounts;
  /** Which chat users are staff, cached. */
  staffDirectory: StaffDirectory;
  /** Conversations handed to a person. */
  handoffs: HandoffRepository;
  /** Counting in the database for the staff "Rekap" (src/reports). */
  reports: ReportQueries;
  /** Stored attempt limits on lookups and second factors (per user and per target). */
  attempts: Attempts;
  /** Tells staff about abuse (audit, warning log, message to staff contacts). */
  staffAlerts: StaffAlerts;
  /** Scrubs a person's traces beside their registration when they ask for deletion. */
  erasure: Erasure;
  /** What each channel can do (buttons, lengths, templates, pacing); never name a channel. */
  channels: ChannelDirectory;
  /** Questions the bot could not answer, kept pseudonymised for staff to label (issue 19). */
  unanswered?: UnansweredQuestions;
};

/** Values from configuration that flows apply. */
export type Settings = {
  /** Registration is for people under this age (REGISTRATION_MAX_AGE, [U] 65). */
  registrationMaxAge: number;
  /** Working days staff take to check a registration (REGISTRATION_REVIEW_DAYS). */
  registrationReviewDays: number;
  /** Office hours and answer times of the hand-off to staff. */
  handoff: HandoffSettings;
  /** RT counts and budget figures the staff "Rekap" uses (REPORT_ASSUMPTIONS_FILE). */
  reportAssumptions?: ReportAssumptions;
  /** Highest RT and RW numbers accepted (RT_MAX, RW_MAX; Kota Jambi 99 and 50). */
  rtRwLimits: RtRwLimits;
};
