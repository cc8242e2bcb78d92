/**
 * Scrubs personal data out of free text before it is logged: NIK and other 16-digit numbers,
 * Indonesian phone numbers, e-mail addresses, bot tokens.
 */
const patterns: ReadonlyArray<readonly [RegExp, string]> = [
  // Also inside Bot API URLs ("…/bot123456:ABC…/getMe"), where no word boundary precedes it.
  [/(?<!\d)\d{6,12}:[A-Za-z0-9_-]{30,}/g, "[token]"],
  // 16 digits with any grouping: "1571 0212 …", "157102.120390.0001".
  [/(?<!\d)\d(?:[ .-]?\d){15}(?!\d)/g, "[nik]"],
  [/(?:\+|\b)(?:62|0)[ .-]?8\d{1,3}[ .-]?\d{3,4}[ .-]?\d{3,5}\b/g, "[phone]"],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, "[email]"],
  [/\b\d{11,}\b/g, "[number]"],
];

export function redactText(text: string): string {
  return patterns.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/** Deep copy of a log payload with strings scrubbed (bounded depth, cycles cut). */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 6) return "[too deep]";
  if (seen.has(value)) return "[cycle]";
  seen.add(value);
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactText(value.message),
      stack: value.stack ? redactText(value.stack) : undefined,
      ...(value.cause ? { cause: redactValue(value.cause, depth + 1, seen) } : {}),
      ...("code" in value ? { code: (value as { code: unknown }).code } : {}),
    };
  }
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, depth + 1, seen)]));
}
