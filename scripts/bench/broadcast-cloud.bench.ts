/**
 * Benchmark: a broadcast of approved template messages to N WhatsApp recipients over the Cloud
 * API, against the local fake Graph API (test/support/fake-graph-api.ts) at the configured rate
 * (WHATSAPP_CLOUD_RATE, default 80 messages/s), with delivered/read receipts posted back to the
 * bot's webhook.
 * - rate: one uninterrupted run; sustained rate from the fake server's receipts of requests;
 * - kill: the sending child is killed with SIGKILL half way and started again; duplicates and
 *   missing recipients are counted from what the fake server accepted (budget 0 and 0).
 * Alone: npx tsx scripts/bench/broadcast-cloud.bench.ts --recipients 2000 [--rate 80] [--mode rate|kill|both]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startFakeGraphApi, type FakeGraphApi } from "../../test/support/fake-graph-api";
import { info, toTable, within, type BenchRow, type BenchSection } from "../lib/bench";
import { runCloudBroadcastChild, toBenchNumber, type CloudChildArgs } from "./broadcast-cloud-child";

type Scenario = {
  graph: FakeGraphApi;
  killedAt?: number;
  childMs: number[];
  progress?: Record<string, number> | undefined;
};

function startChild(args: Omit<CloudChildArgs, "graph"> & { graph: CloudChildArgs["graph"] }) {
  const argv = ["--import", "tsx", __filename, "--child", JSON.stringify(args)];
  const started = performance.now();
  const child = spawn(process.execPath, argv, { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ ms: number; output: string }>((resolve) =>
    child.once("exit", () => resolve({ ms: performance.now() - started, output })),
  );
  return { child, exited };
}

async function runScenario(recipients: number, rate: number, kill: boolean, port: number): Promise<Scenario> {
  const graph = await startFakeGraphApi({ receipts: ["sent", "delivered", "read"] });
  graph.setWebhookUrl(`http://127.0.0.1:${port}/whatsapp/webhook`);
  const scenario: Scenario = { graph, childMs: [] };
  const dir = mkdtempSync(path.join(tmpdir(), "bench-cloud-"));
  const args = {
    file: path.join(dir, "store.jsonl"),
    recipients,
    apiRoot: graph.apiRoot,
    ratePerSecond: rate,
    webhookPort: port,
    graph: { token: graph.token, secret: graph.secret, phoneNumberId: graph.phoneNumberId },
  };
  try {
    const first = startChild(args);
    if (kill) {
      while (graph.sent.length < recipients / 2) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.random() * (1000 / rate)));
      scenario.killedAt = graph.sent.length;
      first.child.kill("SIGKILL");
      scenario.childMs.push((await first.exited).ms);
      const second = await startChild(args).exited;
      scenario.childMs.push(second.ms);
      scenario.progress = toProgress(second.output);
    } else {
      const done = await first.exited;
      scenario.childMs.push(done.ms);
      scenario.progress = toProgress(done.output);
    }
    await graph.flushReceipts();
  } finally {
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return scenario;
}

function toProgress(output: string): Record<string, number> | undefined {
  const line = output.trim().split("\n").at(-1);
  return line ? (JSON.parse(line) as { progress: Record<string, number> }).progress : undefined;
}

function rateOf(times: number[]): number {
  return times.length < 2 ? 0 : (times.length - 1) / (((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000);
}

function countErrors(s: Scenario, n: number) {
  const got = new Map<string, number>();
  for (const m of s.graph.sent) got.set(m.to, (got.get(m.to) ?? 0) + 1);
  let duplicates = 0;
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const count = got.get(toBenchNumber(i)) ?? 0;
    if (count === 0) missing += 1;
    duplicates += Math.max(0, count - 1);
  }
  return { duplicates, missing };
}

function rows(s: Scenario, n: number, rate: number, label: string): BenchRow[] {
  const { duplicates, missing } = countErrors(s, n);
  const times = s.graph.sent.map((m) => m.at);
  const measured = rateOf(s.killedAt === undefined ? times : times.slice(s.killedAt));
  return [
    within(
      `${label}: recipients per second (rate ${rate}/s, ${n.toLocaleString("en")} templates)`,
      measured,
      "msg/s",
      rate * 0.95,
      "min",
    ),
    within(`${label}: duplicates`, duplicates, "msgs", 0),
    within(`${label}: missing`, missing, "recipients", 0),
    {
      what: `${label}: receipts recorded, delivered / read`,
      value: `${s.progress?.delivered ?? 0} / ${s.progress?.read ?? 0}`,
      unit: "",
      budget: "",
      ok: null,
    },
    ...(s.killedAt !== undefined ? [info(`${label}: SIGKILL after`, s.killedAt, "msgs")] : []),
  ];
}

export async function runCloudBroadcastBench(options: { recipients: number; rate: number; mode: string }) {
  const result: BenchRow[] = [];
  const { recipients: n, rate } = options;
  if (options.mode !== "kill")
    result.push(...rows(await runScenario(n, rate, false, 9621), n, rate, "cloud rate run"));
  if (options.mode !== "rate")
    result.push(...rows(await runScenario(n, rate, true, 9622), n, rate, "cloud kill run"));
  return result;
}

/** Section for scripts/bench.ts. BENCH_CLOUD_RECIPIENTS (2,000) and WHATSAPP_CLOUD_RATE (80) override. */
export const section: BenchSection = {
  name: "broadcast-cloud",
  run: () =>
    runCloudBroadcastBench({
      recipients: Number(process.env.BENCH_CLOUD_RECIPIENTS ?? 2_000),
      rate: Number(process.env.WHATSAPP_CLOUD_RATE ?? 80),
      mode: "both",
    }),
};

async function main(argv: string[]): Promise<void> {
  if (argv[0] === "--child") return runCloudBroadcastChild(JSON.parse(argv[1] ?? "{}") as CloudChildArgs);
  const value = (name: string, fallback: string) =>
    argv.includes(name) ? (argv[argv.indexOf(name) + 1] ?? fallback) : fallback;
  const rows = await runCloudBroadcastBench({
    recipients: Number(value("--recipients", "2000")),
    rate: Number(value("--rate", "80")),
    mode: value("--mode", "both"),
  });
  console.log(toTable([{ section: "broadcast-cloud", rows }]));
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
