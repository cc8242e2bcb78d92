/**
 * OutboundMessage → WhatsApp text, as pure functions. WhatsApp shows no buttons here (deprecated in
 * whatsapp-web.js), so choices become numbered lines; spans become *bold* and _italic_; markup
 * characters that came from data (a name with "*", a masked NIK) are swapped for look-alikes so
 * they never turn into formatting; one turn's replies go out as one message, split when long.
 */
import type { OutboundMessage, Span } from "../../core/messages";

/** Longer texts are split; WhatsApp allows far more, but long walls of text are hard to read on a phone. */
export const maxTextLength = 3000;

type Marked = { text: string; spans: Span[] };

const lookalikes: Record<string, string> = { "*": "\u2217", "~": "\u223C", "`": "\u02CB", _: "\uFF3F" };
const wordChar = /[\p{L}\p{N}]/u;

/**
 * Replaces characters WhatsApp reads as formatting. An underscore inside a word ("budi_santoso")
 * cannot start formatting and stays. Every replacement is one UTF-16 unit, so span offsets hold.
 */
export function toLiteral(text: string): string {
  return text.replace(/[*~`_]/g, (char, index: number) => {
    if (char === "_" && wordChar.test(text[index - 1] ?? "") && wordChar.test(text[index + 1] ?? ""))
      return char;
    return lookalikes[char] ?? char;
  });
}

/** Text with choices as numbered lines, spans kept. */
function toMarked(message: OutboundMessage): Marked {
  const lines = message.choices.map((choice, i) => `${i + 1}. ${choice.label}`);
  const text = lines.length === 0 ? message.text : `${message.text}\n${lines.join("\n")}`;
  return { text, spans: message.spans };
}

/** Joins several messages into one, blank line between. */
function toJoined(messages: readonly Marked[]): Marked {
  let text = "";
  const spans: Span[] = [];
  for (const message of messages) {
    if (text !== "") text += "\n\n";
    spans.push(...message.spans.map((s) => ({ ...s, offset: s.offset + text.length })));
    text += message.text;
  }
  return { text, spans };
}

/** Puts WhatsApp markers around each span, outside any whitespace at its edges. */
function toFormatted({ text, spans }: Marked): string {
  const literal = toLiteral(text);
  let result = "";
  let last = 0;
  for (const span of [...spans].sort((a, b) => a.offset - b.offset)) {
    if (span.offset < last) continue;
    const inner = literal.slice(span.offset, span.offset + span.length);
    const core = inner.trim();
    const marker = span.type === "bold" ? "*" : "_";
    const lead = inner.slice(0, inner.length - inner.trimStart().length);
    const trail = inner.slice(inner.trimEnd().length);
    result += literal.slice(last, span.offset) + (core ? `${lead}${marker}${core}${marker}${trail}` : inner);
    last = span.offset + span.length;
  }
  return result + literal.slice(last);
}

const separators = ["\n\n", "\n", ". ", " "];

/** Where to cut `text` (start..start+max): the latest good boundary that is not inside a span. */
function toCut(text: string, spans: readonly Span[], start: number, max: number): number {
  const inSpan = (at: number) => spans.some((s) => at > s.offset && at < s.offset + s.length);
  const floor = start + Math.floor(max / 3);
  for (const separator of separators) {
    let at = text.lastIndexOf(separator, start + max - separator.length);
    while (at > floor) {
      const cut = at + separator.length;
      if (!inSpan(cut)) return cut;
      at = text.lastIndexOf(separator, at - 1);
    }
  }
  const hard = start + max;
  const span = spans.find((s) => hard > s.offset && hard < s.offset + s.length);
  return span && span.offset > start ? span.offset : hard;
}

/** Splits a long text at paragraph, line, sentence or word boundaries, never inside a span. */
function toPieces(marked: Marked, max: number): Marked[] {
  const pieces: Marked[] = [];
  let start = 0;
  const { text, spans } = marked;
  while (start < text.length) {
    while (start < text.length && /\s/.test(text[start] ?? "")) start += 1;
    if (start >= text.length) break;
    const end = text.length - start <= max ? text.length : toCut(text, spans, start, max);
    const piece = text.slice(start, end).trimEnd();
    pieces.push({
      text: piece,
      spans: spans
        .filter((s) => s.offset >= start && s.offset + s.length <= end)
        .map((s) => ({
          ...s,
          offset: s.offset - start,
          length: Math.min(s.length, piece.length - (s.offset - start)),
        })),
    });
    start = end;
  }
  return pieces;
}

/** One message's WhatsApp text: formatting markers and numbered choices. */
export function toWhatsAppText(message: OutboundMessage): string {
  return toFormatted(toMarked(message));
}

/** A turn's replies as WhatsApp texts to send in order: joined, then split when longer than `max`. */
export function toWhatsAppTexts(messages: readonly OutboundMessage[], max = maxTextLength): string[] {
  if (messages.length === 0) return [];
  return toPieces(toJoined(messages.map(toMarked)), max).map(toFormatted);
}
