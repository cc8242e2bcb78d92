/**
 * NIK (Nomor Induk Kependudukan): 16 digits PP KK CC DDMMYY SSSS (DOMAIN §4.1, §4.4).
 * Refused only for what is safe to refuse; birth date and sex are derived (women: day + 40)
 * for the user to confirm; a prefix outside Kota Jambi is allowed and reported.
 */
import { isRealDate } from "./date-input";

export type NikRefusal =
  | "empty"
  | "notDigits"
  | "tooShort"
  | "tooLong"
  | "unknownProvince"
  | "invalidDay"
  | "invalidMonth"
  | "invalidDate"
  | "zeroSerial";

export type ParsedNik = {
  /** The 16 digits, separators removed. */
  nik: string;
  province: string;
  /** Province + regency/city, e.g. "1571" for Kota Jambi. */
  regency: string;
  /** Province + regency + kecamatan, e.g. "157108". */
  kecamatan: string;
  /** YYYY-MM-DD derived from the NIK; the century is the latest one that is not after `today`. */
  birthDate: string;
  sex: "L" | "P";
  serial: string;
  inKotaJambi: boolean;
};

export type NikResult = { ok: true; value: ParsedNik } | { ok: false; reason: NikRefusal; digits?: number };

/** The 38 province codes (DOMAIN §4.4). Legacy codes of split provinces stay valid. */
export const provinceCodes = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "16",
  "17",
  "18",
  "19",
  "21",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "51",
  "52",
  "53",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "72",
  "73",
  "74",
  "75",
  "76",
  "81",
  "82",
  "91",
  "92",
  "93",
  "94",
  "95",
  "96",
]);

export const kotaJambiPrefix = "1571";

const separators = /[\s.\-_/]/g;

/** Parses a NIK typed with spaces, dots or dashes. `today` decides the century of the birth year. */
export function parseNik(input: string, today: Date): NikResult {
  const raw = input.replace(separators, "");
  if (raw === "") return { ok: false, reason: "empty" };
  if (!/^\d+$/.test(raw)) return { ok: false, reason: "notDigits" };
  if (raw.length < 16) return { ok: false, reason: "tooShort", digits: raw.length };
  if (raw.length > 16) return { ok: false, reason: "tooLong", digits: raw.length };
  const province = raw.slice(0, 2);
  if (!provinceCodes.has(province)) return { ok: false, reason: "unknownProvince" };
  const dayField = Number(raw.slice(6, 8));
  const month = Number(raw.slice(8, 10));
  const yy = Number(raw.slice(10, 12));
  if (!((dayField >= 1 && dayField <= 31) || (dayField >= 41 && dayField <= 71)))
    return { ok: false, reason: "invalidDay" };
  if (month < 1 || month > 12) return { ok: false, reason: "invalidMonth" };
  const day = dayField > 40 ? dayField - 40 : dayField;
  const pad = (n: number) => String(n).padStart(2, "0");
  const todayDay = `${today.getUTCFullYear()}-${pad(today.getUTCMonth() + 1)}-${pad(today.getUTCDate())}`;
  const candidates = [2000 + yy, 1900 + yy].filter(
    (year) => isRealDate(year, month, day) && `${year}-${pad(month)}-${pad(day)}` <= todayDay,
  );
  const year = candidates[0];
  if (year === undefined) return { ok: false, reason: "invalidDate" };
  const serial = raw.slice(12);
  if (serial === "0000") return { ok: false, reason: "zeroSerial" };
  return {
    ok: true,
    value: {
      nik: raw,
      province,
      regency: raw.slice(0, 4),
      kecamatan: raw.slice(0, 6),
      birthDate: `${year}-${pad(month)}-${pad(day)}`,
      sex: dayField > 40 ? "P" : "L",
      serial,
      inKotaJambi: raw.startsWith(kotaJambiPrefix),
    },
  };
}

/** "1571********0001": the first four and last four digits only. */
export function maskNik(nik: string): string {
  const digits = nik.replace(/\D/g, "");
  if (digits.length < 8) return "*".repeat(digits.length);
  return `${digits.slice(0, 4)}${"*".repeat(digits.length - 8)}${digits.slice(-4)}`;
}
