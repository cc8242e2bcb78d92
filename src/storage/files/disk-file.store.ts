/**
 * Documents on disk under DATA_DIR/documents, each encrypted with AES-256-GCM under a key derived
 * (HKDF-SHA256) from the vault's encryption key, so a copied folder reveals nothing. A file is
 * "JSF1" | key id length | key id | iv (12) | tag (16) | ciphertext; altered files fail to open.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileStore } from "../../core/files.port";

const magic = Buffer.from("JSF1");

export type FileKeys = { current: string; keys: Record<string, Buffer> };

/** A per-purpose key from the vault key, so documents and identifiers never share one. */
export function deriveFileKey(vaultKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", vaultKey, Buffer.alloc(0), "jamsos-bot documents v1", 32));
}

export function encryptFile(bytes: Uint8Array, keyId: string, key: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const encrypted = Buffer.concat([cipher.update(bytes), cipher.final()]);
  const id = Buffer.from(keyId, "utf8");
  return Buffer.concat([magic, Buffer.from([id.length]), id, iv, cipher.getAuthTag(), encrypted]);
}

/** The key id an encrypted file names. */
export function toFileKeyId(data: Buffer): string {
  if (!data.subarray(0, 4).equals(magic)) throw new Error("Not an encrypted document file");
  return data.subarray(5, 5 + (data[4] ?? 0)).toString("utf8");
}

/**
 * Opens a file with the key it names; a file naming a key id that is not configured (sealed as
 * "k1" before key ids were fingerprints) is tried with every key, GCM telling the right one.
 */
export function decryptFile(data: Buffer, keys: Record<string, Buffer>): Uint8Array {
  const keyId = toFileKeyId(data);
  const start = 5 + (data[4] ?? 0);
  const named = Object.hasOwn(keys, keyId) ? keys[keyId] : undefined;
  for (const key of named ? [named] : Object.values(keys)) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(start, start + 12));
      decipher.setAuthTag(data.subarray(start + 12, start + 28));
      return new Uint8Array(Buffer.concat([decipher.update(data.subarray(start + 28)), decipher.final()]));
    } catch {
      // Not this key: try the next one.
    }
  }
  throw new Error(`Document opens with none of the configured keys (key id "${keyId}")`);
}

/** The file's name: from the idempotency key when it is a safe name, else random. */
const toFileName = (key: string | undefined) => (key && /^[\w-]{1,64}$/.test(key) ? key : randomUUID());

export function createDiskFileStore(options: { dir: string; keys: FileKeys }): FileStore {
  const key = options.keys.keys[options.keys.current];
  if (!key) throw new Error(`Document key "${options.keys.current}" is missing`);
  const toPath = (fileKey: string) => {
    if (!/^[\w-]+\/[\w-]+\.[a-z]+\.enc$/.test(fileKey)) throw new Error("Invalid file key");
    return path.join(options.dir, fileKey);
  };
  return {
    async put(bytes, { extension, key: effectKey }) {
      const month = new Date().toISOString().slice(0, 7);
      const fileKey = `${month}/${toFileName(effectKey)}.${extension.replace(/[^a-z]/g, "") || "bin"}.enc`;
      await mkdir(path.join(options.dir, month), { recursive: true, mode: 0o700 });
      await writeFile(toPath(fileKey), encryptFile(bytes, options.keys.current, key), { mode: 0o600 });
      return { key: fileKey, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
    },
    async get(fileKey) {
      return decryptFile(await readFile(toPath(fileKey)), options.keys.keys);
    },
    async remove(fileKey) {
      await rm(toPath(fileKey), { force: true });
    },
    locate: (fileKey) => path.resolve(toPath(fileKey)),
  };
}

/** Document keys derived from every vault key, so documents sealed under an old key still open. */
export function toFileKeys(vault: { current: string; keys: Record<string, Buffer> }): FileKeys {
  return {
    current: vault.current,
    keys: Object.fromEntries(Object.entries(vault.keys).map(([id, key]) => [id, deriveFileKey(key)])),
  };
}
