/**
 * How a rendered message looks on each channel, as plain text for transcripts. One small function
 * per channel, so the channel adapters' own pure render functions can replace them one by one.
 */
import type { ChannelName, OutboundMessage, Span } from "../../src/core/messages";
import { toNumberedText } from "../../src/core/render";

/** Applies formatting spans with the given markers (WhatsApp: `*bold*`, `_italic_`). */
function toMarked(message: OutboundMessage, marks: Record<Span["type"], string>): string {
  let text = "";
  let last = 0;
  for (const span of [...message.spans].sort((a, b) => a.offset - b.offset)) {
    const mark = marks[span.type];
    text += message.text.slice(last, span.offset);
    text += `${mark}${message.text.slice(span.offset, span.offset + span.length)}${mark}`;
    last = span.offset + span.length;
  }
  return text + message.text.slice(last);
}

/** Terminal: plain text, choices as numbered lines. */
export function toTerminalPreview(message: OutboundMessage): string {
  return toNumberedText(message);
}

/** WhatsApp: `*bold*` and `_italic_` markup, choices as numbered lines. */
export function toWhatsappPreview(message: OutboundMessage): string {
  const text = toMarked(message, { bold: "*", italic: "_" });
  const choices = message.choices.map((c, i) => `${i + 1}. ${c.label}`);
  return [text, ...choices].join("\n");
}

/** Telegram: the text (formatting is sent as entities, so plain here), then one line per button. */
export function toTelegramPreview(message: OutboundMessage): string {
  const buttons = message.choices.map((c, i) => `[${i + 1}] ${c.label}`);
  if (message.requestContact) buttons.push("[share phone number]");
  return [message.text, ...buttons].join("\n");
}

const previews: Record<ChannelName, (message: OutboundMessage) => string> = {
  terminal: toTerminalPreview,
  whatsapp: toWhatsappPreview,
  telegram: toTelegramPreview,
};

/** The message as a user of `channel` would read it. */
export function toChannelPreview(channel: ChannelName, message: OutboundMessage): string {
  return previews[channel](message);
}
