/**
 * The channel-agnostic message model. Adapters map platform events to `InboundMessage`
 * and render `OutboundMessage`; flows only ever see `InboundContent` and return `Reply` data.
 */
import type { I18nKey } from "../i18n/keys";
import type { StaffPrincipal } from "./staff-principal";

export const channelNames = ["telegram", "whatsapp", "terminal"] as const;
export type ChannelName = (typeof channelNames)[number];

export const languages = ["id", "en"] as const;
export type Language = (typeof languages)[number];

/** A file the user sent. `load` downloads it lazily, so a flow that does not want it costs nothing. */
export type MediaInput = {
  type: "media";
  kind: "photo" | "document";
  mimeType: string;
  /** Size in bytes as announced by the platform (0 when unknown). */
  size: number;
  fileName?: string;
  caption?: string;
  load: () => Promise<Uint8Array>;
};

export type InboundContent =
  | { type: "text"; text: string }
  /** A button press; `value` is the choice's value as rendered. */
  | { type: "choice"; value: string }
  /** A phone number shared through the platform (contact card / request_contact button). */
  | { type: "contact"; phone: string }
  /** A shared location (where the channel supports it); steps that want text ask again. */
  | { type: "location"; latitude: number; longitude: number; name?: string; address?: string }
  | MediaInput;

export type InboundMessage = {
  channel: ChannelName;
  /** Platform user id, stable per person and channel (Telegram user id, WhatsApp E.164 number). */
  userId: string;
  /** Platform message id, unique per channel; duplicates are dropped. */
  messageId: string;
  content: InboundContent;
  /** The sender's phone number in E.164 when the platform tells it (WhatsApp). */
  phone?: string;
  displayName?: string;
  /**
   * Only for the trusted local chats (terminal, transcript runner `@staff`, tests): the machine's
   * operator, with every staff right. Telegram and WhatsApp never set it; their staff are accounts.
   */
  isStaff?: boolean;
  /** Set by the inbound pipeline from the staff directory (core/staff-directory.ts), never by an adapter. */
  staff?: StaffPrincipal;
};

export type Params = Record<string, string | number | boolean | Date | undefined>;

export type Choice = {
  /** What comes back when pressed; stable, short (fits Telegram callback data). */
  value: string;
  label: I18nKey;
  params?: Params;
};

/**
 * One message the bot sends, as data: an i18n key with parameters, optional choices.
 * Rendered late, in the user's language, for the channel at hand.
 */
export type Reply = {
  key: I18nKey;
  params?: Params;
  choices?: Choice[];
  /** Ask the platform for the user's phone number (Telegram request_contact keyboard). */
  requestContact?: boolean;
};

/** A span of formatting in rendered text, in UTF-16 code units (as Telegram entities). */
export type Span = { type: "bold" | "italic"; offset: number; length: number };

/** A reply rendered for one user: plain text with formatting spans and labelled choices. */
export type OutboundMessage = {
  text: string;
  spans: Span[];
  choices: { value: string; label: string }[];
  requestContact: boolean;
};

/** Shorthand to build a reply. */
export function reply(key: I18nKey, params?: Params, choices?: Choice[]): Reply {
  return { key, ...(params ? { params } : {}), ...(choices ? { choices } : {}) };
}

/** The conversation key: one session per channel and user. */
export function toConversationKey(channel: ChannelName, userId: string): string {
  return `${channel}:${userId}`;
}
