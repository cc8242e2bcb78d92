/**
 * Transcript runner: plays a script of user messages against the real bot and prints the
 * conversation. `npm run chat -- --script test/transcripts/menu.txt [--json] [--now ISO]
 * [--lang id|en] [--store memory|mongo]`. Exit 0 when the script ran, 2 for a malformed script
 * or bad options, 1 when the bot could not be run (e.g. no MongoDB for --store mongo).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { loadConfig } from "../src/config";
import type { DocumentStore } from "../src/core/document-store.port";
import { languages } from "../src/core/messages";
import type { Logger } from "../src/core/ports";
import { createPinoLogger } from "../src/security/pino.logger";
import { connectStorage } from "../src/storage/connect-storage";
import { createMemoryDocumentStore } from "../src/storage/memory/memory-document.store";
import { parseScript, ScriptError } from "./lib/transcript-script";
import { runTranscript, toTranscriptJson, toTranscriptText } from "./lib/transcript";

const usage = `usage: npm run chat -- --script FILE [--json] [--now ISO-8601] [--lang id|en] [--store memory|mongo]`;

class UsageError extends Error {}

function readOptions() {
  const { values } = parseArgs({
    options: {
      script: { type: "string" },
      json: { type: "boolean", default: false },
      now: { type: "string" },
      lang: { type: "string", default: "id" },
      store: { type: "string", default: "memory" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (!values.script) throw new UsageError("--script FILE is required");
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now "${values.now}" is not an ISO-8601 date`);
  const language = languages.find((l) => l === values.lang);
  if (!language) throw new UsageError(`--lang must be id or en, not "${values.lang}"`);
  const store = (["memory", "mongo"] as const).find((s) => s === values.store);
  if (!store) throw new UsageError(`--store must be memory or mongo, not "${values.store}"`);
  return { script: values.script, json: values.json, now, language, store };
}

async function openStore(kind: "memory" | "mongo", logger: Logger) {
  if (kind === "memory") {
    const store: DocumentStore = createMemoryDocumentStore();
    return { store, close: () => store.close() };
  }
  const config = loadConfig();
  const storage = await connectStorage({
    mongodbUri: config.MONGODB_URI,
    embedded: config.EMBEDDED_MONGO,
    embeddedTimeoutMs: config.EMBEDDED_MONGO_TIMEOUT_MS,
    dataDir: config.DATA_DIR,
    logger,
  });
  if (storage.store.kind !== "mongo") {
    await storage.close();
    throw new Error(
      `--store mongo: no MongoDB available (got ${storage.description}). Set MONGODB_URI, or run without --store mongo.`,
    );
  }
  return { store: storage.store, close: storage.close };
}

async function main(): Promise<number> {
  let options: ReturnType<typeof readOptions>;
  let steps: ReturnType<typeof parseScript>;
  try {
    options = readOptions();
    const file = path.resolve(options.script);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      throw new UsageError(`cannot read the script ${file}`);
    }
    steps = parseScript(text, { baseDir: path.dirname(file), label: options.script });
  } catch (error) {
    const known = error instanceof ScriptError || error instanceof UsageError;
    console.error(`chat: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(usage);
    return known ? 2 : 1;
  }
  const logger = createPinoLogger({ level: "error", destination: pino.destination({ dest: 2, sync: true }) });
  const { store, close } = await openStore(options.store, logger);
  try {
    const entries = await runTranscript(steps, {
      store,
      now: options.now,
      language: options.language,
      logger,
    });
    process.stdout.write(options.json ? toTranscriptJson(entries) : toTranscriptText(entries));
  } finally {
    await close();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`chat: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
