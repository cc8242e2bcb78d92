import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig, loadEnvFile } from "../src/config";

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "env-file-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe(".env loading", () => {
  it("fills what the environment lacks from .env; a variable set in the environment wins, even empty", () => {
    const dir = folderWith({
      ".env": "TELEGRAM_BOT_TOKEN=123:FROMFILE\nLOG_LEVEL=debug\nHEALTH_PORT=9000\n# comment\n",
    });
    const env: Record<string, string | undefined> = { LOG_LEVEL: "warn", HEALTH_PORT: "" };
    expect(loadEnvFile(env, dir)).toBe(path.join(dir, ".env"));
    const config = loadConfig(env);
    expect(config.TELEGRAM_BOT_TOKEN).toBe("123:FROMFILE");
    expect(config.LOG_LEVEL).toBe("warn");
    expect(config.HEALTH_PORT).toBe(8080);
  });

  it("reads the file ENV_FILE names, and refuses a named file that does not exist", () => {
    const dir = folderWith({ "bot.env": "CHANNEL_FAILURE=retry\n" });
    const env: Record<string, string | undefined> = { ENV_FILE: "bot.env" };
    loadEnvFile(env, dir);
    expect(loadConfig(env).CHANNEL_FAILURE).toBe("retry");
    expect(() => loadEnvFile({ ENV_FILE: "missing.env" }, dir)).toThrow("ENV_FILE");
  });

  it("is a no-op without a .env", () => {
    const env: Record<string, string | undefined> = {};
    expect(loadEnvFile(env, folderWith({}))).toBeUndefined();
    expect(env).toEqual({});
  });
});
