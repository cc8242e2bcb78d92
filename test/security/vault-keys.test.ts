/**
 * Key ids are fingerprints of the keys, several keys open at once, and development keys live
 * outside DATA_DIR (issue 12: key id hard-coded "k1"; dev keys beside the data).
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isAppError } from "../../src/core/errors";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault, toKeyId, toVaultKeys } from "../../src/security/vault";
import { loadVaultKeys, toDevKeysFile } from "../../src/security/vault-keys";
import { decryptFile, encryptFile, deriveFileKey } from "../../src/storage/files/disk-file.store";

const [keyA, keyB, hashA, hashB] = [0, 1, 2, 3].map(() => randomBytes(32));

describe("vault keys", () => {
  it("names each cipher text by a fingerprint of its key, never by a fixed id", () => {
    const vault = createVault(toVaultKeys({ encryptionKey: keyA!, hashKey: hashA! }));
    const sealed = vault.seal("1571080703800001");
    expect(sealed.cipher.split(":")[0]).toBe(toKeyId(keyA!));
    expect(toKeyId(keyA!)).toMatch(/^[0-9a-f]{12}$/);
    expect(toKeyId(keyA!)).not.toBe(toKeyId(keyB!));
  });

  it("opens values sealed under the previous key after a key change, and seals with the new one", () => {
    const before = createVault(toVaultKeys({ encryptionKey: keyA!, hashKey: hashA! }));
    const sealed = before.seal("1571080703800001");
    const after = createVault(
      toVaultKeys({
        encryptionKey: keyB!,
        previousEncryptionKeys: [keyA!],
        hashKey: hashB!,
        previousHashKeys: [hashA!],
      }),
    );
    expect(after.open(sealed)).toBe("1571080703800001");
    expect(after.seal("x").cipher.startsWith(`${toKeyId(keyB!)}:`)).toBe(true);
    expect(after.hashes("1571 0807 0380 0001")).toEqual([after.hash("1571080703800001"), sealed.hash]);
  });

  it('opens values sealed as "k1" by older versions with whichever configured key fits', () => {
    const legacy = createVault({ current: "k1", keys: { k1: keyA! }, hashKey: hashA! });
    const sealed = legacy.seal("1571080703800001");
    const now = createVault(
      toVaultKeys({ encryptionKey: keyB!, previousEncryptionKeys: [keyA!], hashKey: hashA! }),
    );
    expect(now.open(sealed)).toBe("1571080703800001");
  });

  it("refuses clearly when no configured key opens a value", () => {
    const sealed = createVault(toVaultKeys({ encryptionKey: keyA!, hashKey: hashA! })).seal("x");
    const other = createVault(toVaultKeys({ encryptionKey: keyB!, hashKey: hashA! }));
    let error: unknown;
    try {
      other.open(sealed);
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error, "STATE_CORRUPT")).toBe(true);
  });

  it("opens documents encrypted under an older key id with any configured key", () => {
    const file = encryptFile(new Uint8Array([1, 2, 3]), "k1", deriveFileKey(keyA!));
    const keys = { [toKeyId(keyB!)]: deriveFileKey(keyB!), [toKeyId(keyA!)]: deriveFileKey(keyA!) };
    expect([...decryptFile(file, keys)]).toEqual([1, 2, 3]);
  });
});

describe("development keys", () => {
  const temp = () => mkdtempSync(path.join(os.tmpdir(), "jamsos-keys-"));

  it("live in the user's config folder by default, not in DATA_DIR", () => {
    expect(toDevKeysFile({ XDG_CONFIG_HOME: "/home/ani/.config" })).toBe(
      "/home/ani/.config/jamsos-bot/dev-keys.json",
    );
    expect(toDevKeysFile({})).toBe(path.join(os.homedir(), ".config", "jamsos-bot", "dev-keys.json"));
    expect(toDevKeysFile({ DEV_KEYS_FILE: "keys/dev.json" })).toBe(path.resolve("keys/dev.json"));
  });

  it("are generated once outside the data folder (mode 600) and kept across restarts", () => {
    const [config, data] = [temp(), temp()];
    const devKeysFile = path.join(config, "jamsos-bot", "dev-keys.json");
    const first = loadVaultKeys({ devKeysFile, dataDir: data, logger: silentLogger });
    const second = loadVaultKeys({ devKeysFile, dataDir: data, logger: silentLogger });
    expect(second.current).toBe(first.current);
    expect(statSync(devKeysFile).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(data, "dev-keys.json"))).toBe(false);
  });

  it("are moved out of DATA_DIR when an older version left them there", () => {
    const [config, data] = [temp(), temp()];
    const legacy = { encryptionKey: keyA!.toString("hex"), hashKey: hashA!.toString("hex") };
    writeFileSync(path.join(data, "dev-keys.json"), JSON.stringify(legacy));
    const devKeysFile = path.join(config, "dev-keys.json");
    const keys = loadVaultKeys({ devKeysFile, dataDir: data, logger: silentLogger });
    expect(keys.current).toBe(toKeyId(keyA!));
    expect(existsSync(path.join(data, "dev-keys.json"))).toBe(false);
    expect(JSON.parse(readFileSync(devKeysFile, "utf8"))).toEqual(legacy);
  });

  it("are not used when keys are configured", () => {
    const [config, data] = [temp(), temp()];
    const devKeysFile = path.join(config, "dev-keys.json");
    const keys = loadVaultKeys({
      encryptionKey: keyA!.toString("hex"),
      hashKey: hashA!.toString("base64"),
      previousEncryptionKeys: [keyB!.toString("hex")],
      devKeysFile,
      dataDir: data,
      logger: silentLogger,
    });
    expect(Object.keys(keys.keys)).toEqual([toKeyId(keyA!), toKeyId(keyB!)]);
    expect(existsSync(devKeysFile)).toBe(false);
  });
});
