/**
 * Bringing stored secrets to the current keys: every sealed value (`{ cipher, hash }`, anywhere
 * in a document) is re-encrypted under the current encryption key and re-hashed with the current
 * hash key; placeholder hashes ("deleted:…", "review:…") and emptied ciphers are left alone.
 * Documents on disk are re-encrypted the same way. Used by `npm run keys -- rotate` and `status`.
 */
import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PersonalDataVault } from "../core/vault.port";
import { decryptFile, encryptFile, toFileKeyId, type FileKeys } from "../storage/files/disk-file.store";
import { toCipherKeyId } from "./vault";

type Sealedish = { cipher: string; hash: string };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const isSealed = (value: Record<string, unknown>): value is Record<string, unknown> & Sealedish =>
  typeof value.cipher === "string" && typeof value.hash === "string";
/** A keyed hash (hex HMAC-SHA256), not a placeholder. */
export const isRealHash = (hash: string): boolean => /^[0-9a-f]{64}$/.test(hash);

/** Whether a sealed value is under the current keys: its cipher names the current key, its hash is current. */
export function isCurrent(sealed: Sealedish, vault: PersonalDataVault, currentKeyId: string): boolean {
  if (sealed.cipher === "") return true;
  if (toCipherKeyId(sealed.cipher) !== currentKeyId) return false;
  return !isRealHash(sealed.hash) || vault.hash(vault.open(sealed)) === sealed.hash;
}

function resealOne<T extends Sealedish>(sealed: T, vault: PersonalDataVault, currentKeyId: string): T {
  if (isCurrent(sealed, vault, currentKeyId)) return sealed;
  const clear = vault.open(sealed);
  const cipher = toCipherKeyId(sealed.cipher) === currentKeyId ? sealed.cipher : vault.seal(clear).cipher;
  return { ...sealed, cipher, hash: isRealHash(sealed.hash) ? vault.hash(clear) : sealed.hash };
}

/** A copy of `value` with every sealed value under the current keys, and how many were changed. */
export function resealDocument<T>(
  value: T,
  vault: PersonalDataVault,
  currentKeyId: string,
): { value: T; changed: number } {
  let changed = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isPlainObject(node)) return node;
    if (isSealed(node)) {
      const next = resealOne(node, vault, currentKeyId);
      if (next !== node) changed += 1;
      return next;
    }
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item)]));
  };
  const result = walk(value) as T;
  return { value: changed > 0 ? result : value, changed };
}

/** How many sealed values in `value` are not under the current keys, by the key id they name. */
export function countStale(
  value: unknown,
  vault: PersonalDataVault,
  currentKeyId: string,
): Map<string, number> {
  const stale = new Map<string, number>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isPlainObject(node)) return;
    if (isSealed(node)) {
      if (!isCurrent(node, vault, currentKeyId)) {
        const id = toCipherKeyId(node.cipher) === currentKeyId ? "old hash key" : toCipherKeyId(node.cipher);
        stale.set(id, (stale.get(id) ?? 0) + 1);
      }
      return;
    }
    Object.values(node).forEach(walk);
  };
  walk(value);
  return stale;
}

async function listEncryptedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".enc"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Re-encrypts (or, with `dryRun`, counts) the documents under `dir` not under the current key. */
export async function resealFiles(
  dir: string,
  keys: FileKeys,
  options: { dryRun?: boolean } = {},
): Promise<{ files: number; stale: number }> {
  const files = await listEncryptedFiles(dir);
  const key = keys.keys[keys.current];
  let stale = 0;
  for (const file of files) {
    const data = await readFile(file);
    if (toFileKeyId(data) === keys.current) continue;
    stale += 1;
    if (options.dryRun || !key) continue;
    const temporary = `${file}.rotating`;
    await writeFile(temporary, encryptFile(decryptFile(data, keys.keys), keys.current, key), { mode: 0o600 });
    await rename(temporary, file);
  }
  return { files: files.length, stale: options.dryRun ? stale : 0 };
}
