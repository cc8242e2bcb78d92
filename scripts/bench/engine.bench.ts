/**
 * Engine + flow steps over the memory store, silent logger: latency per message (p50, p99),
 * throughput on one core, and storage round trips per message, for multi-step conversations
 * across 1,000 users, overall and per scenario. The conversations are in engine.scenarios.ts.
 */
import { availableParallelism, loadavg } from "node:os";
import { createApp, type App } from "../../src/app";
import type { InboundMessage } from "../../src/core/messages";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import {
  createCountingStore,
  info,
  percentile,
  within,
  type BenchRow,
  type BenchSection,
} from "../lib/bench";
import { scenarios, toScenarioMessages, type Scenario } from "./engine.scenarios";

const users = 1_000;
const keyVaultBytes = { current: "b1", keys: { b1: Buffer.alloc(32, 1) }, hashKey: Buffer.alloc(32, 2) };

function createBenchApp() {
  const store = createCountingStore(createMemoryDocumentStore());
  let now = Date.parse("2026-03-02T02:00:00Z");
  const app = createApp({
    store,
    clock: { now: () => new Date((now += 1000)) },
    logger: silentLogger,
    vault: createVault(keyVaultBytes),
  });
  for (const channel of ["terminal", "telegram", "whatsapp"] as const)
    app.hub.register({ channel, send: async () => undefined });
  return { app, store };
}

const toPlayable = (app: App) => scenarios.filter((s) => !s.requires || app.registry.get(s.requires));

/** How many of `count` users play a registration scenario (each should end with a new person). */
function toRegistering(app: App, count: number): number {
  const playable = toPlayable(app);
  return Array.from({ length: count }, (_, i) => playable[i % playable.length]!).filter(
    (s) => s.requires === "registration",
  ).length;
}

/** One message to send, and the scenario it belongs to (for per-scenario figures). */
type Play = { message: InboundMessage; scenario: Scenario };

/**
 * Every user's messages, round by round (user i plays scenario i mod n). `first` numbers the
 * users after those of earlier runs on the same store, so each gets a NIK of their own.
 */
function toRounds(app: App, prefix: string, count: number, first = 0): Play[][] {
  const playable = toPlayable(app);
  const longest = Math.max(...playable.map((s) => s.messages.length));
  const players = Array.from({ length: count }, (_, user) => {
    const scenario = playable[user % playable.length]!;
    return { user, scenario, messages: toScenarioMessages(scenario, first + user) };
  });
  const rounds: Play[][] = [];
  for (let round = 0; round < longest; round++)
    rounds.push(
      players
        .filter(({ messages }) => round < messages.length)
        .map(({ user, scenario, messages }) => ({
          scenario,
          message: {
            channel: "terminal" as const,
            userId: `${prefix}-${user}`,
            messageId: `${prefix}-${user}-${round}`,
            content: { type: "text" as const, text: messages[round]! },
            ...(scenario.staff ? { isStaff: true } : {}),
          },
        })),
    );
  return rounds;
}

const respond = async () => undefined;

/** Wall time and CPU time (this process, all threads) per message: CPU time is what a loaded machine cannot inflate. */
type Timed = {
  latencies: number[];
  cpu: number[];
  byScenario: Map<Scenario, number[]>;
  seconds: number;
  cpuSeconds: number;
};

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function runSequential(app: App, rounds: Play[][]): Promise<Timed> {
  const timed: Timed = { latencies: [], cpu: [], byScenario: new Map(), seconds: 0, cpuSeconds: 0 };
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const round of rounds)
    for (const { message, scenario } of round) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await app.inbound.handle(message, respond);
      const ms = performance.now() - t0;
      timed.cpu.push(cpuMs(c0));
      timed.latencies.push(ms);
      const own = timed.byScenario.get(scenario);
      if (own) own.push(ms);
      else timed.byScenario.set(scenario, [ms]);
    }
  timed.seconds = (performance.now() - started) / 1000;
  timed.cpuSeconds = cpuMs(cpuStarted) / 1000;
  return timed;
}

async function runConcurrent(): Promise<number> {
  const { app } = createBenchApp();
  const rounds = toRounds(app, "user", users);
  const started = performance.now();
  let messages = 0;
  for (const round of rounds) {
    await Promise.all(round.map(({ message }) => app.inbound.handle(message, respond)));
    messages += round.length;
  }
  return messages / ((performance.now() - started) / 1000);
}

const fixed = (ms: number) => ms.toFixed(ms >= 10 ? 1 : 3);

/** p50 / p99 of each scenario's messages, as text rows without a budget. */
function toScenarioRows(byScenario: Timed["byScenario"]): BenchRow[] {
  return [...byScenario].map(([scenario, ms]) => ({
    what: `  p50 / p99, ${scenario.name}`,
    value: `${fixed(percentile(ms, 50))} / ${fixed(percentile(ms, 99))} ms (${ms.length} msg)`,
    unit: "ms",
    budget: "",
    ok: null,
  }));
}

/**
 * Session round trips against the budget: take the conversation and read it (1), save state and
 * replies (1), mark the replies sent and release it (1); what steps add (people, consents, audit) beside it.
 */
function toStorageRows(byCollection: Record<string, { reads: number; writes: number }>, messages: number) {
  const session = byCollection.sessions ?? { reads: 0, writes: 0 };
  const others = Object.entries(byCollection).filter(([name]) => name !== "sessions");
  const sum = (key: "reads" | "writes") => others.reduce((n, [, c]) => n + c[key], 0) / messages;
  return [
    within(
      "session round trips per message (take + read, save, receipt)",
      (session.reads + session.writes) / messages,
      "trips",
      3,
    ),
    info(`other reads per message (${others.map(([n]) => n).join(", ")})`, sum("reads"), "reads"),
    info("other writes per message", sum("writes"), "writes"),
  ];
}

export const section: BenchSection = {
  name: "engine",
  async run() {
    const { app, store } = createBenchApp();
    await runSequential(app, toRounds(app, "warmup", 200));
    const rounds = toRounds(app, "user", users, 200);
    for (const name of Object.keys(store.byCollection)) delete store.byCollection[name];
    const { latencies, cpu, byScenario, seconds, cpuSeconds } = await runSequential(app, rounds);
    const messages = latencies.length;
    const concurrent = await runConcurrent();
    const saved = await app.services.people.count({ status: "pending" });
    const expected = toRegistering(app, 200) + toRegistering(app, users);
    return [
      info(`messages (${users.toLocaleString("en")} users, ${byScenario.size} scenarios)`, messages, "msg"),
      within("latency per message p50", percentile(latencies, 50), "ms", 0.5),
      within("latency per message p99", percentile(latencies, 99), "ms", 5),
      within("CPU time per message p50", percentile(cpu, 50), "ms", 0.5),
      within("CPU time per message p99", percentile(cpu, 99), "ms", 5),
      ...toScenarioRows(byScenario),
      within("throughput, one after another", messages / seconds, "msg/s", 2000, "min"),
      within("throughput by CPU time, one after another", messages / cpuSeconds, "msg/s", 2000, "min"),
      info("throughput, 1,000 users at once", concurrent, "msg/s"),
      ...toStorageRows(store.byCollection, messages),
      { what: "registrations saved", value: `${saved} of ${expected}`, unit: "", budget: "", ok: null },
      info(`machine load (1 min average, ${availableParallelism()} cores)`, loadavg()[0]!, ""),
    ];
  },
};
