/**
 * Indonesian phone numbers (DOMAIN §4.5): normalised to E.164 with libphonenumber-js
 * (Indonesia by default); a registration needs a mobile number.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export type PhoneRefusal = "empty" | "invalid" | "notMobile";
export type PhoneResult = { ok: true; value: string } | { ok: false; reason: PhoneRefusal };

export type PhoneOptions = {
  /** Refuse landlines (a registration needs a mobile number). */
  mobileOnly?: boolean;
  /**
   * Bare digits already carry the country code, as in a WhatsApp id ("6281…@c.us") or a Telegram
   * contact. Such numbers come from the network, so a possible number is enough (no range check).
   */
  international?: boolean;
};

const maxInput = 40;

/** "0812-3456-7890", "62812…", "+62 812 …" → "+6281234567890". */
export function parsePhone(input: string, options: PhoneOptions = {}): PhoneResult {
  // "+62 (812) 3456-7890" is short; longer text is no phone number and is not parsed.
  if (input.length > maxInput) return { ok: false, reason: "invalid" };
  const cleaned = input.replace(/[\s().-]/g, "");
  if (cleaned === "") return { ok: false, reason: "empty" };
  const bareInternational = options.international ? /^\d{6,}$/ : /^62\d{8,}$/;
  const withPlus = bareInternational.test(cleaned) ? `+${cleaned}` : cleaned;
  const phone = parsePhoneNumberFromString(withPlus, "ID");
  const usable = options.international ? phone?.isPossible() : phone?.isValid();
  if (!phone || !usable) return { ok: false, reason: "invalid" };
  if (options.mobileOnly) {
    const type = phone.getType();
    if (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return { ok: false, reason: "notMobile" };
  }
  return { ok: true, value: phone.number };
}

/** "0812-3456-7890" for Indonesian numbers, international format otherwise. */
export function formatPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  return phone.country === "ID" ? phone.formatNational() : phone.formatInternational();
}

/** "+62812****7890" for showing a number without revealing it. */
export function maskPhone(e164: string): string {
  if (e164.length < 8) return "****";
  return `${e164.slice(0, 6)}****${e164.slice(-4)}`;
}
