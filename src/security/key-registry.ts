/**
 * Which keys the stored data depends on. Every key the bot seals or hashes with is recorded (by
 * fingerprint) in `vault_keys`; at start-up a key recorded there that is no longer configured, or
 * a stored NIK the configured keys cannot open or re-hash, stops the bot with what to do, instead
 * of "data saya" apologising forever and the same NIK registering twice after a key change.
 * `npm run keys -- rotate` retires a key once nothing depends on it.
 */
import type { CollectionSpec, DocumentStore } from "../core/document-store.port";
import type { PersonalDataVault } from "../core/vault.port";
import { peopleCollection } from "../storage/repositories/people.repository";
import { toKeyId, type VaultKeys } from "./vault";

export const vaultKeysCollection: CollectionSpec = { name: "vault_keys", indexes: [] };

export type KeyKind = "encryption" | "hash";
type KeyRecord = { _id: string; kind: KeyKind; firstUsedAt: Date; retiredAt?: Date };

/** Fingerprints of every configured key, current first. */
export function toKeyIds(keys: VaultKeys): Record<KeyKind, string[]> {
  const others = Object.keys(keys.keys).filter((id) => id !== keys.current);
  return {
    encryption: [keys.current, ...others],
    hash: [keys.hashKey, ...(keys.previousHashKeys ?? [])].map(toKeyId),
  };
}

const isRealHash = (hash: string) => /^[0-9a-f]{64}$/.test(hash);

/** One stored NIK must open with the configured keys and hash to one of their hashes. */
async function checkSample(store: DocumentStore, vault: PersonalDataVault): Promise<string[]> {
  const people = store.collection<{ _id: string; nik: { cipher: string; hash: string } }>(peopleCollection);
  const sample = await people.findOne({ "nik.cipher": { $ne: "" } });
  if (!sample) return [];
  let nik: string;
  try {
    nik = vault.open(sample.nik);
  } catch {
    return [
      "stored NIKs do not open with ENCRYPTION_KEY or PREVIOUS_ENCRYPTION_KEYS: configure the key they were sealed with (as PREVIOUS_ENCRYPTION_KEYS during a rotation)",
    ];
  }
  if (isRealHash(sample.nik.hash) && !vault.hashes(nik).includes(sample.nik.hash))
    return [
      "stored NIK hashes were made with another HASH_KEY: configure it (as PREVIOUS_HASH_KEYS during a rotation), or registrations would no longer find duplicates",
    ];
  return [];
}

/**
 * What stops start-up: keys the stored data depends on that are not configured. When all is
 * well, the configured current keys are recorded (once).
 */
export async function verifyVaultKeys(deps: {
  store: DocumentStore;
  keys: VaultKeys;
  vault: PersonalDataVault;
  now: Date;
}): Promise<string[]> {
  const records = deps.store.collection<KeyRecord>(vaultKeysCollection);
  const configured = toKeyIds(deps.keys);
  const live = await records.find({ retiredAt: { $exists: false } });
  const problems = live
    .filter((record) => !configured[record.kind].includes(record._id))
    .map(
      (record) =>
        `stored data depends on the ${record.kind} key ${record._id} (first used ${record.firstUsedAt.toISOString().slice(0, 10)}), which is not configured: put it back, or list it in ${record.kind === "encryption" ? "PREVIOUS_ENCRYPTION_KEYS" : "PREVIOUS_HASH_KEYS"} and run \`npm run keys -- rotate\``,
    );
  problems.push(...(await checkSample(deps.store, deps.vault)));
  if (problems.length > 0) return problems;
  await recordKeys(deps.store, deps.keys, deps.now);
  return [];
}

/** Records every configured key as one the stored data may depend on (once per key). */
export async function recordKeys(store: DocumentStore, keys: VaultKeys, now: Date): Promise<void> {
  const records = store.collection<KeyRecord>(vaultKeysCollection);
  for (const [kind, ids] of Object.entries(toKeyIds(keys)) as Array<[KeyKind, string[]]>)
    for (const id of ids) await records.insert({ _id: id, kind, firstUsedAt: now });
}

/** Marks keys nothing depends on any more (after a finished rotation). */
export async function retireKeys(store: DocumentStore, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  const records = store.collection<KeyRecord>(vaultKeysCollection);
  await records.update({ _id: { $in: [...ids] } }, { $set: { retiredAt: now } }, { multi: true });
}

/** Keys recorded and not retired, for `npm run keys -- status`. */
export async function listLiveKeys(store: DocumentStore): Promise<Array<{ id: string; kind: KeyKind }>> {
  const records = store.collection<KeyRecord>(vaultKeysCollection);
  return (await records.find({ retiredAt: { $exists: false } })).map((r) => ({ id: r._id, kind: r.kind }));
}
