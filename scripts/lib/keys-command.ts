/**
 * The commands of `npm run keys`, over any storage (tests pass the memory store):
 * generate, status, rotate [--batch N]. See README, Security.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { toConfiguredKeys } from "../../src/security/vault-keys";
import type { Config } from "../../src/config";
import type { DocumentStore } from "../../src/core/document-store.port";
import type { Logger } from "../../src/core/ports";
import { listLiveKeys, toKeyIds } from "../../src/security/key-registry";
import { keyStatus, rotateKeys, type RotationDeps } from "../../src/security/key-rotation";
import { createVault } from "../../src/security/vault";
import { toFileKeys } from "../../src/storage/files/disk-file.store";

export type KeysCommandDeps = {
  config: Config;
  /** Needed by status and rotate; generate works without storage. */
  store?: DocumentStore;
  logger: Logger;
  print: (line: string) => void;
  now?: () => Date;
};

export const keysUsage = [
  "npm run keys -- generate               print two new random keys for ENCRYPTION_KEY and HASH_KEY",
  "npm run keys -- status                 what stored data still depends on old keys",
  "npm run keys -- rotate [--batch 200]   re-seal and re-hash everything under the current keys (resumable)",
].join("\n");

function toRotationDeps(deps: KeysCommandDeps, store: DocumentStore, batch: number): RotationDeps {
  const keys = toConfiguredKeys(deps.config, deps.logger);
  return {
    store,
    vault: createVault(keys),
    keys,
    files: { dir: path.join(deps.config.DATA_DIR, "documents"), keys: toFileKeys(keys) },
    now: deps.now ?? (() => new Date()),
    batchSize: batch,
    onBatch: (p) => deps.print(`  ${p.collection}: ${p.scanned} read, ${p.resealed} re-sealed`),
  };
}

async function printStatus(deps: KeysCommandDeps, rotation: RotationDeps): Promise<number> {
  const { store } = rotation;
  const ids = toKeyIds(rotation.keys);
  deps.print(`current keys: encryption ${ids.encryption[0]}, hash ${ids.hash[0]}`);
  const previous = [...ids.encryption.slice(1), ...ids.hash.slice(1)];
  if (previous.length > 0) deps.print(`previous keys configured: ${previous.join(", ")}`);
  const live = await listLiveKeys(store);
  deps.print(
    `keys the stored data is recorded to depend on: ${live.map((k) => `${k.kind} ${k.id}`).join(", ") || "-"}`,
  );
  const status = await keyStatus(rotation);
  for (const [collection, counts] of Object.entries(status.byCollection)) {
    const parts = Object.entries(counts).map(([id, n]) => `${n} under ${id}`);
    deps.print(`${collection}: ${parts.length > 0 ? parts.join(", ") : "all under the current keys"}`);
  }
  deps.print(
    `documents on disk: ${status.files > 0 ? `${status.files} under an old key` : "all under the current key"}`,
  );
  deps.print(
    status.stale === 0
      ? "Nothing depends on old keys: PREVIOUS_ENCRYPTION_KEYS / PREVIOUS_HASH_KEYS may be removed."
      : `${status.stale} value(s) still under old keys: run \`npm run keys -- rotate\`.`,
  );
  return 0;
}

export async function runKeysCommand(argv: readonly string[], deps: KeysCommandDeps): Promise<number> {
  const [command, ...args] = argv;
  const batchIndex = args.indexOf("--batch");
  const batch = batchIndex >= 0 ? Number(args[batchIndex + 1]) : 200;
  if (command === "generate") {
    deps.print(`ENCRYPTION_KEY=${randomBytes(32).toString("hex")}`);
    deps.print(`HASH_KEY=${randomBytes(32).toString("hex")}`);
    deps.print(
      "Keep both in your secret store and in an offline backup; without them the data cannot be read.",
    );
    return 0;
  }
  if (command !== "status" && command !== "rotate") {
    deps.print(keysUsage);
    return command === undefined || command === "help" ? 0 : 1;
  }
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) {
    deps.print("--batch: a whole number from 1 to 10000");
    return 1;
  }
  if (!deps.store) throw new Error(`"${command}" needs the bot's storage`);
  const rotation = toRotationDeps(deps, deps.store, batch);
  if (command === "status") return printStatus(deps, rotation);
  const report = await rotateKeys(rotation);
  deps.print(
    `re-sealed ${report.resealed} value(s); ${report.files} document file(s) checked; ` +
      `${report.skipped} changed meanwhile (run again); ${report.unreadable} unreadable (no configured key opens them)`,
  );
  if (report.retired.length > 0)
    deps.print(
      `retired: ${report.retired.join(", ")}. Remove PREVIOUS_ENCRYPTION_KEYS / PREVIOUS_HASH_KEYS now.`,
    );
  return report.skipped > 0 || report.unreadable > 0 ? 1 : 0;
}
