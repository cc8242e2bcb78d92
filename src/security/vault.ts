/**
 * AES-256-GCM encryption and HMAC-SHA256 keyed hashes for identifiers (DESIGN §4).
 * Each cipher text starts with the id of its key, a fingerprint of the key itself ("3f9a…:…"), so
 * several keys can be read at once: during a rotation the new key seals, the old ones still open,
 * and `npm run keys -- rotate` re-seals. Values sealed before key ids were fingerprints ("k1:") or
 * under an id that is not configured are tried with every key (GCM tells the right one).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { AppError } from "../core/errors";
import type { PersonalDataVault, Sealed } from "../core/vault.port";
import { toKeyBytes } from "./key-checks";

export type VaultKeys = {
  /** Id of the key that seals. */
  current: string;
  /** Every key that may open, by id (the current one and those of before a rotation). */
  keys: Record<string, Buffer>;
  hashKey: Buffer;
  /** Hash keys of before a rotation, still used for lookups until every record is re-hashed. */
  previousHashKeys?: readonly Buffer[];
};

/** Parses a 32-byte key given as 64 hex characters or base64. */
export function parseKey(value: string): Buffer {
  const key = toKeyBytes(value);
  if (!key || key.length !== 32)
    throw new AppError("CONFIG_INVALID", "An encryption key must be 32 bytes (64 hex characters or base64)");
  return key;
}

/** A key's id: the first 12 hex characters of a SHA-256 of it (says which key, reveals nothing). */
export function toKeyId(key: Buffer): string {
  return createHash("sha256").update("jamsos-bot key id v1:").update(key).digest("hex").slice(0, 12);
}

/** Vault keys from one encryption key (sealing), older ones (opening only) and the hash keys. */
export function toVaultKeys(options: {
  encryptionKey: Buffer;
  previousEncryptionKeys?: readonly Buffer[];
  hashKey: Buffer;
  previousHashKeys?: readonly Buffer[];
}): VaultKeys {
  const all = [options.encryptionKey, ...(options.previousEncryptionKeys ?? [])];
  return {
    current: toKeyId(options.encryptionKey),
    keys: Object.fromEntries(all.map((key) => [toKeyId(key), key])),
    hashKey: options.hashKey,
    previousHashKeys: options.previousHashKeys ?? [],
  };
}

/** Digits only for numeric identifiers, so "1571 0212-34" and "157102 1234" hash alike. */
const normalise = (value: string) => (/^[\d\s.-]+$/.test(value) ? value.replace(/\D/g, "") : value.trim());

function decrypt(key: Buffer, raw: Buffer): string {
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** The id a cipher text names ("" when it has none). */
export const toCipherKeyId = (cipher: string): string =>
  cipher.includes(":") ? (cipher.split(":")[0] ?? "") : "";

export function createVault(keys: VaultKeys): PersonalDataVault {
  const currentKey = keys.keys[keys.current];
  if (!currentKey) throw new AppError("CONFIG_INVALID", `Encryption key "${keys.current}" is missing`);
  const hashWith = (key: Buffer, value: string) =>
    createHmac("sha256", key).update(normalise(value)).digest("hex");
  const hash = (value: string) => hashWith(keys.hashKey, value);
  const hashKeys = [keys.hashKey, ...(keys.previousHashKeys ?? [])];
  const allKeys = [
    currentKey,
    ...Object.entries(keys.keys).flatMap(([id, key]) => (id === keys.current ? [] : [key])),
  ];
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
      const keyId = toCipherKeyId(cipher);
      const payload = cipher.slice(keyId.length + 1);
      if (!keyId || !payload) throw new AppError("STATE_CORRUPT", "Sealed value has no key id");
      const raw = Buffer.from(payload, "base64");
      const named = Object.hasOwn(keys.keys, keyId) ? keys.keys[keyId] : undefined;
      for (const key of named ? [named] : allKeys) {
        try {
          return decrypt(key, raw);
        } catch {
          // Not this key (GCM authentication failed): try the next one.
        }
      }
      throw new AppError("STATE_CORRUPT", "Sealed value opens with none of the configured keys", { keyId });
    },
  };
}
