/**
 * Crash bench: simulated users chat with the bot over the Telegram emulator while the bot process
 * is killed with SIGKILL at random moments (≥ 20 kills) and started again on a store that survives
 * the kill (MONGODB_URI when set, else the bench's JSON-lines file store; no embedded MongoDB
 * binary can be had here). Afterwards: messages never answered, replies sent twice (against a run
 * without kills), and duplicate or missing people, consents, claims, documents and audit entries.
 * Alone: npx tsx scripts/bench/crash.bench.ts [--kills 20]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import TelegramServer from "telegram-test-api";
import {
  info,
  percentile,
  projectRoot,
  toTable,
  within,
  type BenchRow,
  type BenchSection,
} from "../lib/bench";
import { startBotApiProxy } from "./bot-api-proxy";
import { auditSideEffects } from "./crash-audit";
import { compareReplies, toParagraphs } from "./crash-replies";
import { openCrashStore } from "./crash-child";
import { playUser, toBotTexts, toUserScript, type UserKind, type UserOutcome } from "./crash-users";

const token = "123456:CRASH";
const photoId = "crash-photo";
const concurrentUsers = Number(process.env.CRASH_USERS ?? 8);
const playOptions = { replyTimeoutMs: 45_000, quietMs: 150, token };

type Bot = { child: ChildProcess; ready: Promise<void>; exited: Promise<void> };

function startBot(where: string, apiRoot: string): Bot {
  const script = path.join(projectRoot, "scripts/bench/crash-child.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, where, apiRoot, token], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise<void>((resolve) =>
    child.stdout?.on("data", (d: Buffer) => d.includes("ready") && resolve()),
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, ready, exited };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Replies a user of each kind gets from a bot that is never killed. */
async function measureExpected(
  server: TelegramServer,
  apiRoot: string,
  dir: string,
): Promise<Record<UserKind, string[]>> {
  const bot = startBot(path.join(dir, "reference.jsonl"), apiRoot);
  await bot.ready;
  const [registration, deathReport] = await Promise.all(
    [9_000, 9_001].map((n) => playUser(server, toUserScript(n, photoId), playOptions)),
  );
  bot.child.kill("SIGTERM");
  await bot.exited;
  return { registration: toParagraphs(registration!.texts), deathReport: toParagraphs(deathReport!.texts) };
}

async function runCrashes(server: TelegramServer, apiRoot: string, where: string, kills: number) {
  let bot = startBot(where, apiRoot);
  let killed = 0;
  const killing = (async () => {
    while (killed < kills) {
      await bot.ready;
      await sleep(300 + Math.random() * 2_000);
      bot.child.kill("SIGKILL");
      await bot.exited;
      killed += 1;
      bot = startBot(where, apiRoot);
    }
  })();
  const outcomes: UserOutcome[] = [];
  let next = 0;
  const lane = async () => {
    while (killed < kills) outcomes.push(await playUser(server, toUserScript(next++, photoId), playOptions));
  };
  await Promise.all([killing, ...Array.from({ length: concurrentUsers }, lane)]);
  await sleep(5_000); // replies still on their way
  bot.child.kill("SIGTERM");
  await bot.exited;
  // What each user got in the end, including replies that came after their last message.
  for (const outcome of outcomes) outcome.texts = toBotTexts(server, outcome.userId);
  return { outcomes, killed };
}

function toWaitRow(outcomes: UserOutcome[]): BenchRow {
  const waits = outcomes.flatMap((u) => u.waitsMs);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const value = `${s(percentile(waits, 50))} / ${s(percentile(waits, 99))} / ${s(Math.max(...waits))}`;
  return { what: "time to an answer p50 / p99 / longest", value, unit: "", budget: "", ok: null };
}

async function toRows(
  where: string,
  outcomes: UserOutcome[],
  expected: Record<UserKind, string[]>,
  killed: number,
) {
  const store = await openCrashStore(where);
  const audit = await auditSideEffects(store, outcomes);
  await store.close();
  const messages = outcomes.reduce((n, u) => n + u.actions.length, 0);
  const compared = outcomes.map((u) => compareReplies(toParagraphs(u.texts), expected[u.kind]));
  const extraReplies = compared.reduce((n, c) => n + c.extra, 0);
  const resends = compared.reduce((n, c) => n + c.resends, 0);
  const missingReplies = compared.reduce((n, c) => n + c.missing, 0);
  const { duplicates: d, missing: m } = audit;
  const rows: BenchRow[] = [
    info(`kills (SIGKILL) while ${outcomes.length} users chatted`, killed, ""),
    info("user messages sent", messages, "msg"),
    within(
      "messages never answered",
      outcomes.reduce((n, u) => n + u.unanswered, 0),
      "msg",
      0,
    ),
    toWaitRow(outcomes),
    within(
      "turns whose replies were sent twice (≤ 1 per conversation in flight at a kill)",
      resends,
      "turns",
      killed * concurrentUsers,
    ),
    info("  their paragraphs", extraReplies, "paragraphs"),
    within("reply paragraphs never sent", missingReplies, "paragraphs", 0),
    within("duplicate people / consents", d.people + d.consents, "records", 0),
    within("duplicate claims / documents", d.claims + d.documents, "records", 0),
    within("duplicate audit entries", d.audit, "records", 0),
    within("registrations, claims, documents missing", m.people + m.claims + m.documents, "records", 0),
  ];
  return rows;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function runBench(kills: number): Promise<BenchRow[]> {
  const server = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 24 * 3600 });
  await server.start();
  const files = new Map([
    [photoId, new Uint8Array(readFileSync(path.join(projectRoot, "test/fixtures/ktp.png")))],
  ]);
  const proxy = await startBotApiProxy(server, files);
  const dir = mkdtempSync(path.join(tmpdir(), "bench-crash-"));
  try {
    const expected = await measureExpected(server, proxy.apiRoot, dir);
    const where = process.env.MONGODB_URI ?? path.join(dir, "store.jsonl");
    const { outcomes, killed } = await runCrashes(server, proxy.apiRoot, where, kills);
    return await toRows(where, outcomes, expected, killed);
  } finally {
    await proxy.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const section: BenchSection = { name: "crash", run: () => runBench(20) };

if (process.argv[1]?.endsWith("crash.bench.ts")) {
  const kills = Number(process.argv[process.argv.indexOf("--kills") + 1] ?? 20) || 20;
  runBench(kills).then(
    (rows) => console.log(toTable([{ section: "crash", rows }])),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
