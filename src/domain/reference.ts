/**
 * Short references people read over the phone: a prefix and 6 characters from an alphabet
 * without look-alikes (no 0/O, no 1/I/L), e.g. "DFT-4KQ7MZ" (registrations) or "KLM-…" (claims).
 * Crypto-random; uniqueness is the caller's job (insert with a unique index, retry on collision).
 */
import { randomInt } from "node:crypto";

/** 31 characters: digits 2–9 and letters without I, L, O. */
export const referenceAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const referenceLength = 6;

/** Registrations are "DFT-…", death claims "KLM-…". */
export const registrationPrefix = "DFT";
export const claimPrefix = "KLM";

/** Returns an integer in [0, max); injectable so tests can force collisions. */
export type RandomInt = (max: number) => number;

/** A new reference such as "DFT-4KQ7MZ". */
export function createReference(prefix: string, random: RandomInt = randomInt): string {
  let body = "";
  for (let i = 0; i < referenceLength; i++) body += referenceAlphabet[random(referenceAlphabet.length)];
  return `${prefix}-${body}`;
}

/** "nomor: DFT - 4KQ - 7MZ" is short; longer text is no reference and is not read. */
const maxInput = 40;

/**
 * Reads a reference as people type or dictate it: "dft 4kq7mz", "DFT4KQ7MZ", "dft-4kq-7mz", "klm: 7hq3xa".
 * Case, spaces, dashes and colons are forgiven; a character outside the alphabet means it is not one.
 */
export function parseReference(text: string, prefix: string): string | undefined {
  if (text.length > maxInput) return undefined;
  const compact = text.toUpperCase().replace(/[\s\-_.:]/g, "");
  if (!compact.startsWith(prefix)) return undefined;
  const body = compact.slice(prefix.length);
  if (body.length !== referenceLength) return undefined;
  for (const char of body) if (!referenceAlphabet.includes(char)) return undefined;
  return `${prefix}-${body}`;
}

/** True when the text is a registration or claim reference and nothing else ("DFT-KQMZAB"). */
export function isReferenceText(text: string): boolean {
  return (
    parseReference(text, registrationPrefix) !== undefined || parseReference(text, claimPrefix) !== undefined
  );
}
