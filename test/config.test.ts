import { readFileSync } from "node:fs";
import path from "node:path";
import { configSchema, loadConfig } from "../src/config";
import { isAppError } from "../src/core/errors";

const encryptionKey = "8f1c2a9e4b7d3f60a5c8e21b9d4f7a03c6e1b8d5f2a9c4e7b0d3f6a9c2e5b8d1";
const hashKey = "2b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfe";

/** The error loadConfig throws for `env`, or undefined when it accepts it. */
function refusal(env: Record<string, string>) {
  try {
    loadConfig(env);
    return undefined;
  } catch (error) {
    if (!isAppError(error, "CONFIG_INVALID")) throw error;
    return error;
  }
}

describe("configuration", () => {
  it("starts with defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: "development",
      SESSION_SILENCE_HOURS: 24,
      SESSION_TTL_DAYS: 90,
      INPUT_MAX_CHARS: 2000,
      TERMINAL_CHAT: "auto",
    });
  });

  it.each([
    ["LOG_LEVEL", "loud"],
    ["MONGODB_URI", "postgres://localhost/db"],
    ["SESSION_SILENCE_HOURS", "-3"],
    ["SESSION_TTL_DAYS", "0"],
    ["INPUT_MAX_CHARS", "lots"],
    ["TELEGRAM_BOT_TOKEN", "not-a-token"],
    ["QUIET_HOURS_START", "8pm"],
    ["WHATSAPP_ENABLED", "maybe"],
    ["EXTRA_HOLIDAYS", "2026-03-20,20/03/2026"],
  ])("refuses a bad %s, naming the variable and what is expected", (name, value) => {
    const error = refusal({ [name]: value });
    expect(error?.message).toMatch(new RegExp(`${name}[.\\d]*: .*expected`, "i"));
    expect(error?.details.variables).toEqual([expect.stringContaining(name)]);
  });

  it("names every bad variable at once", () => {
    const error = refusal({ LOG_LEVEL: "loud", TERMINAL_CHAT: "sometimes" });
    expect(error?.details.variables).toEqual(expect.arrayContaining(["LOG_LEVEL", "TERMINAL_CHAT"]));
  });

  it("refuses production without MONGODB_URI", () => {
    const error = refusal({
      NODE_ENV: "production",
      ENCRYPTION_KEY: encryptionKey,
      HASH_KEY: hashKey,
    });
    expect(error?.message).toContain("MONGODB_URI: required when NODE_ENV=production");
  });

  it("accepts production with MONGODB_URI and keys", () => {
    const env = {
      NODE_ENV: "production",
      MONGODB_URI: "mongodb://db:27017/jamsos",
      ENCRYPTION_KEY: encryptionKey,
      HASH_KEY: hashKey,
    };
    expect(refusal(env)).toBeUndefined();
  });

  it("treats an empty value as unset", () => {
    expect(loadConfig({ MONGODB_URI: "", LOG_LEVEL: "" })).toMatchObject({ LOG_LEVEL: "info" });
  });
});

describe(".env.example", () => {
  it("documents every setting the configuration reads, and nothing it does not", () => {
    const documented = readFileSync(path.join(__dirname, "../.env.example"), "utf8")
      .split("\n")
      .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
      .filter((key): key is string => key !== undefined);
    expect([...documented].sort()).toEqual(Object.keys(configSchema.shape).sort());
  });
});
