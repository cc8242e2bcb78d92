import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config";
import { silentLogger } from "../../src/security/pino.logger";
import { allowsChanges, memoryWarning, openCliContext } from "../../scripts/lib/cli-context";

function configFor(env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "cli-context-"));
  const devKeys = path.join(mkdtempSync(path.join(tmpdir(), "cli-keys-")), "dev-keys.json");
  return loadConfig({ EMBEDDED_MONGO: "false", DATA_DIR: dir, DEV_KEYS_FILE: devKeys, ...env });
}

describe("CLI context", () => {
  it("warns loudly and refuses changes when only the memory store is available", async () => {
    const warnings: string[] = [];
    const context = await openCliContext({
      config: configFor(),
      logger: silentLogger,
      warn: (line) => warnings.push(line),
    });
    try {
      expect(context.memory).toBe(true);
      expect(warnings).toEqual([memoryWarning]);
      const refusals: string[] = [];
      expect(allowsChanges(context, "move", (line) => refusals.push(line))).toBe(false);
      expect(refusals[0]).toContain('Perintah "move" ditolak');
    } finally {
      await context.close();
    }
  });

  it("builds the app with the bot's settings from configuration", async () => {
    const context = await openCliContext({
      config: configFor({ REGISTRATION_MAX_AGE: "60", EXTRA_HOLIDAYS: "2026-03-04" }),
      logger: silentLogger,
      warn: () => undefined,
    });
    try {
      expect(context.app.services.settings.registrationMaxAge).toBe(60);
      expect(context.app.services.calendar.isWorkingDay("2026-03-04")).toBe(false);
    } finally {
      await context.close();
    }
  });
});
