/**
 * Key configurations that would expose or lose data stop start-up, naming the variable (issue 12:
 * production accepted all-zero or identical keys; a lone ENCRYPTION_KEY fell back to the
 * development keys in silence; MONGODB_URI without NODE_ENV=production used development keys).
 */
import { randomBytes } from "node:crypto";
import { loadConfig } from "../../src/config";
import { isAppError } from "../../src/core/errors";

const key = () => randomBytes(32).toString("hex");
const [encryptionKey, hashKey] = [key(), key()];
const production = { NODE_ENV: "production", MONGODB_URI: "mongodb://db:27017/jamsos" };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!isAppError(error, "CONFIG_INVALID")) throw error;
    return error.message
      .split("\n")
      .slice(1)
      .map((line) => line.trim());
  }
}

describe("encryption and hash keys", () => {
  it("accepts two different random keys, in hex or base64", () => {
    expect(problems({ ...production, ENCRYPTION_KEY: encryptionKey, HASH_KEY: hashKey })).toEqual([]);
    const base64 = randomBytes(32).toString("base64");
    expect(problems({ ...production, ENCRYPTION_KEY: base64, HASH_KEY: hashKey })).toEqual([]);
  });

  it.each([
    ["all zeros", "0".repeat(64)],
    ["one repeated character", "a".repeat(64)],
    ["a repeated pattern", "deadbeef".repeat(8)],
    ["a base64 run of one letter", `${"A".repeat(43)}=`],
  ])("refuses a weak key (%s)", (_what, weak) => {
    expect(problems({ ...production, ENCRYPTION_KEY: weak, HASH_KEY: hashKey })).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY: too weak/),
    ]);
    expect(problems({ ...production, ENCRYPTION_KEY: encryptionKey, HASH_KEY: weak })).toEqual([
      expect.stringMatching(/^HASH_KEY: too weak/),
    ]);
  });

  it.each([
    ["too short", key().slice(0, 62)],
    ["not hex or base64", `${key().slice(0, 60)}zzzz`],
    ["a passphrase", "correct horse battery staple"],
  ])("refuses a key that is not 32 bytes (%s)", (_what, bad) => {
    expect(problems({ ...production, ENCRYPTION_KEY: bad, HASH_KEY: hashKey })).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY: expected 32 bytes/),
    ]);
  });

  it("refuses the same key twice, also in another spelling or among the previous keys", () => {
    expect(problems({ ...production, ENCRYPTION_KEY: encryptionKey, HASH_KEY: encryptionKey })).toEqual([
      "HASH_KEY: the same key as ENCRYPTION_KEY; every key must differ",
    ]);
    const sameInBase64 = Buffer.from(encryptionKey, "hex").toString("base64");
    expect(problems({ ...production, ENCRYPTION_KEY: encryptionKey, HASH_KEY: sameInBase64 })).toHaveLength(
      1,
    );
    const env = { ...production, ENCRYPTION_KEY: encryptionKey, HASH_KEY: hashKey };
    expect(problems({ ...env, PREVIOUS_ENCRYPTION_KEYS: encryptionKey })).toEqual([
      "PREVIOUS_ENCRYPTION_KEYS: the same key as ENCRYPTION_KEY; every key must differ",
    ]);
  });

  it("refuses a lone ENCRYPTION_KEY or HASH_KEY in every environment instead of using development keys", () => {
    for (const env of [{}, production]) {
      expect(problems({ ...env, ENCRYPTION_KEY: encryptionKey })).toContain(
        "HASH_KEY: required together with ENCRYPTION_KEY",
      );
      expect(problems({ ...env, HASH_KEY: hashKey })).toContain(
        "ENCRYPTION_KEY: required together with HASH_KEY",
      );
    }
  });

  it("refuses any MONGODB_URI without real keys, in development too", () => {
    expect(problems({ MONGODB_URI: "mongodb://localhost:27017/jamsos" })).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY: required with MONGODB_URI/),
      expect.stringMatching(/^HASH_KEY: required with MONGODB_URI/),
    ]);
    expect(problems({ NODE_ENV: "production", MONGODB_URI: "mongodb://db/jamsos" })).toEqual([
      "ENCRYPTION_KEY: required when NODE_ENV=production",
      "HASH_KEY: required when NODE_ENV=production",
    ]);
  });

  it("refuses previous keys without a current one", () => {
    expect(problems({ PREVIOUS_HASH_KEYS: hashKey })).toEqual([
      "PREVIOUS_HASH_KEYS: needs HASH_KEY (the new key)",
    ]);
  });

  it("lets development run without keys (the development key file is used)", () => {
    expect(problems({})).toEqual([]);
  });
});
