/**
 * The sending process of the broadcast benchmark (run by broadcast.bench.ts, killed with SIGKILL
 * in one scenario): opens the persisted store, seeds Telegram conversations and one broadcast on
 * the first run, then dispatches until the broadcast is completed. A restarted child resumes it.
 */
import { createApp } from "../../src/app";
import { createSession } from "../../src/core/session";
import { createInProcessScheduler } from "../../src/jobs/in-process.scheduler";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { openJsonlDocumentStore } from "./jsonl-document.store";
import { createBenchTelegramSender } from "./telegram-sender";

export type ChildArgs = {
  file: string;
  recipients: number;
  apiRoot: string;
  token: string;
  firstUserId: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runBroadcastChild(args: ChildArgs): Promise<void> {
  const store = openJsonlDocumentStore(args.file);
  const clock = { now: () => new Date() };
  const app = createApp({
    store,
    clock,
    logger: silentLogger,
    vault: createVault({ current: "k1", keys: { k1: Buffer.alloc(32, 7) }, hashKey: Buffer.alloc(32, 9) }),
    scheduler: createInProcessScheduler({ clock, logger: silentLogger, timers: false }),
    broadcasting: {
      quietHours: { start: "00:00", end: "00:00" },
      remindersEnabled: false,
      dispatcher: { runnerStaleMs: 2000, heartbeatMs: 500 },
    },
  });
  app.hub.register(createBenchTelegramSender(args.token, args.apiRoot, app.translator));
  const { broadcasts } = app.broadcasting.repo;
  let broadcast = (await broadcasts.find({ kind: "broadcast" }))[0];
  if (!broadcast) {
    for (let i = 0; i < args.recipients; i++) {
      const session = createSession("telegram", String(args.firstUserId + i), clock.now());
      session.version = 1;
      await app.services.sessions.save(session);
    }
    const by = { actor: "cli:bench" };
    const draft = {
      segment: { state: "chatted" as const },
      message: { type: "text" as const, text: "Halo {nama}, uji siaran." },
    };
    const created = await app.services.broadcasts.create(draft, by);
    if (created.status !== "ok") throw new Error(`broadcast not created: ${created.reason}`);
    await app.services.broadcasts.schedule(created.broadcast._id, "now", by);
    broadcast = created.broadcast;
  }
  for (;;) {
    const outcome = await app.broadcasting.dispatcher.dispatch(broadcast._id);
    if (outcome.type === "busy" || outcome.type === "waiting") {
      await sleep(Math.max(50, outcome.at.getTime() - Date.now()));
      continue;
    }
    const progress = await app.services.broadcasts.progress(broadcast._id);
    process.stdout.write(`${JSON.stringify({ outcome: outcome.type, progress })}\n`);
    await store.close();
    return;
  }
}
