/**
 * City scale (DESIGN §7–8): a seeded city of 100,000 people (scale.seed.ts) on the memory store,
 * and per operation its time (wall and CPU, median of several runs) and the documents it read
 * (counted at the store's boundary, so the figure carries over to MongoDB). Other sizes:
 * SCALE_PEOPLE=1000,10000,100000 npm run bench -- scale
 */
import { computeBudgetReport } from "../../src/reports/budget.report";
import { computeClaimsReport } from "../../src/reports/claims.report";
import { computeCoverageReport } from "../../src/reports/coverage.report";
import { defaultReportAssumptions } from "../../src/reports/report-assumptions";
import { loadavg } from "node:os";
import { createApp, type App } from "../../src/app";
import type { BroadcastDraft } from "../../src/core/broadcast.port";
import type { FlowContext } from "../../src/core/flow";
import type { InboundMessage } from "../../src/core/messages";
import { findDeceased } from "../../src/flows/death-report/find-deceased";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import {
  createMemoryDocumentStore,
  type MemoryDocumentStore,
} from "../../src/storage/memory/memory-document.store";
import { info, percentile, within, type BenchRow, type BenchSection } from "../lib/bench";
import { createReadCountingStore, type ReadCounts, type ReadCountingStore } from "../lib/documents-read";
import { scenarios, toScenarioMessages } from "./engine.scenarios";
import { namesake, seedCity, type SeededCity } from "./scale.seed";

const now = new Date("2026-03-02T02:00:00Z");
const keys = { current: "b1", keys: { b1: Buffer.alloc(32, 1) }, hashKey: Buffer.alloc(32, 2) };
const message = { type: "template", template: "activeReminder" } as const;

type City = {
  app: App;
  store: ReadCountingStore;
  memory: MemoryDocumentStore;
  seeded: SeededCity;
  seedMs: number;
};

type Measured<T> = { wallMs: number; cpuMs: number; reads: ReadCounts; examined: number; result: T };

/** Median wall and CPU time of `runs` runs (after one warm-up), and the reads of one run. */
async function measure<T>(city: City, runs: number, work: (run: number) => Promise<T>): Promise<Measured<T>> {
  await work(-1);
  const walls: number[] = [];
  const cpus: number[] = [];
  let last: { result: T; reads: ReadCounts } | undefined;
  const examinedBefore = city.memory.stats.examined;
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    last = await city.store.measure(() => work(run));
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const examined = Math.round((city.memory.stats.examined - examinedBefore) / runs);
  return {
    wallMs: percentile(walls, 50),
    cpuMs: percentile(cpus, 50),
    reads: last!.reads,
    examined,
    result: last!.result,
  };
}

async function createCity(size: number): Promise<City> {
  const memory = createMemoryDocumentStore();
  const started = performance.now();
  const seeded = await seedCity(memory, size, now);
  const seedMs = performance.now() - started;
  const store = createReadCountingStore(memory);
  let tick = now.getTime();
  const app = createApp({
    store,
    clock: { now: () => new Date((tick += 1000)) },
    logger: silentLogger,
    vault: createVault(keys),
  });
  for (const channel of ["terminal", "telegram", "whatsapp"] as const)
    app.hub.register({ channel, send: async () => undefined });
  return { app, store, memory, seeded, seedMs };
}

/** Rows for one timed operation: wall time against its budget, CPU time, documents read. */
function toRows(
  label: string,
  m: Measured<unknown>,
  budget: { ms?: number; documents?: number },
): BenchRow[] {
  return [
    budget.ms === undefined ? info(label, m.wallMs, "ms") : within(label, m.wallMs, "ms", budget.ms),
    info(`  CPU time`, m.cpuMs, "ms"),
    budget.documents === undefined
      ? info(`  documents read`, m.reads.documents, "docs")
      : within(`  documents read`, m.reads.documents, "docs", budget.documents),
    info(`  groups and counts read`, m.reads.counted, "rows"),
    info(`  documents examined (memory store)`, m.examined, "docs"),
  ];
}

async function previewRows(city: City, size: string): Promise<BenchRow[]> {
  const preview = (draft: BroadcastDraft, sample: number) =>
    city.app.services.broadcasts.preview(draft, sample);
  const whole = await measure(city, 3, () => preview({ segment: { state: "registered" }, message }, 0));
  const chatted = await measure(city, 3, () => preview({ segment: { state: "chatted" }, message }, 0));
  const withSample = await measure(city, 3, () => preview({ segment: { state: "registered" }, message }, 5));
  // A segment up to the exact-list size is listed, not counted: its documents have no budget.
  const documents = (m: Measured<{ estimated: boolean }>) => (m.result.estimated ? { documents: 0 } : {});
  const how = (m: Measured<{ estimated: boolean; recipients: number }>) =>
    `${m.result.recipients} recipients, ${m.result.estimated ? "counted" : "listed exactly"}`;
  return [
    ...toRows(`${size}: whole-city preview (${how(whole)})`, whole, { ms: 1000, ...documents(whole) }),
    ...toRows(`${size}: "chatted" preview (${how(chatted)})`, chatted, { ms: 1000, ...documents(chatted) }),
    ...toRows(`${size}: whole-city preview with 5 sample recipients shown`, withSample, { ms: 1000 }),
  ];
}

async function staffRows(city: City, size: string): Promise<BenchRow[]> {
  const { people } = city.app.services;
  const open = ["pending", "active", "rejected", "inactive"] as const;
  const kelurahan = city.seeded.target.rt.kelurahan;
  const pending = await measure(city, 9, () => people.search({ status: "pending" }, { limit: 10 }));
  const byName = await measure(city, 9, () =>
    people.search({ text: "siti", status: [...open] }, { limit: 10 }),
  );
  const byArea = await measure(city, 9, () => people.search({ kelurahan, status: [...open] }, { limit: 10 }));
  return [
    ...toRows(`${size}: staff pending-registrations list (10)`, pending, { ms: 50, documents: 10 }),
    ...toRows(`${size}: staff search by name "siti" (10)`, byName, { ms: 50, documents: 10 }),
    ...toRows(`${size}: staff search by kelurahan (10)`, byArea, { ms: 50, documents: 10 }),
  ];
}

/** The last message of a registration ("kirim"), timed alone, for `runs` new users. */
async function submitRows(city: City, size: string): Promise<BenchRow[]> {
  const scenario = scenarios.find((s) => s.name.startsWith("registration, trader"))!;
  const send = (user: number, text: string, i: number): InboundMessage => ({
    channel: "terminal",
    userId: `bench-${user}`,
    messageId: `bench-${user}-${i}`,
    content: { type: "text", text },
  });
  const runs = 9;
  const messagesOf = (user: number) => toScenarioMessages(scenario, 900_000 + user);
  // Users 0…runs walk up to the summary untimed; then each one's "kirim" is timed (user 0 warms up).
  for (let user = 0; user <= runs; user++)
    for (const [i, text] of messagesOf(user).slice(0, -1).entries())
      await city.app.inbound.handle(send(user, text, i), async () => undefined);
  const before = await city.app.services.people.count({ status: "pending" });
  const timed = await measure(city, runs, async (run) => {
    const messages = messagesOf(run + 1);
    await city.app.inbound.handle(
      send(run + 1, messages.at(-1)!, messages.length - 1),
      async () => undefined,
    );
  });
  const stored = (await city.app.services.people.count({ status: "pending" })) - before;
  return [
    ...toRows(`${size}: registration submit step`, timed, { ms: 20 }),
    {
      what: "  registrations stored",
      value: `${stored} of ${runs + 1}`,
      unit: "",
      budget: "all",
      ok: stored === runs + 1,
    },
  ];
}

async function deathReportRows(city: City, size: string): Promise<BenchRow[]> {
  const { rt, personId } = city.seeded.target;
  const query = { kelurahan: rt.kelurahan, rt: rt.rt, text: namesake };
  const search = await measure(city, 9, () => city.app.services.people.search(query, { limit: 50 }));
  const found = search.result.some((p) => p._id === personId);
  const ctx = { services: city.app.services } as unknown as FlowContext;
  const data = { identifyBy: "name", deceasedName: namesake, kelurahan: rt.kelurahan, rt: rt.rt } as never;
  const flow = await measure(city, 9, () => findDeceased(data, ctx));
  const flowFound = flow.result.type === "found" && flow.result.person._id === personId;
  return [
    ...toRows(`${size}: death-report search (name in kelurahan + RT, 200 namesakes)`, search, {
      ms: 50,
      documents: 50,
    }),
    { what: `  finds the right person`, value: found ? "yes" : "NO", unit: "", budget: "yes", ok: found },
    ...toRows(`${size}: death report's findDeceased (flow, as merged)`, flow, {}),
    {
      what: `  flow finds the right person`,
      value: flowFound ? "yes" : "no",
      unit: "",
      budget: "",
      ok: null,
    },
  ];
}

async function resolveRows(city: City, size: string): Promise<BenchRow[]> {
  const { resolver } = city.app.broadcasting;
  const whole = await measure(city, 1, () => resolver.resolve({ state: "registered" }));
  const coverage = await measure(city, 3, () =>
    resolver.resolve({ state: "coverageEnding", coverageEndsBefore: "2026-03-17" }),
  );
  return [
    ...toRows(`${size}: list every recipient once (whole city, at send time)`, whole, {}),
    ...toRows(
      `${size}: hourly cover-ending reminder query (${coverage.result.recipients.length} due)`,
      coverage,
      {},
    ),
  ];
}

/** The APBD reports (coverage per kelurahan and RT, budget, claims per stage), counted in the store. */
async function reportRows(city: City, size: string): Promise<BenchRow[]> {
  const { services } = city.app;
  const assumptions = services.settings.reportAssumptions ?? defaultReportAssumptions();
  const coverage = await measure(city, 3, () => computeCoverageReport(services.reports, assumptions));
  const budget = await measure(city, 3, () => computeBudgetReport(services.reports, assumptions));
  const claims = await measure(city, 3, () =>
    computeClaimsReport(services.reports, services.claims, services.clock.now()),
  );
  return [
    ...toRows(`${size}: coverage report (${coverage.result.totals.total} people, every RT)`, coverage, {
      ms: 1000,
    }),
    ...toRows(`${size}: APBD budget report`, budget, { ms: 1000 }),
    ...toRows(`${size}: claims report (per stage, overdue)`, claims, { ms: 1000 }),
  ];
}

function toSizes(): number[] {
  const raw = process.env.SCALE_PEOPLE ?? "100000";
  return raw
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

export const section: BenchSection = {
  name: "scale",
  async run() {
    const rows: BenchRow[] = [info("load average (1 min) at start", loadavg()[0] ?? 0, "")];
    for (const count of toSizes()) {
      const size = `${count.toLocaleString("en")} people`;
      const city = await createCity(count);
      rows.push(info(`${size}: seeding the city (not a budget)`, city.seedMs / 1000, "s"));
      rows.push(...(await previewRows(city, size)));
      rows.push(...(await staffRows(city, size)));
      rows.push(...(await submitRows(city, size)));
      rows.push(...(await deathReportRows(city, size)));
      rows.push(...(await resolveRows(city, size)));
      rows.push(...(await reportRows(city, size)));
      rows.push(info(`${size}: heap used`, process.memoryUsage().heapUsed / 1024 / 1024, "MB"));
    }
    return rows;
  },
};
