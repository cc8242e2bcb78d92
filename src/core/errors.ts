/**
 * Our own failures. A user's mistake is never an AppError: steps return `invalid` for that.
 * Infrastructure errors are wrapped with `cause`, not re-described.
 */
export type AppErrorCode =
  | "CONFIG_INVALID"
  | "STORAGE_UNAVAILABLE"
  | "STORAGE_CONFLICT"
  | "STATE_CORRUPT"
  | "FLOW_NOT_FOUND"
  | "STEP_NOT_FOUND"
  | "CHANNEL_SEND_FAILED"
  | "CHANNEL_START_FAILED"
  | "MEDIA_REJECTED"
  | "NOT_ALLOWED"
  | "INTERNAL";

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `error` is an AppError with one of the given codes. */
export function isAppError(error: unknown, ...codes: AppErrorCode[]): error is AppError {
  return error instanceof AppError && (codes.length === 0 || codes.includes(error.code));
}
