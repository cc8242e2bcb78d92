/**
 * What a failed send means for a delivery: wait and retry (429 retry_after), wait for the next
 * day (WhatsApp's daily cap), skipped (the channel refused by policy, e.g. a WhatsApp user who
 * never wrote), or failed with a reason.
 * Reasons are short codes and platform descriptions, never message text or personal data.
 */
import { isAppError } from "../core/errors";

type WithFields = {
  parameters?: { retry_after?: unknown };
  error_code?: unknown;
  details?: Record<string, unknown>;
  cause?: unknown;
  message?: unknown;
};

/**
 * When a channel that reached its daily cap (WhatsApp's pacer, reason "daily_cap") takes messages
 * again: the delivery waits until then instead of failing.
 */
export function toDeferredUntil(error: unknown): Date | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const details = (current as WithFields).details;
    if (details?.reason === "daily_cap" && details.until instanceof Date) return details.until;
    current = (current as WithFields).cause;
  }
  return undefined;
}

/** Milliseconds the platform asked us to wait (Telegram's retry_after), if it did. */
export function toRetryAfterMs(error: unknown): number | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const fields = current as WithFields;
    const seconds = fields.parameters?.retry_after ?? fields.details?.retryAfterSeconds;
    if (typeof seconds === "number" && seconds >= 0) return seconds * 1000;
    current = fields.cause;
  }
  return undefined;
}

export type SendFailure = { status: "failed" | "skipped"; reason: string };

export function toSendFailure(error: unknown): SendFailure {
  if (isAppError(error, "NOT_ALLOWED")) {
    const reason = error.details.reason;
    return { status: "skipped", reason: typeof reason === "string" ? reason : "refusedByChannel" };
  }
  if (isAppError(error)) {
    const cause = error.cause as WithFields | undefined;
    const described = typeof cause?.message === "string" ? `: ${cause.message}` : "";
    return { status: "failed", reason: `${error.code}${described}`.slice(0, 160) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: "failed", reason: message.slice(0, 160) };
}
