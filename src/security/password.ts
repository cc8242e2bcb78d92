/**
 * Console passwords: scrypt, a memory-hard KDF built into Node (RFC 7914), with a random salt.
 * The stored string names its parameters, so they can be raised later and old hashes still verify:
 * "scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>". Default N=2^15, r=8, p=3 (32 MiB), one of
 * OWASP's recommended scrypt settings.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

export type ScryptCost = { log2N: number; r: number; p: number };

export const defaultScryptCost: ScryptCost = { log2N: 15, r: 8, p: 3 };
const keyLength = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, cost: ScryptCost = defaultScryptCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ["scrypt", cost.log2N, cost.r, cost.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const cost = { log2N: Number(log2N), r: Number(r), p: Number(p) };
  if (![cost.log2N, cost.r, cost.p].every((n) => Number.isInteger(n) && n > 0) || cost.log2N > 20)
    return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A password staff may set: 10–200 characters, not all one kind of character. */
export function checkPasswordStrength(password: string): "ok" | "tooShort" | "tooLong" | "tooSimple" {
  if (password.length < 10) return "tooShort";
  if (password.length > 200) return "tooLong";
  return new Set(password).size < 5 ? "tooSimple" : "ok";
}
