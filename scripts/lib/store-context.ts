/**
 * The light context of the data CLIs (report, import, audit, export): configuration (.env
 * first), a quiet logger, the bot's storage, the vault and the repositories they read. No bot,
 * no scheduler, no channel code: they start in well under a second.
 */
import { userInfo } from "node:os";
import { loadConfig, loadEnvFile, type Config } from "../../src/config";
import type { AuditLog } from "../../src/core/audit.port";
import type { ClaimRepository } from "../../src/core/claims.port";
import type { PeopleRegister } from "../../src/core/people.port";
import type { Clock, Logger } from "../../src/core/ports";
import type { PersonalDataVault } from "../../src/core/vault.port";
import { createVault } from "../../src/security/vault";
import { toConfiguredKeys } from "../../src/security/vault-keys";
import {
  isMemoryStorage,
  openStorageFromConfig,
  type ConnectedStorage,
} from "../../src/storage/connect-storage";
import { createAuditLog } from "../../src/storage/repositories/audit.repository";
import { createClaimRepository } from "../../src/storage/repositories/claims.repository";
import { createPeopleRepository } from "../../src/storage/repositories/people.repository";
import { createCliLogger, memoryWarning } from "./cli-context";

export type StoreContext = {
  config: Config;
  logger: Logger;
  storage: ConnectedStorage;
  vault: PersonalDataVault;
  audit: AuditLog;
  people: PeopleRegister;
  claims: ClaimRepository;
  clock: Clock;
  /** "cli:<os user>", as in the audit log. */
  actor: string;
  memory: boolean;
  close(): Promise<void>;
};

export async function openStoreContext(
  options: { warn?: (line: string) => void } = {},
): Promise<StoreContext> {
  loadEnvFile();
  const config = loadConfig();
  const logger = createCliLogger(config);
  const storage = await openStorageFromConfig(config, logger);
  const memory = isMemoryStorage(storage);
  if (memory) (options.warn ?? console.error)(memoryWarning);
  const keys = toConfiguredKeys(config, logger);
  return {
    config,
    logger,
    storage,
    vault: createVault(keys),
    audit: createAuditLog(storage.store),
    people: createPeopleRepository(storage.store),
    claims: createClaimRepository(storage.store),
    clock: { now: () => new Date() },
    actor: `cli:${userInfo().username}`,
    memory,
    close: () => storage.close(),
  };
}

/** Opens the context, runs, closes, exits with the code (1 and the message on an error). */
export function runWithStore(run: (context: StoreContext) => Promise<number>): void {
  const main = async () => {
    const context = await openStoreContext();
    try {
      return await run(context);
    } finally {
      await context.close();
    }
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`galat: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
