/**
 * How long one unsolicited message may be, per channel. Telegram's hard limit is 4,096
 * characters; on WhatsApp long messages read badly and look like spam, so we keep them short.
 */
export const messageLimits = { telegram: 4096, whatsapp: 1000, terminal: 4096 } as const;

export type LimitedChannel = keyof typeof messageLimits;

/** The channels on which `text` is too long (empty when it fits everywhere asked). */
export function toTooLongChannels(
  text: string,
  channels: readonly LimitedChannel[] = ["telegram", "whatsapp", "terminal"],
): LimitedChannel[] {
  return channels.filter((channel) => text.length > messageLimits[channel]);
}
