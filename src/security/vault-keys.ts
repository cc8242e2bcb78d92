/**
 * Where the vault's keys come from: ENCRYPTION_KEY and HASH_KEY in production; in development,
 * when they are not set, keys generated once into DATA_DIR/dev-keys.json (mode 600) with a warning,
 * so the embedded default keeps working across restarts.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "../core/ports";
import { parseKey, type VaultKeys } from "./vault";

export function loadVaultKeys(options: {
  encryptionKey?: string | undefined;
  hashKey?: string | undefined;
  dataDir: string;
  logger: Logger;
}): VaultKeys {
  if (options.encryptionKey && options.hashKey) {
    return {
      current: "k1",
      keys: { k1: parseKey(options.encryptionKey) },
      hashKey: parseKey(options.hashKey),
    };
  }
  const file = path.join(options.dataDir, "dev-keys.json");
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    const generated = {
      encryptionKey: randomBytes(32).toString("hex"),
      hashKey: randomBytes(32).toString("hex"),
    };
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  options.logger.warn(
    { file },
    "ENCRYPTION_KEY/HASH_KEY not set: using development keys from the data folder (never do this in production)",
  );
  const stored = JSON.parse(readFileSync(file, "utf8")) as { encryptionKey: string; hashKey: string };
  return { current: "k1", keys: { k1: parseKey(stored.encryptionKey) }, hashKey: parseKey(stored.hashKey) };
}
