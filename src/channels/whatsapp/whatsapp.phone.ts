/**
 * Phone numbers on WhatsApp: chat ids carry the number in international digits ("6281…@c.us"),
 * people type it locally ("0812-…"), contact cards carry either. Everything becomes E.164.
 */
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** Numbers typed without a country code are Indonesian. */
export const defaultCountry: CountryCode = "ID";

/**
 * A typed or shared number in E.164 ("+6281234567890"), or undefined when it is no phone number.
 * `international: true` reads bare digits as already including the country code (WhatsApp ids).
 */
export function toE164(raw: string, options: { international?: boolean } = {}): string | undefined {
  const digits = raw.replace(/[^\d+]/g, "");
  if (!/\d{6,}/.test(digits)) return undefined;
  const input = options.international && !digits.startsWith("+") ? `+${digits}` : digits;
  const parsed = parsePhoneNumberFromString(input, defaultCountry);
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** The number inside a personal chat id ("6281…@c.us" → "+6281…"); undefined for @lid, groups, status. */
export function toNumberFromChatId(chatId: string): string | undefined {
  const [user, server] = chatId.split("@");
  return server === "c.us" && user ? toE164(user, { international: true }) : undefined;
}

/** The chat id to write to: E.164 user ids become "<digits>@c.us"; other ids (…@lid) are used as they are. */
export function toChatId(userId: string): string {
  return userId.startsWith("+") ? `${userId.slice(1)}@c.us` : userId;
}

/**
 * The phone number of a shared contact card (vCard): the WhatsApp id (`waid=`) when present,
 * otherwise the first TEL line, read as an Indonesian number when it has no country code.
 */
export function toPhoneFromVCard(vcard: string): string | undefined {
  const waid = /waid=(\d{6,})/i.exec(vcard)?.[1];
  const fromWaid = waid ? toE164(waid, { international: true }) : undefined;
  if (fromWaid) return fromWaid;
  for (const line of vcard.split(/\r?\n/)) {
    const tel = /^(?:item\d+\.)?TEL[^:]*:(.+)$/i.exec(line.trim())?.[1];
    const phone = tel ? toE164(tel) : undefined;
    if (phone) return phone;
  }
  return undefined;
}

/** Normalises the configured staff numbers; ones that are no phone number are reported back. */
export function toStaffNumbers(list: readonly string[]): { numbers: Set<string>; invalid: string[] } {
  const numbers = new Set<string>();
  const invalid: string[] = [];
  for (const entry of list) {
    const phone = toE164(entry);
    if (phone) numbers.add(phone);
    else invalid.push(entry);
  }
  return { numbers, invalid };
}
