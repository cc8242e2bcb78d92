/**
 * Telling staff at once about something that needs a person now: a death report the reported
 * person says is false, repeated guessing at claim lookups. Each alert is also audited. Staff are
 * the contacts configured for the staff menu (STAFF_TELEGRAM_IDS, STAFF_WHATSAPP_NUMBERS).
 */
import type { Reply } from "./messages";

export type StaffAlert = {
  /** "claim.aliveReported", "lookup.abuse", … */
  kind: string;
  /** What it is about: "claim:KLM-…", "conversation:<hash>". */
  target: string;
  at: Date;
  /** What staff read, in their language. */
  replies: Reply[];
  /** Extra fields for the audit record (never NIKs or phone numbers in clear). */
  details?: Record<string, unknown>;
};

export interface StaffAlerts {
  raise(alert: StaffAlert): Promise<void>;
}
