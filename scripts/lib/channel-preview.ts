/**
 * How a rendered message looks on each channel, as plain text for transcripts. One small function
 * per channel, so the channel adapters' own pure render functions can replace them one by one.
 */
import type { ChannelName, OutboundMessage } from "../../src/core/messages";
import { toWhatsAppText } from "../../src/channels/whatsapp/whatsapp.render";
import { toNumberedText } from "../../src/core/render";

/** Terminal: plain text, choices as numbered lines. */
export function toTerminalPreview(message: OutboundMessage): string {
  return toNumberedText(message);
}

/** Telegram: the text (formatting is sent as entities, so plain here), then one line per button. */
export function toTelegramPreview(message: OutboundMessage): string {
  const buttons = message.choices.map((c, i) => `[${i + 1}] ${c.label}`);
  if (message.requestContact) buttons.push("[share phone number]");
  return [message.text, ...buttons].join("\n");
}

const previews: Record<ChannelName, (message: OutboundMessage) => string> = {
  terminal: toTerminalPreview,
  whatsapp: toWhatsAppText,
  telegram: toTelegramPreview,
};

/** The message as a user of `channel` would read it. */
export function toChannelPreview(channel: ChannelName, message: OutboundMessage): string {
  return previews[channel](message);
}
