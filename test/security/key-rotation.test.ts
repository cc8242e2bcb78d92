/**
 * Changing keys loses nothing (issue 12: after a key change "data saya" apologised forever and the
 * same NIK registered twice): old keys stay readable as PREVIOUS_*, start-up refuses keys that do
 * not fit the stored data, and `npm run keys -- rotate` re-seals and re-hashes everything in
 * resumable batches, re-encrypts the documents and retires the old keys.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkConfiguredKeys } from "../../src/app-from-config";
import { isAppError } from "../../src/core/errors";
import type { DocumentStore } from "../../src/core/document-store.port";
import { keyStatus, rotateKeys } from "../../src/security/key-rotation";
import { createVault, toKeyId, toVaultKeys, type VaultKeys } from "../../src/security/vault";
import { createDiskFileStore, toFileKeyId, toFileKeys } from "../../src/storage/files/disk-file.store";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { headNik, registerRtHead } from "../support/registration-script";
import { createTestChat } from "../support/test-chat";
import { listLiveKeys } from "../../src/security/key-registry";

const [keyA, keyB, hashA, hashB] = [0, 1, 2, 3].map(() => randomBytes(32)) as [
  Buffer,
  Buffer,
  Buffer,
  Buffer,
];
const oldKeys = toVaultKeys({ encryptionKey: keyA, hashKey: hashA });
const rotating = toVaultKeys({
  encryptionKey: keyB,
  previousEncryptionKeys: [keyA],
  hashKey: hashB,
  previousHashKeys: [hashA],
});
const newKeys = toVaultKeys({ encryptionKey: keyB, hashKey: hashB });
const now = new Date("2026-03-02T02:00:00Z");

/** A store with an RT head registered, a registration half-way (sealed NIK in the session) and a claim. */
async function storeSealedUnder(keys: VaultKeys) {
  const store = createMemoryDocumentStore();
  const chat = createTestChat({ store, vaultKeys: keys });
  await registerRtHead(chat);
  chat.as({ userId: "half-way" });
  for (const line of ["daftar", "ya", "1", "Siti Aminah", "1571084512900002"]) await chat.says(line);
  const vault = createVault(keys);
  await store
    .collection<{ _id: string } & Record<string, unknown>>({ name: "claims", indexes: [] })
    .insert({ _id: "claim-1", version: 1, heir: { name: "Ani", nik: vault.seal("1571084512900009") } });
  await checkConfiguredKeys({ store } as never, keys, now);
  return store;
}

function rawSecrets(store: DocumentStore) {
  const all: string[] = [];
  for (const name of ["people", "sessions", "claims"])
    all.push(
      JSON.stringify((store.collection({ name, indexes: [] }) as unknown as { docs?: unknown }).docs ?? ""),
    );
  return all;
}
void rawSecrets;

async function startRefusal(store: DocumentStore, keys: VaultKeys): Promise<string | undefined> {
  try {
    await checkConfiguredKeys({ store } as never, keys, now);
    return undefined;
  } catch (error) {
    if (!isAppError(error, "CONFIG_INVALID")) throw error;
    return error.message;
  }
}

describe("changing keys", () => {
  it("keeps data saya working and the NIK unique when the old keys are listed as previous", async () => {
    const store = await storeSealedUnder(oldKeys);
    const chat = createTestChat({ store, vaultKeys: rotating, messageIdPrefix: "after-" });
    await chat.says("data saya");
    expect(chat.keys()).toEqual(["myData:view", "registration:status.pending", "myData:home.prompt"]);
    expect(chat.texts()[0]).toContain("1571********0001");
    chat.as({ userId: "someone-else" });
    for (const line of ["daftar", "ya", "1", "Orang Lain", headNik]) await chat.says(line);
    const found = await chat.app.services.people.findByNikHash(chat.app.services.vault.hashes(headNik));
    expect(found?.name).toBe("Budi Santoso");
  });

  it("refuses to start with new keys alone while the data depends on the old ones, saying what to do", async () => {
    const store = await storeSealedUnder(oldKeys);
    const message = await startRefusal(store, newKeys);
    expect(message).toContain(`encryption key ${toKeyId(keyA)}`);
    expect(message).toContain("PREVIOUS_ENCRYPTION_KEYS");
    expect(message).toContain(`hash key ${toKeyId(hashA)}`);
    expect(await startRefusal(store, rotating)).toBeUndefined();
  });

  it("refuses a changed key even where no key was recorded yet (data from before fingerprints)", async () => {
    const store = createMemoryDocumentStore();
    await registerRtHead(
      createTestChat({ store, vaultKeys: { current: "k1", keys: { k1: keyA }, hashKey: hashA } }),
    );
    expect(await startRefusal(store, newKeys)).toContain("do not open");
    expect(await startRefusal(store, toVaultKeys({ encryptionKey: keyA, hashKey: hashB }))).toContain(
      "HASH_KEY",
    );
    expect(
      await startRefusal(
        store,
        toVaultKeys({ encryptionKey: keyB, previousEncryptionKeys: [keyA], hashKey: hashA }),
      ),
    ).toBeUndefined();
  });
});

describe("npm run keys -- rotate", () => {
  it("re-seals and re-hashes people, sessions and claims and re-encrypts documents, then retires the old keys", async () => {
    const store = await storeSealedUnder(oldKeys);
    const dir = mkdtempSync(path.join(os.tmpdir(), "jamsos-docs-"));
    await createDiskFileStore({ dir, keys: toFileKeys(oldKeys) }).put(new Uint8Array([1, 2, 3]), {
      extension: "jpg",
    });
    const vault = createVault(rotating);
    const files = { dir, keys: toFileKeys(rotating) };
    // The RT head's NIK, the half-way session's NIK, the claim's heir NIK and the document.
    expect((await keyStatus({ store, vault, keys: rotating, files })).stale).toBe(4);

    const report = await rotateKeys({ store, vault, keys: rotating, files, now: () => now });
    expect(report).toMatchObject({ finished: true, skipped: 0, unreadable: 0, files: 1 });
    expect(report.retired).toEqual([toKeyId(keyA), toKeyId(hashA)]);
    expect((await keyStatus({ store, vault, keys: rotating, files })).stale).toBe(0);
    const [month] = readdirSync(dir);
    const [file] = readdirSync(path.join(dir, month!));
    expect(toFileKeyId(readFileSync(path.join(dir, month!, file!)))).toBe(toKeyId(keyB));
    expect((await listLiveKeys(store)).map((k) => k.id).sort()).toEqual(
      [toKeyId(keyB), toKeyId(hashB)].sort(),
    );

    expect(await startRefusal(store, newKeys)).toBeUndefined();
    const chat = createTestChat({ store, vaultKeys: newKeys, messageIdPrefix: "after-" });
    await chat.says("data saya");
    expect(chat.keys()[0]).toBe("myData:view");
    chat.as({ userId: "half-way" });
    for (const line of ["ya", "ya"]) await chat.says(line);
    expect((await chat.session())?.flow?.step).toBe("phone");
    expect(
      await chat.app.services.people.findByNikHash(chat.app.services.vault.hash(headNik)),
    ).not.toBeNull();
  });

  it("resumes where a stopped run ended, and a second run changes nothing", async () => {
    const store = await storeSealedUnder(oldKeys);
    const vault = createVault(rotating);
    const first = await rotateKeys({
      store,
      vault,
      keys: rotating,
      now: () => now,
      batchSize: 1,
      maxBatches: 1,
    });
    expect(first.finished).toBe(false);
    const left = (await keyStatus({ store, vault, keys: rotating })).stale;
    expect(left).toBeGreaterThan(0);
    const second = await rotateKeys({ store, vault, keys: rotating, now: () => now, batchSize: 1 });
    expect(second.finished).toBe(true);
    expect(first.resealed + second.resealed).toBeGreaterThanOrEqual(left);
    expect((await keyStatus({ store, vault, keys: rotating })).stale).toBe(0);
    const third = await rotateKeys({ store, vault, keys: rotating, now: () => now });
    expect(third.resealed).toBe(0);
  });
});
