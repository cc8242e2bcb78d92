/**
 * Telegram updates → `InboundMessage`, as pure data: what the engine should see, what the adapter
 * should refuse with a short notice (group chats, a file too large, someone else's contact), and
 * what it should ignore (edits, bots, foreign button data). File downloads stay lazy.
 */
import type { Message, Update } from "grammy/types";
import type { InboundContent, InboundMessage, Params } from "../../core/messages";
import { lookup } from "../../domain/lookup";
import { parsePhone } from "../../domain/phone";

/** Bytes in a megabyte, as Telegram counts its 20 MB download limit. */
export const megabyte = 1024 * 1024;

/** Telegram commands → the engine's global words (src/core/global-commands.ts). */
export const commandWords: Readonly<Record<string, string>> = {
  start: "menu",
  menu: "menu",
  batal: "batal",
  cancel: "batal",
  bahasa: "bahasa",
  language: "bahasa",
  bantuan: "bantuan",
  help: "bantuan",
  status: "status",
};

export type RefusalReason = "groupChat" | "fileTooLarge" | "notOwnContact" | "unsupported";

export type MappedUpdate =
  | { type: "inbound"; chatId: number; message: InboundMessage }
  | { type: "refuse"; chatId: number; userId: string; reason: RefusalReason; params?: Params }
  | { type: "ignore"; reason: string };

export type MappingOptions = {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** The choice value of a pressed button, undefined when the data is not ours for that chat. */
  decodeCallback: (chatId: number, data: string) => string | undefined;
  /** Downloads a file by id (getFile + download), refusing more than `maxFileBytes`. */
  loadFile: (fileId: string) => Promise<Uint8Array>;
};

/**
 * E.164 from Telegram's phone_number, which usually comes without the "+" (international digits);
 * a number libphonenumber does not know is kept as "+" and its digits.
 */
export function toE164(phone: string): string {
  const parsed = parsePhone(phone, { international: true });
  return parsed.ok ? parsed.value : `+${phone.replace(/\D/g, "")}`;
}

/** The text a command stands for: "/start" → "menu", "/daftar@JamsosBot" → "daftar". */
export function toCommandText(message: Pick<Message, "text" | "entities">): string | undefined {
  const text = message.text ?? "";
  const entity = message.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!entity || !text.startsWith("/")) return undefined;
  const name = text.slice(1, entity.length).split("@")[0]?.toLowerCase() ?? "";
  return lookup(commandWords, name) ?? name;
}

type Media = Extract<InboundContent, { type: "media" }>;
type FileRef = { id: string; size: number; kind: Media["kind"]; mimeType: string; fileName?: string };

function toFileRef(message: Message): FileRef | undefined {
  if (message.photo && message.photo.length > 0) {
    const largest = message.photo.reduce((a, b) => (b.width * b.height >= a.width * a.height ? b : a));
    return { id: largest.file_id, size: largest.file_size ?? 0, kind: "photo", mimeType: "image/jpeg" };
  }
  const doc = message.document;
  if (!doc) return undefined;
  return {
    id: doc.file_id,
    size: doc.file_size ?? 0,
    kind: "document",
    mimeType: doc.mime_type ?? "application/octet-stream",
    ...(doc.file_name ? { fileName: doc.file_name } : {}),
  };
}

type ContentOrRefusal = InboundContent | { refuse: RefusalReason; params?: Params };

function toContent(message: Message, options: MappingOptions): ContentOrRefusal {
  if (message.text !== undefined) return { type: "text", text: toCommandText(message) ?? message.text };
  if (message.contact) {
    if (message.contact.user_id !== message.from?.id) return { refuse: "notOwnContact" };
    return { type: "contact", phone: toE164(message.contact.phone_number) };
  }
  const file = toFileRef(message);
  if (!file) return { refuse: "unsupported" };
  if (file.size > options.maxFileBytes)
    return {
      refuse: "fileTooLarge",
      params: { limit: Math.round((options.maxFileBytes / megabyte) * 10) / 10 },
    };
  return {
    type: "media",
    kind: file.kind,
    mimeType: file.mimeType,
    size: file.size,
    ...(file.fileName ? { fileName: file.fileName } : {}),
    ...(message.caption ? { caption: message.caption } : {}),
    load: () => options.loadFile(file.id),
  };
}

function toMessage(message: Message, options: MappingOptions): MappedUpdate {
  const from = message.from;
  if (!from || from.is_bot) return { type: "ignore", reason: "no human sender" };
  const userId = String(from.id);
  if (message.chat.type !== "private")
    return { type: "refuse", chatId: message.chat.id, userId, reason: "groupChat" };
  const content = toContent(message, options);
  if ("refuse" in content)
    return {
      type: "refuse",
      chatId: message.chat.id,
      userId,
      reason: content.refuse,
      ...(content.params ? { params: content.params } : {}),
    };
  return {
    type: "inbound",
    chatId: message.chat.id,
    message: {
      channel: "telegram",
      userId,
      messageId: String(message.message_id),
      content,
      displayName: from.first_name,
      ...(content.type === "contact" ? { phone: content.phone } : {}),
    },
  };
}

/** Maps one update. Callback queries get message id `cq:<id>`, so they never collide with messages. */
export function toMappedUpdate(update: Update, options: MappingOptions): MappedUpdate {
  if (update.message) return toMessage(update.message, options);
  const query = update.callback_query;
  if (!query) return { type: "ignore", reason: "unhandled update type" };
  const chat = query.message?.chat;
  if (chat && chat.type !== "private") return { type: "ignore", reason: "button in a group" };
  const chatId = chat?.id ?? query.from.id;
  const value = query.data === undefined ? undefined : options.decodeCallback(chatId, query.data);
  if (value === undefined) return { type: "ignore", reason: "foreign or tampered button data" };
  const userId = String(query.from.id);
  return {
    type: "inbound",
    chatId,
    message: {
      channel: "telegram",
      userId,
      messageId: `cq:${query.id}`,
      content: { type: "choice", value },
      displayName: query.from.first_name,
    },
  };
}
