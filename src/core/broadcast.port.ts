/**
 * Staff broadcasts and automatic reminders (DESIGN §6). Flows and the CLI use `BroadcastService`;
 * jobs/ implements it over the document store, a scheduler and the Notifier.
 */
import type { BroadcastStatus } from "../domain/broadcast-lifecycle";
import type { Segment } from "../domain/broadcast-segment";
import type { ChannelName, Language } from "./messages";
import type { Recipient } from "./ports";

export const broadcastTemplates = [
  "activeReminder",
  "coverageEnding",
  "verificationPending",
  "registrationUnfinished",
  "claimDocuments",
] as const;
/** A locale template: `broadcast:templates.<name>`, filled with the recipient's name, RT, deadline… */
export type BroadcastTemplate = (typeof broadcastTemplates)[number];

export type BroadcastMessage =
  | { type: "template"; template: BroadcastTemplate }
  /** Staff text with placeholders such as {nama}, {rt}, {batas}. */
  | { type: "text"; text: string };

/** Who acted, as in the audit log ("telegram:123", "cli:budi"), and where to report progress. */
export type Actor = { actor: string; notify?: Recipient };

export type Broadcast = {
  _id: string;
  kind: "broadcast" | "campaign";
  status: BroadcastStatus;
  segment: Segment;
  message: BroadcastMessage;
  createdBy: string;
  notify?: Recipient;
  createdAt: Date;
  updatedAt: Date;
  /** When sending may start (WIB wall-clock chosen by staff, or moved by quiet hours). */
  scheduledAt?: Date;
  postponedForQuietHours?: boolean;
  startedAt?: Date;
  finishedAt?: Date;
  /** True once every recipient has a delivery record. */
  recipientsReady: boolean;
  /** Deliveries per channel (their `seq` runs 0…n-1). */
  totals: Partial<Record<ChannelName, number>>;
  /** Channels that reached their daily cap, and when they take messages again (WIB, after quiet hours). */
  deferred?: Partial<Record<ChannelName, Date>>;
  /** The dispatcher run that owns the broadcast; a stale heartbeat means it died. */
  runnerId: string | null;
  runnerHeartbeatAt?: Date;
};

export type BroadcastProgress = {
  id: string;
  status: BroadcastStatus;
  sent: number;
  failed: number;
  skipped: number;
  remaining: number;
  total: number;
  /** When each channel's remaining messages should have gone out, at its pace and outside quiet hours. */
  finishBy: Partial<Record<ChannelName, Date>>;
  /** What the platform reported back, on channels with receipts (absent when none came). */
  delivered?: number;
  read?: number;
  /** Accepted by the platform but reported failed afterwards (e.g. 131026 undeliverable). */
  undelivered?: number;
};

export type Exclusions = {
  optedOut: number;
  deceased: number;
  /** WhatsApp contacts who never wrote to the bot (we may not write first). */
  neverWrote: number;
  /** Extra channels or shared contacts of someone who already gets it. */
  duplicate: number;
};

export type BroadcastPreview = {
  /** How many will get the message: exact, or counted in the database for a big segment (`estimated`). */
  recipients: number;
  /**
   * True when the figures are counts from the registrations (a big segment): the channel a person
   * used last, WhatsApp users who never wrote and opt-outs by conversation are only known once the
   * recipients are listed, when sending starts.
   */
  estimated: boolean;
  excluded: Exclusions;
  byChannel: Partial<Record<ChannelName, number>>;
  byLanguage: Partial<Record<Language, number>>;
  /**
   * Recipients who must get an approved template instead (their channel has a service window and
   * they last wrote before it), per channel.
   */
  needTemplate: Partial<Record<ChannelName, number>>;
  /** The message as each language renders it, and where it is too long. */
  renders: { language: Language; text: string; tooLongFor: ChannelName[] }[];
  /** A few recipients as they will get it (user ids masked). */
  sample: { channel: ChannelName; user: string; language: Language; text: string }[];
  /** When each channel would have reached everyone if sent now (at its pace, outside quiet hours). */
  finishBy: Partial<Record<ChannelName, Date>>;
  /** Channels that would take more than a week: staff are warned before sending. */
  slow: ChannelName[];
};

export type BroadcastDraft = { segment: Segment; message: BroadcastMessage };

export type CampaignInfo = {
  id: string;
  name: string;
  enabled: boolean;
  progress: BroadcastProgress;
};

export type BroadcastActionResult =
  | { status: "ok"; broadcast: Broadcast }
  | {
      status: "refused";
      reason: "notFound" | "invalidState" | "tooLong" | "empty" | "nobody";
      current?: BroadcastStatus;
    };

export interface BroadcastService {
  preview(draft: BroadcastDraft, sampleSize?: number): Promise<BroadcastPreview>;
  /** Creates a draft; refused when the text is too long for a channel it goes to, or nobody matches. */
  create(draft: BroadcastDraft, by: Actor): Promise<BroadcastActionResult>;
  /** Schedules a draft now or at a time; quiet hours move it to their end. */
  schedule(id: string, at: Date | "now", by: Actor): Promise<BroadcastActionResult>;
  pause(id: string, by: Actor): Promise<BroadcastActionResult>;
  resume(id: string, by: Actor): Promise<BroadcastActionResult>;
  cancel(id: string, by: Actor): Promise<BroadcastActionResult>;
  get(id: string): Promise<Broadcast | null>;
  progress(id: string): Promise<BroadcastProgress | null>;
  /** Newest first, campaigns included. */
  list(limit?: number): Promise<{ broadcast: Broadcast; progress: BroadcastProgress }[]>;
  campaigns(): Promise<CampaignInfo[]>;
}
