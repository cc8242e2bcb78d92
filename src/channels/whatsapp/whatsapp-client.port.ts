/**
 * The narrow boundary between the WhatsApp channel and the library behind it. The glue knows only
 * these events and methods; whatsapp-web.js is adapted to it in whatsapp-web.client.ts, and an
 * official WhatsApp Cloud API adapter can implement the same interface later.
 */

/** A downloaded attachment, base64 as whatsapp-web.js returns it. */
export type WhatsAppMedia = { mimeType: string; data: string; fileName?: string };

/** One incoming message, reduced to what the channel reads. */
export type WhatsAppIncoming = {
  /** Unique message id (serialised). */
  id: string;
  /** The chat it came from: "6281…@c.us" (person), "…@lid" (person, hidden number), "…@g.us", "status@broadcast". */
  from: string;
  fromMe: boolean;
  isStatus: boolean;
  /** Unix seconds, as WhatsApp stamped it. */
  timestamp: number;
  /** whatsapp-web.js message type: "chat", "image", "document", "vcard", "multi_vcard", "ptt", … */
  type: string;
  /** The text, or the caption of a photo or document. */
  body: string;
  /** Contact cards shared in the message. */
  vCards: string[];
  /** Announced before download: type, size in bytes (0 when unknown), file name. */
  media?: { mimeType: string; size: number; fileName?: string };
  /** The name the sender set in WhatsApp. */
  senderName?: string;
  downloadMedia(): Promise<WhatsAppMedia | undefined>;
  /** The sender's number in international digits when WhatsApp reveals it (needed for "@lid" chats). */
  getSenderNumber(): Promise<string | undefined>;
};

export type WhatsAppChat = {
  sendStateTyping(): Promise<unknown>;
  clearState(): Promise<unknown>;
};

/** The events the channel listens to, with their arguments. */
export type WhatsAppEvents = {
  qr: [qr: string];
  ready: [];
  message: [message: WhatsAppIncoming];
  /** Reason: a connection state ("CONFLICT", "UNPAIRED", …) or "LOGOUT". */
  disconnected: [reason: string];
  auth_failure: [message: string];
};

export interface WhatsAppClient {
  on<E extends keyof WhatsAppEvents>(event: E, listener: (...args: WhatsAppEvents[E]) => void): void;
  /** Starts the browser and WhatsApp Web; resolves once the QR is shown or the session restored. */
  initialize(): Promise<void>;
  /** Closes the browser. Must be called after a failed initialize, or the process never exits. */
  destroy(): Promise<void>;
  sendMessage(chatId: string, text: string): Promise<unknown>;
  getChatById(chatId: string): Promise<WhatsAppChat>;
}

/** Builds a fresh client; the channel makes a new one for every (re)connection. */
export type WhatsAppClientFactory = () => WhatsAppClient;
