/** The one error both document stores throw when an update or a replace breaks a unique index. */
import { AppError } from "../core/errors";

/** Inserts report duplicates as a result; updates and replaces throw this (code STORAGE_CONFLICT). */
export function toUniqueViolation(collection: string, index: string): AppError {
  return new AppError("STORAGE_CONFLICT", `Unique index ${index} of ${collection} violated`, {
    collection,
    index,
  });
}
