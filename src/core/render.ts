/**
 * Renders reply data into text for one user: i18n in their language, then the neutral markup
 * of the locale files (*bold*, _italic_) becomes formatting spans. Markup characters inside
 * parameters (a name with `*` or `_`) are never taken as formatting.
 */
import type { ChannelCapabilities } from "./channel-contract";
import type { Language, OutboundMessage, Params, Reply, Span } from "./messages";
import type { Translator } from "./ports";

const protectedChars: Record<string, string> = { "*": "\u0001", _: "\u0002" };
const restore = (text: string) => text.replace(/\u0001/g, "*").replace(/\u0002/g, "_");

function protect(params: Params | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    result[name] = typeof value === "string" ? value.replace(/[*_]/g, (c) => protectedChars[c] ?? c) : value;
  }
  return result;
}

/** Splits `*bold*` and `_italic_` markup out of text, returning plain text and spans. */
export function toSpans(marked: string): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  let text = "";
  const pattern = /(\*([^*\n]+)\*)|((?<![\p{L}\p{N}])_([^_\n]+)_(?![\p{L}\p{N}]))/gu;
  let last = 0;
  for (const match of marked.matchAll(pattern)) {
    text += marked.slice(last, match.index);
    const inner = match[2] ?? match[4] ?? "";
    spans.push({
      type: match[2] !== undefined ? "bold" : "italic",
      offset: text.length,
      length: inner.length,
    });
    text += inner;
    last = match.index + match[0].length;
  }
  text += marked.slice(last);
  return { text: restore(text), spans };
}

export function renderReply(reply: Reply, language: Language, translator: Translator): OutboundMessage {
  const { text, spans } = toSpans(translator.t(language, reply.key, protect(reply.params)));
  return {
    text,
    spans,
    choices: (reply.choices ?? []).map((c) => ({
      value: c.value,
      label: restore(toSpans(translator.t(language, c.label, protect(c.params))).text),
    })),
    requestContact: reply.requestContact ?? false,
  };
}

export function renderReplies(
  replies: readonly Reply[],
  language: Language,
  translator: Translator,
): OutboundMessage[] {
  return replies.map((r) => renderReply(r, language, translator));
}

/** Plain text with numbered choices, as WhatsApp and the terminal show them. */
export function toNumberedText(message: OutboundMessage, bold: (s: string) => string = (s) => s): string {
  let text = "";
  let last = 0;
  for (const span of [...message.spans].sort((a, b) => a.offset - b.offset)) {
    text += message.text.slice(last, span.offset);
    const inner = message.text.slice(span.offset, span.offset + span.length);
    text += span.type === "bold" ? bold(inner) : inner;
    last = span.offset + span.length;
  }
  text += message.text.slice(last);
  if (message.choices.length === 0) return text;
  return `${text}\n${message.choices.map((c, i) => `${i + 1}. ${c.label}`).join("\n")}`;
}

/**
 * Joins a turn's consecutive messages into one where the earlier ones carry no choices or
 * contact request: fewer messages arrive faster under per-chat rate limits and read as one answer.
 */
export function toCombinedMessages(
  messages: readonly OutboundMessage[],
  maxLength: number,
): OutboundMessage[] {
  const combined: OutboundMessage[] = [];
  for (const message of messages) {
    const previous = combined.at(-1);
    const fits = previous && previous.text.length + 2 + message.text.length <= maxLength;
    if (!previous || !fits || previous.choices.length > 0 || previous.requestContact) {
      combined.push({ ...message, spans: [...message.spans], choices: [...message.choices] });
      continue;
    }
    const offset = previous.text.length + 2;
    combined[combined.length - 1] = {
      text: `${previous.text}\n\n${message.text}`,
      spans: [...previous.spans, ...message.spans.map((s) => ({ ...s, offset: s.offset + offset }))],
      choices: [...message.choices],
      requestContact: message.requestContact,
    };
  }
  return combined;
}

/**
 * A turn's replies (or one push) as the channel sends them: rendered, then joined into as few
 * messages as the channel's text limit allows (`ChannelCapabilities.text.maxLength`), so a turn
 * reads as one answer. Without capabilities (a caller that does not know the channel) unjoined.
 */
export function renderTurn(
  replies: readonly Reply[],
  language: Language,
  translator: Translator,
  capabilities?: Pick<ChannelCapabilities, "text">,
): OutboundMessage[] {
  const messages = renderReplies(replies, language, translator);
  return capabilities ? toCombinedMessages(messages, capabilities.text.maxLength) : messages;
}
