/**
 * Engine + flow steps over the memory store, silent logger: latency per message (p50, p99),
 * throughput on one core, and storage round trips per message, for multi-step conversations
 * across 1,000 users. Extend `scenarios` as flows land (registration, questions, death report…).
 */
import { availableParallelism, loadavg } from "node:os";
import { createApp, type App } from "../../src/app";
import type { InboundMessage } from "../../src/core/messages";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createCountingStore, info, percentile, within, type BenchSection } from "../lib/bench";

/** One user's conversation. `requires`: skipped unless that flow is registered. */
export type Scenario = { name: string; messages: string[]; staff?: boolean; requires?: string };

export const scenarios: Scenario[] = [
  {
    name: "menu, help, language, back",
    messages: ["halo", "bantuan", "6", "menu", "bahasa", "kembali", "batal"],
  },
  { name: "staff hub", staff: true, messages: ["menu", "7", "bantuan", "kembali", "7", "menu"] },
  {
    name: "loose typing",
    messages: ["assalamualaikum", "brp iuran nya", "dafter", "9", "data saya", "menu"],
  },
  // When a flow lands, add its happy path here, e.g.:
  // { name: "registration", requires: "registration", messages: ["daftar", "Siti Aminah", "1571…", "ya"] },
];

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

/** Every user's messages, round by round (user i plays scenario i mod n), as inbound messages. */
function toRounds(app: App, prefix: string, count: number): InboundMessage[][] {
  const playable = scenarios.filter((s) => !s.requires || app.registry.get(s.requires));
  const longest = Math.max(...playable.map((s) => s.messages.length));
  const rounds: InboundMessage[][] = [];
  for (let round = 0; round < longest; round++) {
    rounds.push(
      Array.from({ length: count }, (_, user) => ({ user, scenario: playable[user % playable.length]! }))
        .filter(({ scenario }) => round < scenario.messages.length)
        .map(({ user, scenario }) => ({
          channel: "terminal" as const,
          userId: `${prefix}-${user}`,
          messageId: `${prefix}-${user}-${round}`,
          content: { type: "text" as const, text: scenario.messages[round]! },
          ...(scenario.staff ? { isStaff: true } : {}),
        })),
    );
  }
  return rounds;
}

const respond = async () => undefined;

async function runSequential(
  app: App,
  rounds: InboundMessage[][],
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  for (const round of rounds)
    for (const message of round) {
      const t0 = performance.now();
      await app.inbound.handle(message, respond);
      latencies.push(performance.now() - t0);
    }
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

export const section: BenchSection = {
  name: "engine",
  async run() {
    const { app, store } = createBenchApp();
    await runSequential(app, toRounds(app, "warmup", 200));
    const rounds = toRounds(app, "user", users);
    store.counts.reads = 0;
    store.counts.writes = 0;
    const { latencies, seconds } = await runSequential(app, rounds);
    const messages = latencies.length;
    const reads = store.counts.reads / messages;
    const writes = store.counts.writes / messages;
    const concurrent = createBenchApp();
    const concurrentRounds = toRounds(concurrent.app, "user", users);
    const started = performance.now();
    for (const round of concurrentRounds)
      await Promise.all(round.map((m) => concurrent.app.inbound.handle(m, respond)));
    const concurrentSeconds = (performance.now() - started) / 1000;
    return [
      info(`messages (${users.toLocaleString("en")} users, ${scenarios.length} scenarios)`, messages, "msg"),
      within("latency per message p50", percentile(latencies, 50), "ms", 0.5),
      within("latency per message p99", percentile(latencies, 99), "ms", 5),
      within("throughput, one after another", messages / seconds, "msg/s", 2000, "min"),
      info("throughput, 1,000 users at once", messages / concurrentSeconds, "msg/s"),
      within("storage reads per message", reads, "reads", 1),
      within("storage writes per message", writes, "writes", 1),
      info(`machine load (1 min average, ${availableParallelism()} cores)`, loadavg()[0]!, ""),
    ];
  },
};
