/**
 * The broadcast benches' sending children: the one broadcast to the conversations they seeded
 * ("chatted"), created and scheduled on the first run, resumed after a restart; dispatched until
 * it is done, then its progress printed as one JSON line for the parent.
 */
import type { createApp } from "../../src/app";

type App = ReturnType<typeof createApp>;
type DraftMessage = Parameters<App["services"]["broadcasts"]["create"]>[0]["message"];
type Broadcast = Awaited<ReturnType<App["broadcasting"]["repo"]["broadcasts"]["find"]>>[number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The broadcast already in the store, or a new one, with `seed` run first to make its recipients. */
export async function findOrScheduleBroadcast(
  app: App,
  message: DraftMessage,
  seed: () => Promise<void>,
): Promise<Broadcast> {
  const existing = (await app.broadcasting.repo.broadcasts.find({ kind: "broadcast" }))[0];
  if (existing) return existing;
  await seed();
  const by = { actor: "cli:bench" };
  const created = await app.services.broadcasts.create({ segment: { state: "chatted" }, message }, by);
  if (created.status !== "ok") throw new Error(`broadcast not created: ${created.reason}`);
  await app.services.broadcasts.schedule(created.broadcast._id, "now", by);
  return created.broadcast;
}

/** Dispatches until the broadcast is done, waits `settleMs` (late receipts), prints its progress. */
export async function dispatchToEnd(app: App, id: string, settleMs = 0): Promise<void> {
  for (;;) {
    const outcome = await app.broadcasting.dispatcher.dispatch(id);
    if (outcome.type === "busy" || outcome.type === "waiting") {
      await sleep(Math.max(50, outcome.at.getTime() - Date.now()));
      continue;
    }
    if (settleMs > 0) await sleep(settleMs);
    const progress = await app.services.broadcasts.progress(id);
    process.stdout.write(`${JSON.stringify({ outcome: outcome.type, progress })}\n`);
    return;
  }
}
