/**
 * RT and RW numbers as people write them: "22/3", "022/003" (the KTP's RT/RW order),
 * "RT 22 RW 3", "rw 03 rt 22". Stored without leading zeros ("22", "3"). Numbers outside the
 * city's ranges (Kota Jambi: RT 1–99, RW 1–50; RT_MAX / RW_MAX change them) are refused with
 * the range, so "RT 999" is caught as the typo it is.
 */
export type RtRw = { rt: string; rw: string };
export type RtRwLimits = { rtMax: number; rwMax: number };
export type RtRwRefusal = "empty" | "notNumbers" | "missingRw" | "rtOutOfRange" | "rwOutOfRange";
export type RtRwResult =
  { ok: true; value: RtRw } | { ok: false; reason: RtRwRefusal; params?: { max: number } };

/** Kota Jambi's ranges: RT numbers up to 99, RW numbers up to 50. */
export const kotaJambiRtRwLimits: RtRwLimits = { rtMax: 99, rwMax: 50 };

/** Longest input read: an RT/RW answer is a few words; longer text is refused unread. */
const maxLength = 200;

export function parseRtRw(input: string, limits: RtRwLimits = kotaJambiRtRwLimits): RtRwResult {
  if (input.length > maxLength) return { ok: false, reason: "notNumbers" };
  const text = input.toLowerCase().trim();
  if (text === "") return { ok: false, reason: "empty" };
  const labelled = (label: string) =>
    new RegExp(`\\b${label}\\.?\\s*(?:no\\.?\\s*)?(\\d{1,4})`).exec(text)?.[1];
  const numbers = text.match(/\d+/g) ?? [];
  if (numbers.length === 0) return { ok: false, reason: "notNumbers" };
  const rt = labelled("rt") ?? numbers[0];
  const rw =
    labelled("rw") ??
    numbers.find((n, i) => i > 0 && n !== rt) ??
    (numbers.length > 1 ? numbers[1] : undefined);
  if (rt === undefined || rw === undefined) return { ok: false, reason: "missingRw" };
  const [rtNumber, rwNumber] = [Number(rt), Number(rw)];
  if (rtNumber < 1 || rtNumber > limits.rtMax)
    return { ok: false, reason: "rtOutOfRange", params: { max: limits.rtMax } };
  if (rwNumber < 1 || rwNumber > limits.rwMax)
    return { ok: false, reason: "rwOutOfRange", params: { max: limits.rwMax } };
  return { ok: true, value: { rt: String(rtNumber), rw: String(rwNumber) } };
}

/** One RT or RW number as registrations store it: "RT 05", "rt.5", "005" → "5"; undefined unless 1–`max`. */
export function toRtRwNumber(input: string, max = kotaJambiRtRwLimits.rtMax): string | undefined {
  if (input.length > maxLength) return undefined;
  const digits = input.trim().replace(/^(rt|rw)\.?\s*(no\.?\s*)?/i, "");
  if (!/^\d{1,4}$/.test(digits)) return undefined;
  const number = Number(digits);
  return number >= 1 && number <= max ? String(number) : undefined;
}

/** The RT alone ("RT 05", "5") or the RT of an RT/RW ("5/3", "RT 5 RW 3"), as registrations store it. */
export function parseRt(input: string, limits: RtRwLimits = kotaJambiRtRwLimits): string | undefined {
  const both = parseRtRw(input, limits);
  return both.ok ? both.value.rt : toRtRwNumber(input, limits.rtMax);
}
