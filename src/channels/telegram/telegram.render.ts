/**
 * Rendered replies → Telegram sendMessage payloads, as pure data. Formatting travels as message
 * entities (never parse_mode), so no character in a name can break a message; long texts are
 * split on line boundaries with their entities re-based; choices become an inline keyboard and a
 * contact request a one-time reply keyboard, removed again by the next plain message.
 */
import { toCombinedMessages } from "../../core/render";
import type {
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  MessageEntity,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from "grammy/types";
import type { OutboundMessage, Span } from "../../core/messages";

/** Telegram's limit on a message's text, in UTF-16 code units. */
export const maxTextLength = 4096;
/** Buttons go two to a row when every label is at most this long. */
const shortLabel = 14;

export type SendPayload = {
  text: string;
  entities: MessageEntity[];
  reply_markup?: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;
};

export type RenderOptions = {
  /** Callback data for a choice value (signed for the chat), undefined when it does not fit. */
  encode: (value: string) => string | undefined;
  /** Label of the request_contact button, in the user's language. */
  contactButtonLabel: string;
  /** A contact keyboard is still shown in this chat and should be removed. */
  keyboardOpen: boolean;
};

export type RenderedBatch = { payloads: SendPayload[]; keyboardOpen: boolean };

type Chunk = { text: string; spans: Span[] };

/** Spans that fall inside [from, to), re-based to `from`. */
function sliceSpans(spans: readonly Span[], from: number, to: number): Span[] {
  return spans.flatMap((span) => {
    const start = Math.max(span.offset, from);
    const end = Math.min(span.offset + span.length, to);
    return end > start ? [{ type: span.type, offset: start - from, length: end - start }] : [];
  });
}

/** Where to cut a text that is too long: the last line break, else the last space, else hard. */
function findCut(text: string, start: number, limit: number): { end: number; next: number } {
  const hard = start + limit;
  const newline = text.lastIndexOf("\n", hard);
  if (newline > start) return { end: newline, next: newline + 1 };
  const space = text.lastIndexOf(" ", hard);
  if (space > start) return { end: space, next: space + 1 };
  const code = text.charCodeAt(hard - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? hard - 1 : hard; // never split a surrogate pair
  return { end, next: end };
}

/** Splits text into chunks of at most `limit` UTF-16 units on line boundaries; trims each chunk. */
export function splitText(text: string, spans: readonly Span[], limit = maxTextLength): Chunk[] {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > limit) {
    const { end, next } = findCut(text, start, limit);
    ranges.push([start, end]);
    start = next;
  }
  ranges.push([start, text.length]);
  return ranges.flatMap(([from, to]) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === "") return [];
    return [{ text: trimmed, spans: sliceSpans(spans, from + lead, from + lead + trimmed.length) }];
  });
}

export function toEntities(spans: readonly Span[]): MessageEntity[] {
  return spans.filter((s) => s.length > 0).map((s) => ({ type: s.type, offset: s.offset, length: s.length }));
}

/** Numbered buttons ("1. Daftar"), so typing the number works as well as pressing. */
export function toInlineKeyboard(
  choices: OutboundMessage["choices"],
  encode: RenderOptions["encode"],
): InlineKeyboardMarkup | undefined {
  const buttons: InlineKeyboardButton[] = [];
  for (const [index, choice] of choices.entries()) {
    const data = encode(choice.value);
    if (data === undefined) return undefined;
    buttons.push({ text: `${index + 1}. ${choice.label}`, callback_data: data });
  }
  const perRow = choices.every((c) => c.label.length <= shortLabel) ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { inline_keyboard: rows };
}

function withNumberedChoices(message: OutboundMessage): string {
  if (message.choices.length === 0) return message.text;
  return `${message.text}\n${message.choices.map((c, i) => `${i + 1}. ${c.label}`).join("\n")}`;
}

/** Renders one batch of replies for one chat, in order. */
export function toSendPayloads(messages: readonly OutboundMessage[], options: RenderOptions): RenderedBatch {
  const payloads: SendPayload[] = [];
  let keyboardOpen = options.keyboardOpen;
  let requestedHere = false;
  // A reply keyboard is removed by a plain message of its own, so the first one stays apart then.
  const [first, ...rest] = messages;
  const combined =
    options.keyboardOpen && first
      ? [first, ...toCombinedMessages(rest, maxTextLength)]
      : toCombinedMessages(messages, maxTextLength);
  for (const message of combined) {
    const inline =
      message.requestContact || message.choices.length === 0
        ? undefined
        : toInlineKeyboard(message.choices, options.encode);
    const text = inline ? message.text : withNumberedChoices(message);
    const chunks = splitText(text, message.spans);
    let markup: SendPayload["reply_markup"] = inline;
    if (message.requestContact) {
      markup = {
        keyboard: [[{ text: options.contactButtonLabel, request_contact: true }]],
        one_time_keyboard: true,
        resize_keyboard: true,
      };
      keyboardOpen = true;
      requestedHere = true;
    } else if (keyboardOpen && !requestedHere && !inline && chunks.length > 0) {
      markup = { remove_keyboard: true };
      keyboardOpen = false;
    }
    chunks.forEach((chunk, i) => {
      const last = i === chunks.length - 1;
      payloads.push({
        text: chunk.text,
        entities: toEntities(chunk.spans),
        ...(last && markup ? { reply_markup: markup } : {}),
      });
    });
  }
  return { payloads, keyboardOpen };
}
