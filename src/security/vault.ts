/**
 * AES-256-GCM encryption and HMAC-SHA256 keyed hashes for identifiers (DESIGN §4).
 * Keys come from configuration (32 bytes, base64 or hex); each cipher text names its key id,
 * so keys can be rotated: add a new key as current and keep the old ones for opening.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { AppError } from "../core/errors";
import type { PersonalDataVault, Sealed } from "../core/vault.port";

export type VaultKeys = {
  current: string;
  keys: Record<string, Buffer>;
  hashKey: Buffer;
  /** Hash keys of before a rotation, still used for lookups until every record is re-hashed. */
  previousHashKeys?: readonly Buffer[];
};

/** Parses a 32-byte key given as 64 hex characters or base64. */
export function parseKey(value: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32)
    throw new AppError("CONFIG_INVALID", "An encryption key must be 32 bytes (64 hex characters or base64)");
  return key;
}

/** Digits only for numeric identifiers, so "1571 0212-34" and "157102 1234" hash alike. */
const normalise = (value: string) => (/^[\d\s.-]+$/.test(value) ? value.replace(/\D/g, "") : value.trim());

export function createVault(keys: VaultKeys): PersonalDataVault {
  const currentKey = keys.keys[keys.current];
  if (!currentKey) throw new AppError("CONFIG_INVALID", `Encryption key "${keys.current}" is missing`);
  const hashWith = (key: Buffer, value: string) =>
    createHmac("sha256", key).update(normalise(value)).digest("hex");
  const hash = (value: string) => hashWith(keys.hashKey, value);
  const hashKeys = [keys.hashKey, ...(keys.previousHashKeys ?? [])];
  return {
    hash,
    hashes: (value) => hashKeys.map((key) => hashWith(key, value)),
    seal(value: string): Sealed {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", currentKey, iv);
      const encrypted = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
      const payload = Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString("base64");
      return { cipher: `${keys.current}:${payload}`, hash: hash(value) };
    },
    open({ cipher }) {
      const [keyId, payload] = cipher.split(":");
      const key = keyId ? keys.keys[keyId] : undefined;
      if (!key || !payload)
        throw new AppError("STATE_CORRUPT", "Sealed value has an unknown key id", { keyId });
      const raw = Buffer.from(payload, "base64");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}
