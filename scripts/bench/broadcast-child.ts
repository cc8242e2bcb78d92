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
import { dispatchToEnd, findOrScheduleBroadcast } from "../lib/bench-broadcast";
import { openJsonlDocumentStore } from "./jsonl-document.store";
import { createBenchTelegramSender } from "./telegram-sender";

export type ChildArgs = {
  file: string;
  recipients: number;
  apiRoot: string;
  token: string;
  firstUserId: number;
};

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
  const broadcast = await findOrScheduleBroadcast(
    app,
    { type: "text", text: "Halo {nama}, uji siaran." },
    async () => {
      for (let i = 0; i < args.recipients; i++) {
        const session = createSession("telegram", String(args.firstUserId + i), clock.now());
        session.version = 1;
        await app.services.sessions.save(session);
      }
    },
  );
  await dispatchToEnd(app, broadcast._id);
  await store.close();
}
