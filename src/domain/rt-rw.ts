/**
 * RT and RW numbers as people write them: "22/3", "022/003" (the KTP's RT/RW order),
 * "RT 22 RW 3", "rw 03 rt 22". Stored without leading zeros ("22", "3").
 */
export type RtRw = { rt: string; rw: string };
export type RtRwRefusal = "empty" | "notNumbers" | "missingRw" | "outOfRange";
export type RtRwResult = { ok: true; value: RtRw } | { ok: false; reason: RtRwRefusal };

const maxNumber = 999;

export function parseRtRw(input: string): RtRwResult {
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
  if (rtNumber < 1 || rwNumber < 1 || rtNumber > maxNumber || rwNumber > maxNumber)
    return { ok: false, reason: "outOfRange" };
  return { ok: true, value: { rt: String(rtNumber), rw: String(rwNumber) } };
}

/** One RT or RW number as registrations store it: "RT 05", "rt.5", "005" → "5"; undefined unless 1–999. */
export function toRtRwNumber(input: string): string | undefined {
  const digits = input.trim().replace(/^(rt|rw)\.?\s*(no\.?\s*)?/i, "");
  if (!/^\d{1,4}$/.test(digits)) return undefined;
  const number = Number(digits);
  return number >= 1 && number <= maxNumber ? String(number) : undefined;
}

/** The RT alone ("RT 05", "5") or the RT of an RT/RW ("5/3", "RT 5 RW 3"), as registrations store it. */
export function parseRt(input: string): string | undefined {
  const both = parseRtRw(input);
  return both.ok ? both.value.rt : toRtRwNumber(input);
}
