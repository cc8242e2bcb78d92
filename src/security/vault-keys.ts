/**
 * Where the vault's keys come from. Configured: ENCRYPTION_KEY and HASH_KEY (checked by
 * config.ts: both or neither, strong, all different), plus PREVIOUS_* during a rotation.
 * Development without them: keys generated once into a file outside DATA_DIR (the user's config
 * folder, mode 600), so a copied or shared data folder never carries its own keys; a key file
 * left in DATA_DIR by an older version is moved there.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Config } from "../config";
import type { Logger } from "../core/ports";
import { parseKey, toVaultKeys, type VaultKeys } from "./vault";

export type KeySources = {
  encryptionKey?: string | undefined;
  hashKey?: string | undefined;
  previousEncryptionKeys?: readonly string[];
  previousHashKeys?: readonly string[];
  /** Development keys file (outside DATA_DIR). */
  devKeysFile: string;
  /** DATA_DIR: where older versions kept dev-keys.json. */
  dataDir: string;
  logger: Logger;
};

/** DEV_KEYS_FILE, else $XDG_CONFIG_HOME/jamsos-bot/dev-keys.json, else ~/.config/jamsos-bot/dev-keys.json. */
export function toDevKeysFile(config: {
  DEV_KEYS_FILE?: string | undefined;
  XDG_CONFIG_HOME?: string | undefined;
}) {
  if (config.DEV_KEYS_FILE) return path.resolve(config.DEV_KEYS_FILE);
  const base = config.XDG_CONFIG_HOME ?? path.join(os.homedir(), ".config");
  return path.join(base, "jamsos-bot", "dev-keys.json");
}

type DevKeys = { encryptionKey: string; hashKey: string };

function moveLegacyKeys(file: string, dataDir: string, logger: Logger): void {
  const legacy = path.join(dataDir, "dev-keys.json");
  if (!existsSync(legacy) || existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    renameSync(legacy, file);
  } catch {
    // Another file system: copy, then remove.
    writeFileSync(file, readFileSync(legacy), { mode: 0o600 });
    rmSync(legacy);
  }
  chmodSync(file, 0o600);
  logger.warn({ file }, "development keys moved out of the data folder");
}

function readDevKeys(file: string): DevKeys {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const generated: DevKeys = {
      encryptionKey: randomBytes(32).toString("hex"),
      hashKey: randomBytes(32).toString("hex"),
    };
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: "wx" });
  }
  return JSON.parse(readFileSync(file, "utf8")) as DevKeys;
}

export function loadVaultKeys(sources: KeySources): VaultKeys {
  if (sources.encryptionKey && sources.hashKey)
    return toVaultKeys({
      encryptionKey: parseKey(sources.encryptionKey),
      previousEncryptionKeys: (sources.previousEncryptionKeys ?? []).map(parseKey),
      hashKey: parseKey(sources.hashKey),
      previousHashKeys: (sources.previousHashKeys ?? []).map(parseKey),
    });
  moveLegacyKeys(sources.devKeysFile, sources.dataDir, sources.logger);
  const stored = readDevKeys(sources.devKeysFile);
  sources.logger.warn(
    { file: sources.devKeysFile },
    "ENCRYPTION_KEY/HASH_KEY not set: using development keys (never in production; README, Security)",
  );
  return toVaultKeys({ encryptionKey: parseKey(stored.encryptionKey), hashKey: parseKey(stored.hashKey) });
}

type KeyConfig = Pick<
  Config,
  "ENCRYPTION_KEY" | "HASH_KEY" | "PREVIOUS_ENCRYPTION_KEYS" | "PREVIOUS_HASH_KEYS" | "DATA_DIR"
> &
  Parameters<typeof toDevKeysFile>[0];

/** The vault keys the configuration names (or the development keys): the bot and every CLI alike. */
export function toConfiguredKeys(config: KeyConfig, logger: Logger): VaultKeys {
  return loadVaultKeys({
    encryptionKey: config.ENCRYPTION_KEY,
    hashKey: config.HASH_KEY,
    previousEncryptionKeys: config.PREVIOUS_ENCRYPTION_KEYS,
    previousHashKeys: config.PREVIOUS_HASH_KEYS,
    devKeysFile: toDevKeysFile(config),
    dataDir: config.DATA_DIR,
    logger,
  });
}
