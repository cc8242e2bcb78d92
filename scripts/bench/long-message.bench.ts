/**
 * Long messages: a fresh user is put at every step of every flow and sends a 65,536-character
 * message (refused by the input limit before any parsing), and texts just at the limit (2,000
 * characters, the longest any step parses) in patterns that are hard on parsers. Worst handling
 * time per message (budget 50 ms), and how long a short message of another user sent at the same
 * moment waited (the long one must not block other conversations).
 */
import { createApp, type App } from "../../src/app";
import type { AnyFlow, FlowContext } from "../../src/core/flow";
import { createSession } from "../../src/core/session";
import { defaultMaxTextLength } from "../../src/core/turn";
import { createFlowRegistry } from "../../src/flows/registry";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { info, within, type BenchRow, type BenchSection } from "../lib/bench";

type Target = { flow: AnyFlow; step: string };

const at = (n: number, unit: string) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const limit = defaultMaxTextLength;
const texts: Record<string, string> = {
  "65,536 letters": at(65_536, "a"),
  "65,536 digits and spaces": at(65_536, "1 "),
  [`${limit} letters`]: at(limit, "a"),
  [`${limit} digits`]: at(limit, "1"),
  [`${limit} digits and spaces`]: at(limit, "1 "),
  [`${limit} words`]: at(limit, "ya tidak daftar menu "),
  [`${limit} punctuation`]: at(limit, ".,-/ "),
  [`${limit} emoji`]: at(limit, "😀🙏🏽"),
};

function createBenchApp(): App {
  const app = createApp({
    store: createMemoryDocumentStore(),
    clock: { now: () => new Date("2026-03-02T02:00:00Z") },
    logger: silentLogger,
    vault: createVault({ current: "b1", keys: { b1: Buffer.alloc(32, 1) }, hashKey: Buffer.alloc(32, 2) }),
  });
  for (const channel of ["terminal", "telegram", "whatsapp"] as const)
    app.hub.register({ channel, send: async () => undefined });
  return app;
}

let users = 0;

/** A new user standing at `target`, as the robustness test puts them. */
async function placeUser(app: App, target: Target, isHome: boolean): Promise<string> {
  const userId = `long-${++users}`;
  const now = app.services.clock.now();
  const session = createSession("terminal", userId, now);
  const ctx = {
    now,
    channel: "terminal",
    userId,
    language: "id",
    isStaff: true,
    session,
  } as unknown as FlowContext;
  if (!isHome) {
    const data: unknown = target.flow.initial({ ...ctx, services: app.services, translator: app.translator });
    session.flow = {
      id: target.flow.id,
      version: target.flow.version,
      step: target.step,
      data,
      history: [],
      startedAt: now,
    };
  }
  session.version = 1;
  await app.services.sessions.save(session);
  return userId;
}

const message = (userId: string, text: string, isStaff = true) => ({
  channel: "terminal" as const,
  userId,
  messageId: `${userId}-${Math.random()}`,
  content: { type: "text" as const, text },
  ...(isStaff ? { isStaff } : {}),
});

/** Wall time and CPU time (all threads of this process) of `work`, in ms. */
async function timed(work: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

export const section: BenchSection = {
  name: "long-message",
  async run(): Promise<BenchRow[]> {
    const app = createBenchApp();
    const registry = createFlowRegistry();
    const targets = registry.all.flatMap((flow) => Object.keys(flow.steps).map((step) => ({ flow, step })));
    const worst = new Map<string, { wall: number; cpu: number; where: string }>();
    const slow = new Set<string>();
    let waitedMost = 0;
    const respond = async () => undefined;
    // Warm up (first calls compile and build lookup tables), then measure.
    for (const target of targets)
      for (const text of [texts["65,536 letters"]!, "apa itu jkm", at(limit, "ya ")])
        await app.inbound.handle(message(await placeUser(app, target, false), text), respond);
    for (const target of targets)
      for (const [name, text] of Object.entries(texts)) {
        const long = await placeUser(app, target, target.flow === registry.home);
        const alone = await timed(() => app.inbound.handle(message(long, text), respond));
        if (alone.cpu > 50) slow.add(`${target.flow.id}.${target.step}`);
        if (alone.cpu > (worst.get(name)?.cpu ?? -1))
          worst.set(name, { ...alone, where: `${target.flow.id}.${target.step}` });
        // The same message again beside another user's "menu": how long did that one wait?
        const [again, other] = [
          await placeUser(app, target, target.flow === registry.home),
          await placeUser(app, target, true),
        ];
        const [, short] = await Promise.all([
          app.inbound.handle(message(again, text), respond),
          timed(() => app.inbound.handle(message(other, "menu", false), respond)),
        ]);
        waitedMost = Math.max(waitedMost, short.wall);
      }
    const rows = [...worst].map(([name, { cpu, wall, where }]) =>
      within(`worst CPU time, ${name} (at ${where}; wall ${wall.toFixed(0)} ms)`, cpu, "ms", 50),
    );
    return [
      info(`flow steps tried (each with ${Object.keys(texts).length} texts)`, targets.length, "steps"),
      ...rows,
      info("longest wait (wall) of another user's message sent at the same moment", waitedMost, "ms"),
      {
        what: "steps over 50 ms of CPU",
        value: [...slow].join(", ") || "none",
        unit: "",
        budget: "",
        ok: null,
      },
    ];
  },
};
