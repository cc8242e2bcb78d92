/**
 * Deletes sessions after SESSION_TTL_DAYS of silence. MongoDB does it by itself (a TTL index on
 * `lastActivityAt`); this job does the same for stores without TTL (memory, the bench's file
 * store) and is a no-op there on MongoDB. Runs at start and every `everyMs`.
 */
import type { Clock, Logger } from "../core/ports";
import type { SessionStore } from "../core/session.store";

export type SessionPurge = { run(): Promise<number>; start(): Promise<void>; stop(): void };

export function createSessionPurge(deps: {
  sessions: Pick<SessionStore, "purgeSilent">;
  clock: Clock;
  logger: Logger;
  ttlDays: number;
  everyMs?: number;
}): SessionPurge {
  let timer: NodeJS.Timeout | undefined;
  async function run(): Promise<number> {
    const before = new Date(deps.clock.now().getTime() - deps.ttlDays * 86_400_000);
    const purged = await deps.sessions.purgeSilent(before);
    if (purged > 0) deps.logger.info({ purged, ttlDays: deps.ttlDays }, "silent sessions deleted");
    return purged;
  }
  const runLogged = () =>
    void run().catch((error: unknown) => deps.logger.error({ err: error }, "session purge failed"));
  return {
    run,
    async start() {
      if (timer) return;
      timer = setInterval(runLogged, deps.everyMs ?? 6 * 3600_000);
      timer.unref();
      await run().catch((error: unknown) => deps.logger.error({ err: error }, "session purge failed"));
    },
    stop: () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
