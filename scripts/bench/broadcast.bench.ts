/**
 * Benchmark: a broadcast to N Telegram recipients against telegram-test-api (a local Bot API
 * emulator), sent at the 30 msg/s limit through the Telegram adapter's sender (grammY with the
 * production throttle and auto-retry, src/channels/telegram/telegram.bot.ts).
 * - rate: one uninterrupted run; sustained rate from the emulator's receipts (budget ≥ 95% of 30/s);
 * - kill: the sending child is killed with SIGKILL about half way (at a random moment within one
 *   sending interval) and started again; duplicates and missing recipients are counted from what
 *   the emulator received (budget 0 and 0).
 * Deliveries persist in a JSON-lines file store (no MongoDB here). Alone:
 *   npx tsx scripts/bench/broadcast.bench.ts --recipients 10000 [--mode rate|kill|both]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import TelegramServer from "telegram-test-api";
import { info, toTable, within, type BenchRow, type BenchSection } from "../lib/bench";
import { runBroadcastChild } from "./broadcast-child";

const token = "123456:BENCH";
const limit = 30;
const firstUserId = 700_000;

type Scenario = { received: Map<number, number>; times: number[]; killedAt?: number; childMs: number[] };

function startChild(file: string, recipients: number, apiRoot: string) {
  const args = ["--import", "tsx", __filename, "--child", file, String(recipients), apiRoot];
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<number>((resolve) =>
    child.once("exit", () => resolve(performance.now() - started)),
  );
  return { child, exited };
}

async function runScenario(recipients: number, kill: boolean, port: number): Promise<Scenario> {
  const server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 24 * 3600 });
  const scenario: Scenario = { received: new Map(), times: [], childMs: [] };
  const add = server.addBotMessage.bind(server) as (raw: unknown, botToken: string) => unknown;
  (server as unknown as { addBotMessage: typeof add }).addBotMessage = (raw, botToken) => {
    const chat = Number((raw as { chat_id: unknown }).chat_id);
    scenario.received.set(chat, (scenario.received.get(chat) ?? 0) + 1);
    scenario.times.push(performance.now());
    return add(raw, botToken);
  };
  await server.start();
  const dir = mkdtempSync(path.join(tmpdir(), "bench-broadcast-"));
  try {
    const file = path.join(dir, "store.jsonl");
    const first = startChild(file, recipients, server.config.apiURL);
    if (kill) {
      while (scenario.times.length < recipients / 2) await new Promise((r) => setTimeout(r, 5));
      // A random moment within one sending interval, so the kill is not tied to a receipt.
      await new Promise((r) => setTimeout(r, Math.random() * 34));
      scenario.killedAt = scenario.times.length;
      first.child.kill("SIGKILL");
      scenario.childMs.push(await first.exited);
      const second = startChild(file, recipients, server.config.apiURL);
      scenario.childMs.push(await second.exited);
    } else scenario.childMs.push(await first.exited);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return scenario;
}

function rateOf(times: number[]): number {
  if (times.length < 2) return 0;
  return (times.length - 1) / (((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000);
}

function countErrors(scenario: Scenario, recipients: number) {
  let duplicates = 0;
  let missing = 0;
  for (let i = 0; i < recipients; i++) {
    const got = scenario.received.get(firstUserId + i) ?? 0;
    if (got === 0) missing += 1;
    if (got > 1) duplicates += got - 1;
  }
  return { duplicates, missing };
}

const text = (what: string, value: string, budget: string, ok: boolean | null): BenchRow => ({
  what,
  value,
  unit: "",
  budget,
  ok,
});

function rateRows(s: Scenario, n: number): BenchRow[] {
  const rate = rateOf(s.times);
  const { duplicates, missing } = countErrors(s, n);
  return [
    within(
      `rate run: sustained rate (${n.toLocaleString("en")} recipients)`,
      rate,
      "msg/s",
      limit * 0.95,
      "min",
    ),
    within("rate run: share of the 30 msg/s limit", (rate / limit) * 100, "%", 95, "min"),
    within("rate run: duplicates", duplicates, "msgs", 0),
    within("rate run: missing", missing, "recipients", 0),
    info("rate run: wall time incl. start-up", (s.childMs[0] ?? 0) / 1000, "s"),
  ];
}

function killRows(s: Scenario, n: number): BenchRow[] {
  const { duplicates, missing } = countErrors(s, n);
  const before = s.times.slice(0, s.killedAt);
  const after = s.times.slice(s.killedAt);
  const gap = (after[0] ?? 0) - (before.at(-1) ?? 0);
  return [
    info("kill run: SIGKILL after receipts", s.killedAt ?? 0, "msgs"),
    within("kill run: duplicates (from the emulator)", duplicates, "msgs", 0),
    within("kill run: missing recipients (from the emulator)", missing, "recipients", 0),
    info("kill run: restart gap (last before kill → first after)", gap / 1000, "s"),
    text(
      "kill run: rate before / after the kill",
      `${rateOf(before).toFixed(2)} / ${rateOf(after).toFixed(2)} msg/s`,
      "",
      null,
    ),
  ];
}

export async function runBroadcastBench(options: {
  recipients: number;
  mode: "rate" | "kill" | "both";
}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const n = options.recipients;
  if (options.mode !== "kill") rows.push(...rateRows(await runScenario(n, false, 9611), n));
  if (options.mode !== "rate") rows.push(...killRows(await runScenario(n, true, 9612), n));
  return rows;
}

/** Section for scripts/bench.ts (`npm run bench`). BENCH_BROADCAST_RECIPIENTS overrides 10,000. */
export const section: BenchSection = {
  name: "broadcast",
  run: () =>
    runBroadcastBench({ recipients: Number(process.env.BENCH_BROADCAST_RECIPIENTS ?? 10_000), mode: "both" }),
};

async function main(argv: string[]): Promise<void> {
  if (argv[0] === "--child") {
    const [, file, recipients, apiRoot] = argv;
    await runBroadcastChild({
      file: file ?? "",
      recipients: Number(recipients),
      apiRoot: apiRoot ?? "",
      token,
      firstUserId,
    });
    return;
  }
  const value = (name: string) => argv[argv.indexOf(name) + 1];
  const recipients = argv.includes("--recipients") ? Number(value("--recipients")) : 10_000;
  const mode = (argv.includes("--mode") ? value("--mode") : "both") as "rate" | "kill" | "both";
  const rows = await runBroadcastBench({ recipients, mode });
  console.log(toTable([{ section: "broadcast", rows }]));
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
