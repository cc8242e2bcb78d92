/**
 * The channel contract: what a channel can do, declared once in its folder
 * (`channels/<name>/<name>.capabilities.ts`) and looked up through the `ChannelDirectory` port.
 * Flows, rendering and broadcasts ask the directory ("can this channel ask for the phone number?",
 * "how long may a broadcast be?", "must this message be a template?") instead of naming channels.
 *
 * @example
 * const caps = ctx.services.channels.capabilitiesOf(ctx.channel);
 * if (caps.contacts.requestButton) return [{ key: "…", requestContact: true }];
 */
import type { ChannelName } from "./messages";

/** Files a channel accepts from users: MIME types and the largest size in bytes. */
export type MediaLimit = { types: readonly string[]; maxBytes: number };

export type ChannelCapabilities = {
  channel: ChannelName;
  /** What carries the messages ("Bot API (grammY)", "WhatsApp Web", "Cloud API", "console"). */
  transport: string;
  /** Name shown to staff ("Telegram", "WhatsApp"). */
  label: string;
  /** Words staff type for the channel in a segment filter ("wa", "tg"). */
  aliases: readonly string[];
  text: {
    /** Longest text one message carries; longer replies are split. */
    maxLength: number;
    /** Longest broadcast staff may send (long unsolicited messages read as spam on some channels). */
    broadcastMaxLength: number;
    /** "entities": spans sent beside the text; "markup": *bold* / _italic_ in the text; "none": plain. */
    formatting: "entities" | "markup" | "none";
  };
  /**
   * How offered choices appear. Up to `buttons.max` choices with short labels become buttons, up
   * to `list.maxRows` a list; anything else numbered lines. Typing the number always works.
   */
  choices: {
    buttons: { max: number; maxLabelLength: number } | null;
    list: { maxRows: number; maxLabelLength: number } | null;
  };
  media: {
    /** What users may send; null when the channel takes no files of that kind. */
    receives: { photo: MediaLimit | null; document: MediaLimit | null };
    /** Kinds of file the bot can send. */
    sends: readonly ("photo" | "document")[];
  };
  contacts: {
    /** A button that asks the platform for the user's own number (Telegram's request_contact). */
    requestButton: boolean;
    /** Users can share contact cards. */
    cards: boolean;
    /** Every message carries the sender's phone number, and users are known by it (user id = E.164). */
    senderPhone: boolean;
  };
  /** Users can share a location. */
  location: boolean;
  /** Approved message templates can reach users outside the service window. */
  templates: boolean;
  /** Free-form messages only within this many hours of the user's last message; null: always. */
  serviceWindowHours: number | null;
  /** The platform reports delivered / read / failed for each message sent. */
  receipts: boolean;
  /** Reminders, status pushes and broadcasts. */
  unsolicited: {
    /** "wroteBefore": only to people who wrote to the bot first. */
    audience: "anyone" | "wroteBefore";
    /** Account-wide pace, messages per second; null when the adapter paces itself (below). */
    ratePerSecond: number | null;
    perMinute: number | null;
    perDay: number | null;
    /** At least this long between two unsolicited messages to one person; null: no rule. */
    perUserIntervalMs: number | null;
    /** Messages in flight at once during a broadcast. */
    concurrency: number;
  };
};

/** The channels of this deployment, as configured (WhatsApp on the web client or the Cloud API). */
export interface ChannelDirectory {
  capabilitiesOf(channel: ChannelName): ChannelCapabilities;
  list(): readonly ChannelCapabilities[];
  /** The channel a staff-typed word names ("wa", "Telegram"), or undefined. */
  find(word: string): ChannelName | undefined;
  /**
   * The channel whose users are known by their phone number (`contacts.senderPhone`), so a phone a
   * channel confirmed reaches the same person there; undefined when no such channel is declared.
   */
  phoneChannel(): ChannelName | undefined;
}

export function createChannelDirectory(declarations: readonly ChannelCapabilities[]): ChannelDirectory {
  const byName = new Map(declarations.map((d) => [d.channel, d] as const));
  if (byName.size !== declarations.length) throw new Error("A channel is declared twice in the directory");
  return {
    capabilitiesOf(channel) {
      const found = byName.get(channel);
      if (!found) throw new Error(`Channel "${channel}" has no capability declaration in the directory`);
      return found;
    },
    list: () => declarations,
    phoneChannel: () => declarations.find((d) => d.contacts.senderPhone)?.channel,
    find(word) {
      const typed = word.trim().toLowerCase();
      return declarations.find(
        (d) => d.channel === typed || d.label.toLowerCase() === typed || d.aliases.includes(typed),
      )?.channel;
    },
  };
}

export type ChoiceStyle = "none" | "buttons" | "list" | "numbered";

/** How a channel shows these choice labels (see `ChannelCapabilities.choices`). */
export function toChoiceStyle(capabilities: ChannelCapabilities, labels: readonly string[]): ChoiceStyle {
  if (labels.length === 0) return "none";
  const longest = Math.max(...labels.map((l) => l.length));
  const { buttons, list } = capabilities.choices;
  if (buttons && labels.length <= buttons.max && longest <= buttons.maxLabelLength) return "buttons";
  if (list && labels.length <= list.maxRows && longest <= list.maxLabelLength) return "list";
  return "numbered";
}

/**
 * Whether an unsolicited message must go as an approved template: the channel has a service
 * window and the user's last message is older than it (or unknown).
 */
export function isOutsideServiceWindow(
  capabilities: ChannelCapabilities,
  lastUserMessageAt: Date | undefined,
  now: Date,
): boolean {
  const hours = capabilities.serviceWindowHours;
  if (hours === null) return false;
  if (!lastUserMessageAt) return true;
  return now.getTime() - lastUserMessageAt.getTime() >= hours * 3600_000;
}

/** The channels among `channels` on which `text` is too long for a broadcast. */
export function toTooLongFor(
  directory: ChannelDirectory,
  text: string,
  channels: readonly ChannelName[] = directory.list().map((d) => d.channel),
): ChannelName[] {
  return channels.filter((c) => text.length > directory.capabilitiesOf(c).text.broadcastMaxLength);
}
