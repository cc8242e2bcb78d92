/**
 * Telling staff at once about something that needs a person now: a death report the reported
 * person says is false, an attempt limit reached (repeated guessing at lookups or second factors).
 * Each alert is audited and logged; staff whose role receives alerts ("alerts.receive") get a
 * message in their linked chats, capped per hour so an attack cannot flood them (security/staff-alerts.ts).
 */
import type { Reply } from "./messages";

export type StaffAlert = {
  /** "claim.aliveReported", "rateLimited", … */
  kind: string;
  /** What it is about: "claim:KLM-…", "attempts:<rule>:<hash>". */
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
