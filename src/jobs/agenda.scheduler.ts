/**
 * The scheduler on MongoDB: Agenda 6 with @agendajs/mongo-backend over the connection mongoose
 * already opened (STACK.md §5: pass `connection.db`, never an address, or an unreachable server
 * becomes an unhandled rejection in Agenda's constructor). Jobs survive restarts; Agenda's lock
 * decides which worker runs one. Only used when the app runs on MongoDB.
 */
import { Agenda } from "agenda";
import { MongoBackend } from "@agendajs/mongo-backend";
import type { Db } from "mongodb";
import type { Logger } from "../core/ports";
import type { JobScheduler } from "./scheduler.port";

export type AgendaSchedulerOptions = {
  /** `mongoose.connection.db` of an open connection. */
  db: Db;
  logger: Logger;
  /** How often Agenda looks for due jobs. */
  processEveryMs?: number;
  /** A job whose worker died is picked up again after this long. */
  lockLifetimeMs?: number;
};

/**
 * Connects the backend first, so a failure is a rejection the caller catches (Agenda's own
 * constructor connects again without a catch: an unhandled rejection, STACK.md §5). Connecting
 * twice is harmless: it selects the collection and ensures one index.
 */
export async function connectAgendaScheduler(options: AgendaSchedulerOptions): Promise<JobScheduler> {
  const backend = new MongoBackend({ mongo: options.db });
  await backend.connect();
  const agenda = new Agenda({
    backend,
    processEvery: options.processEveryMs ?? 5000,
    defaultLockLifetime: options.lockLifetimeMs ?? 10 * 60_000,
  });
  agenda.on("error", (error) => options.logger.error({ err: error }, "agenda error"));
  return {
    define(name, handler) {
      agenda.define(name, async (job) => handler(job.attrs.data as Parameters<typeof handler>[0]));
    },
    async schedule(name, at, data) {
      await agenda.create(name, data).unique({ name, "data.key": data.key }).schedule(at).save();
    },
    async every(name, intervalMs, data) {
      await agenda.every(intervalMs, name, data);
    },
    start: () => agenda.start(),
    stop: () => agenda.stop(),
  };
}
