/**
 * "STOP" / "BERHENTI" and "MULAI": whether someone wants reminders and broadcasts. Recorded per
 * person when we know them (every channel), and per conversation always; every change is audited.
 */
import type { ChannelName } from "./messages";
import type { Contact } from "./people.port";

export interface OptOutService {
  optOut(contact: Contact, at: Date): Promise<void>;
  /** Undoes an opt-out; says whether there was one. */
  optIn(contact: Contact, at: Date): Promise<"optedIn" | "notOptedOut">;
  isOptedOut(contact: Contact, personId?: string): Promise<boolean>;
  /** Which of these keys ("person:<id>", "conversation:<channel>:<userId>") are opted out: one query per batch. */
  optedOutAmong(keys: readonly string[]): Promise<Set<string>>;
  /** Conversations opted out on a channel, counted in the database (for broadcast estimates). */
  countOptedOutConversations(channel: ChannelName): Promise<number>;
}

export const personOptOutKey = (personId: string) => `person:${personId}`;
export const conversationOptOutKey = (contact: Contact) =>
  `conversation:${contact.channel}:${contact.userId}`;
