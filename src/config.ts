/**
 * The only reader of process.env. Every setting is parsed with zod; a bad or missing value stops
 * start-up with a message naming the variable and what is expected. `.env.example` lists them all.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { z } from "zod";
import { AppError } from "./core/errors";
import { findKeyProblems } from "./security/key-checks";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const list = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24-hour, WIB)");

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** auto: readable lines when the log goes to a terminal, JSON lines otherwise. */
  LOG_FORMAT: z.enum(["auto", "pretty", "json"]).default("auto"),
  /** Write logs to this file (rotated) instead of stderr; the terminal chat uses DATA_DIR/logs/bot.log. */
  LOG_FILE: z.string().optional(),
  /** Rotation of LOG_FILE: a new file each day or past this size, keeping this many old files. */
  LOG_FILE_MAX_MB: z.coerce.number().positive().max(10_000).default(20),
  LOG_FILE_KEEP: z.coerce.number().int().min(1).max(365).default(14),

  /** /health (liveness) and /ready (MongoDB, channels) are served here; 0 turns them off. */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HEALTH_HOST: z.string().min(1).default("127.0.0.1"),
  /** What the bot does when no channel can run: exit with code 1 (a supervisor restarts it) or retry. */
  CHANNEL_FAILURE: z.enum(["exit", "retry"]).default("exit"),
  /** A stop (SIGTERM, SIGINT) that takes longer is cut short with exit code 1. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
  DATA_DIR: z.string().min(1).default("./data"),

  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, "expected a mongodb:// or mongodb+srv:// URI")
    .optional(),
  EMBEDDED_MONGO: bool.default(true),
  EMBEDDED_MONGO_TIMEOUT_MS: z.coerce.number().int().min(200).max(120000).default(1500),

  ENCRYPTION_KEY: z.string().optional(),
  HASH_KEY: z.string().optional(),
  /** Keys of before a rotation, still read until `npm run keys -- rotate` has re-sealed everything. */
  PREVIOUS_ENCRYPTION_KEYS: list.default([]),
  PREVIOUS_HASH_KEYS: list.default([]),
  /** Development keys (when ENCRYPTION_KEY/HASH_KEY are unset): outside DATA_DIR, in the user's config folder. */
  DEV_KEYS_FILE: z.string().min(1).optional(),
  XDG_CONFIG_HOME: z.string().min(1).optional(),

  SESSION_SILENCE_HOURS: z.coerce.number().positive().default(24),
  /** Sessions silent this many days are deleted (TTL index on MongoDB, a purge job elsewhere). */
  SESSION_TTL_DAYS: z.coerce.number().positive().max(3650).default(90),
  /** Longest message (or caption) handled, in characters; longer gets "please send it shorter". */
  INPUT_MAX_CHARS: z.coerce.number().int().min(100).max(65_536).default(2_000),
  TERMINAL_CHAT: z.enum(["auto", "true", "false"]).default("auto"),
  /** This bot process's stable name (one per process running at once); see .env.example. */
  INSTANCE_ID: z
    .string()
    .regex(/^[\w.-]{1,64}$/, "1–64 characters A-Z, a-z, 0-9, _, . and -")
    .optional(),

  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]+$/, "expected a BotFather token like 123456:ABC-DEF…")
    .optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "1–256 characters A-Z, a-z, 0-9, _ and -")
    .optional(),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),
  /** Largest photo or document accepted from Telegram, in MB (the Bot API itself stops at 20). */
  TELEGRAM_MAX_FILE_MB: z.coerce.number().positive().max(20).default(10),
  STAFF_TELEGRAM_IDS: list.default([]),

  WHATSAPP_ENABLED: bool.default(false),
  /** web: whatsapp-web.js on a linked phone; cloud: the official Cloud API (never both for one number). */
  WHATSAPP_MODE: z.enum(["web", "cloud"]).default("web"),
  WHATSAPP_AUTH: z.enum(["local", "mongo"]).default("local"),
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  /** Chromium without its sandbox: automatic as root; needed in most containers (the Dockerfile sets it). */
  CHROMIUM_NO_SANDBOX: bool.optional(),
  WHATSAPP_MAX_PER_MINUTE: z.coerce.number().int().positive().default(8),
  WHATSAPP_MAX_PER_DAY: z.coerce.number().int().positive().default(300),
  WHATSAPP_MAX_MEDIA_MB: z.coerce.number().positive().max(100).default(10),
  STAFF_WHATSAPP_NUMBERS: list.default([]),

  WHATSAPP_CLOUD_PHONE_NUMBER_ID: z
    .string()
    .regex(/^\d{5,20}$/, "expected the numeric phone number ID")
    .optional(),
  WHATSAPP_CLOUD_ACCESS_TOKEN: z.string().min(20, "expected a system user access token").optional(),
  WHATSAPP_CLOUD_APP_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]{16,64}$/, "expected the app secret (hex)")
    .optional(),
  WHATSAPP_CLOUD_VERIFY_TOKEN: z.string().min(8, "expected at least 8 characters").optional(),
  WHATSAPP_CLOUD_API_ROOT: z.url().default("https://graph.facebook.com"),
  WHATSAPP_CLOUD_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, "expected a Graph API version like v23.0")
    .default("v23.0"),
  WHATSAPP_CLOUD_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8444),
  WHATSAPP_CLOUD_WEBHOOK_PATH: z
    .string()
    .regex(/^\/[\w./-]*$/, "expected a path like /whatsapp/webhook")
    .default("/whatsapp/webhook"),
  /** The account's throughput (Meta: 80 messages per second by default, up to 1,000). */
  WHATSAPP_CLOUD_RATE: z.coerce.number().positive().max(1000).default(80),
  /** At least this long between two unsolicited messages to one person (Meta's pair rate). */
  WHATSAPP_CLOUD_PAIR_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(6000),

  QUIET_HOURS_START: hhmm.default("20:00"),
  QUIET_HOURS_END: hhmm.default("07:00"),
  /** Extra non-working days (cuti bersama, local holidays), YYYY-MM-DD, comma-separated. */
  EXTRA_HOLIDAYS: list
    .pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")))
    .default([]),
  /** Telegram broadcast pace, messages per second overall (Telegram allows about 30). */
  BROADCAST_TELEGRAM_RATE: z.coerce.number().positive().max(30).default(29.5),
  REMINDERS_ENABLED: bool.default(true),
  REMINDER_COVERAGE_DAYS_BEFORE: z.coerce.number().int().min(1).max(90).default(14),
  REMINDER_REGISTRATION_AFTER_DAYS: z.coerce.number().int().min(1).max(60).default(2),
  REMINDER_CLAIM_DOCUMENTS_AFTER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  REMINDER_CHECK_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** RT counts, budget year and targets the reports use (default config/report-assumptions.json). */
  REPORT_ASSUMPTIONS_FILE: z.string().optional(),
  REGISTRATION_MAX_AGE: z.coerce.number().int().min(18).max(120).default(65),
  /** Working days staff take to check a registration; told to the user on submission. */
  REGISTRATION_REVIEW_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** Days a paid claim's documents are kept before they are destroyed (time to archive them at the Pemkot). */
  CLAIM_DOCUMENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Highest RT and RW numbers accepted (Kota Jambi: RT up to 99, RW up to 50). */
  RT_MAX: z.coerce.number().int().min(1).max(999).default(99),
  RW_MAX: z.coerce.number().int().min(1).max(999).default(50),

  /** When staff answer a hand-off: office hours (WIB, working days), answer and escalation times. */
  HANDOFF_OFFICE_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM-HH:MM (WIB)")
    .default("08:00-16:00"),
  HANDOFF_ANSWER_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(120),
  HANDOFF_ESCALATE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(60),

  /** Staff console port; the console is off unless it is set. */
  CONSOLE_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Address the console listens on; localhost unless a reverse proxy elsewhere needs more. */
  CONSOLE_HOST: z.string().min(1).default("127.0.0.1"),
  /** The public address staff open (https://… behind the reverse proxy): only its origin may post forms. */
  CONSOLE_PUBLIC_URL: z.url().optional(),
  CONSOLE_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Failed logins before an account is locked, and for how long. */
  CONSOLE_MAX_FAILED_LOGINS: z.coerce.number().int().min(3).max(50).default(5),
  CONSOLE_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
});

export type Config = z.infer<typeof configSchema>;

/**
 * Loads `.env` (or the file named by ENV_FILE) into `env` with Node's own parser (`util.parseEnv`). A variable
 * already in the environment wins over the file, even when it is set to an empty value. Returns
 * the file read, or undefined when there is none. The bot and every CLI call this first.
 */
export function loadEnvFile(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): string | undefined {
  const file = path.resolve(cwd, env.ENV_FILE || ".env");
  if (!existsSync(file)) {
    if (env.ENV_FILE) throw new AppError("CONFIG_INVALID", `ENV_FILE: ${file} does not exist`, {});
    return undefined;
  }
  const parsed = parseEnv(readFileSync(file, "utf8"));
  for (const [key, value] of Object.entries(parsed)) if (!(key in env)) env[key] = value;
  return file;
}

const cloudKeys = [
  "WHATSAPP_CLOUD_PHONE_NUMBER_ID",
  "WHATSAPP_CLOUD_ACCESS_TOKEN",
  "WHATSAPP_CLOUD_APP_SECRET",
  "WHATSAPP_CLOUD_VERIFY_TOKEN",
] as const;

/** The Cloud API needs its number, token, app secret (signatures) and verify token. */
function toMissingCloudSettings(config: Config): string[] {
  if (!config.WHATSAPP_ENABLED || config.WHATSAPP_MODE !== "cloud") return [];
  return cloudKeys.filter((key) => !config[key]);
}

function refuseMissing(missing: readonly string[], when: string): void {
  if (missing.length === 0) return;
  throw new AppError(
    "CONFIG_INVALID",
    `Invalid configuration:\n  ${missing.map((k) => `${k}: required ${when}`).join("\n  ")}`,
    { variables: [...missing] },
  );
}

/** Parses the environment; throws an AppError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new AppError("CONFIG_INVALID", `Invalid configuration:\n  ${lines.join("\n  ")}`, {
      variables: result.error.issues.map((i) => i.path.join(".")),
    });
  }
  const config = result.data;
  refuseMissing(toMissingCloudSettings(config), "when WHATSAPP_MODE=cloud");
  const problems = [
    ...(config.NODE_ENV === "production" && !config.MONGODB_URI
      ? [{ variable: "MONGODB_URI", problem: "required when NODE_ENV=production" }]
      : []),
    ...findKeyProblems(config),
  ];
  if (problems.length > 0) {
    const lines = problems.map(({ variable, problem }) => `${variable}: ${problem}`);
    throw new AppError("CONFIG_INVALID", `Invalid configuration:\n  ${lines.join("\n  ")}`, {
      variables: problems.map((p) => p.variable),
    });
  }
  return config;
}
