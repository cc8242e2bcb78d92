/**
 * Inline-button callback data: `c:<value>:<mac>`, where the mac is a truncated HMAC of the chat
 * and the value. A press whose data we did not make for that chat (another bot's, an old format,
 * a tampered client) decodes to undefined and is ignored.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Telegram's limit on callback_data, in bytes. */
export const maxCallbackBytes = 64;
const prefix = "c:";
const macLength = 8;

export type CallbackCodec = {
  /** The data for a button, or undefined when the value does not fit in 64 bytes. */
  encode(chatId: string | number, value: string): string | undefined;
  /** The value of a pressed button, or undefined when the data is foreign or tampered. */
  decode(chatId: string | number, data: string): string | undefined;
};

/** A codec keyed by a secret (derived from the bot token, so every worker agrees). */
export function createCallbackCodec(secret: string): CallbackCodec {
  const key = createHash("sha256").update(`jamsos-callback|${secret}`).digest();
  const mac = (chatId: string | number, value: string) =>
    createHmac("sha256", key).update(`${chatId}|${value}`).digest("base64url").slice(0, macLength);
  return {
    encode(chatId, value) {
      const data = `${prefix}${value}:${mac(chatId, value)}`;
      return Buffer.byteLength(data, "utf8") <= maxCallbackBytes ? data : undefined;
    },
    decode(chatId, data) {
      if (!data.startsWith(prefix)) return undefined;
      const split = data.lastIndexOf(":");
      if (split <= prefix.length - 1) return undefined;
      const value = data.slice(prefix.length, split);
      const given = Buffer.from(data.slice(split + 1));
      const expected = Buffer.from(mac(chatId, value));
      return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined;
    },
  };
}
