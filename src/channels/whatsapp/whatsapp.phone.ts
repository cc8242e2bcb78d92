/**
 * Phone numbers on WhatsApp: chat ids carry the number in international digits ("6281…@c.us"),
 * people type it locally ("0812-…"), contact cards carry either. Everything becomes E.164
 * through `domain/phone.ts`; only where the digits come from is decided here.
 */
import { parsePhone } from "../../domain/phone";

/** A number from WhatsApp itself (chat id, `waid=`): international digits, read by `parsePhone`. */
export function toNumberFromWhatsApp(digits: string): string | undefined {
  const phone = parsePhone(digits, { international: true });
  return phone.ok ? phone.value : undefined;
}

/** A number a person typed or a card carries ("0812-…", "+62 812 …"); Indonesian when it has no country code. */
export function toTypedNumber(text: string): string | undefined {
  const phone = parsePhone(text);
  return phone.ok ? phone.value : undefined;
}

/** The number inside a personal chat id ("6281…@c.us" → "+6281…"); undefined for @lid, groups, status. */
export function toNumberFromChatId(chatId: string): string | undefined {
  const [user, server] = chatId.split("@");
  return server === "c.us" && user ? toNumberFromWhatsApp(user) : undefined;
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
  const fromWaid = waid ? toNumberFromWhatsApp(waid) : undefined;
  if (fromWaid) return fromWaid;
  for (const line of vcard.split(/\r?\n/)) {
    const tel = /^(?:item\d+\.)?TEL[^:]*:(.+)$/i.exec(line.trim())?.[1];
    const phone = tel ? toTypedNumber(tel) : undefined;
    if (phone) return phone;
  }
  return undefined;
}

/** Normalises the configured staff numbers; ones that are no phone number are reported back. */
export function toStaffNumbers(list: readonly string[]): { numbers: Set<string>; invalid: string[] } {
  const numbers = new Set<string>();
  const invalid: string[] = [];
  for (const entry of list) {
    const phone = toTypedNumber(entry);
    if (phone) numbers.add(phone);
    else invalid.push(entry);
  }
  return { numbers, invalid };
}
