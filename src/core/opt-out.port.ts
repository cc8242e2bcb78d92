/**
 * "STOP" / "BERHENTI" and "MULAI": whether someone wants reminders and broadcasts. Recorded per
 * person when we know them (every channel), and per conversation always; every change is audited.
 */
import type { Contact } from "./people.port";

export interface OptOutService {
  optOut(contact: Contact, at: Date): Promise<void>;
  /** Undoes an opt-out; says whether there was one. */
  optIn(contact: Contact, at: Date): Promise<"optedIn" | "notOptedOut">;
  isOptedOut(contact: Contact, personId?: string): Promise<boolean>;
  /** Every opt-out key ("person:<id>", "conversation:<channel>:<userId>"), for bulk checks. */
  optedOutKeys(): Promise<Set<string>>;
}

export const personOptOutKey = (personId: string) => `person:${personId}`;
export const conversationOptOutKey = (contact: Contact) =>
  `conversation:${contact.channel}:${contact.userId}`;
