/**
 * Hand-off to a person (issue 17): a citizen asked for staff, or the bot failed twice in a row.
 * While a hand-off is open the bot runs no flow for that conversation; staff answer from the
 * console or their staff chat ("balas #12 …"), and close it with a note. Message texts are
 * sealed by the vault: the collection holds no conversation in clear.
 */
import type { ChannelName, Language } from "./messages";
import type { Sealed } from "./vault.port";

export type HandoffReason = "asked" | "failedTwice";
export type HandoffStatus = "open" | "closed";

export type HandoffMessage = {
  at: Date;
  from: "citizen" | "bot" | "staff";
  text: Sealed;
  /** Staff who wrote it (audit actor) and their display name. */
  by?: string;
  name?: string;
  /** Idempotency key: a message added again under the same key (a redelivery, a resubmit) is not. */
  key?: string;
};

export type Handoff = {
  _id: string;
  /** Short number staff type: "balas #12 …". */
  number: number;
  status: HandoffStatus;
  conversation: { channel: ChannelName; userId: string };
  language: Language;
  reason: HandoffReason;
  /** The citizen's name as the channel or the registration knows it. */
  displayName?: string;
  /** The citizen's kelurahan when registered: kelurahan officers see hand-offs of theirs. */
  kelurahan?: string;
  messages: HandoffMessage[];
  openedAt: Date;
  /** When an answer is due (office time) and when supervisors are told it is late. */
  dueAt: Date;
  escalateAt: Date;
  firstAnsweredAt?: Date;
  escalatedAt?: Date;
  /** Staff who answered last; citizen messages are forwarded to them. */
  assignee?: { id: string; actor: string };
  closedAt?: Date;
  closedBy?: string;
  closeNote?: string;
  /** Key of the action that closed it (a redelivered "menu", a resubmitted form sees it done). */
  closeKey?: string;
  /** Key of the message that opened it: the same message again finds it as its own. */
  openedBy?: string;
  updatedAt: Date;
};

export type NewHandoff = Omit<Handoff, "_id" | "number" | "status" | "updatedAt" | "closeKey" | "openedBy">;

export type HandoffQuery = {
  status?: HandoffStatus;
  /** Only hand-offs of citizens from these kelurahan (a kelurahan officer's scope). */
  kelurahanIn?: readonly string[];
  /** Open and not yet answered nor escalated, due for escalation before this time. */
  escalateBefore?: Date;
};

export interface HandoffRepository {
  /**
   * Opens one with the next number; returns the open one instead when the conversation has one
   * (`created` true when that one was opened under the same `key`: the same message again).
   */
  open(handoff: NewHandoff, now: Date, key?: string): Promise<{ handoff: Handoff; created: boolean }>;
  findByNumber(number: number): Promise<Handoff | null>;
  findOpenFor(channel: ChannelName, userId: string): Promise<Handoff | null>;
  list(query: HandoffQuery, options?: { limit?: number }): Promise<Handoff[]>;
  count(query: HandoffQuery): Promise<number>;
  /** Appends a message (atomic push); one with a `key` already there is not added again. */
  addMessage(id: string, message: HandoffMessage, now: Date): Promise<Handoff | null>;
  /** Records the first staff answer (kept when already set) and the assignee. */
  markAnswered(id: string, assignee: Handoff["assignee"], now: Date): Promise<void>;
  /** Marks it escalated once; false when another process already did. */
  markEscalated(id: string, now: Date): Promise<boolean>;
  /** Closes an open one (recording `key`); null when it was not open. */
  close(id: string, by: string, note: string | undefined, now: Date, key?: string): Promise<Handoff | null>;
}

/** Office hours and answer times (HANDOFF_* settings). */
export type HandoffSettings = {
  /** "08:00-16:00" (WIB), on working days. */
  officeHours: string;
  /** Minutes of office time within which staff answer (told to the citizen). */
  answerMinutes: number;
  /** Minutes of office time after which an unanswered hand-off goes to the supervisors. */
  escalateMinutes: number;
};

export const defaultHandoffSettings: HandoffSettings = {
  officeHours: "08:00-16:00",
  answerMinutes: 120,
  escalateMinutes: 60,
};
