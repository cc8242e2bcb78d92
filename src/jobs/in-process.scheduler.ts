/**
 * A scheduler inside the process, for the memory store (nothing survives a restart there anyway).
 * With `timers: false` nothing runs by itself: tests move the clock and call `runDue()`.
 */
import type { Clock, Logger } from "../core/ports";
import type { JobData, JobHandler, JobScheduler } from "./scheduler.port";

type Pending = { name: string; at: Date; data: JobData; timer?: NodeJS.Timeout };

export type InProcessScheduler = JobScheduler & {
  /** Runs every job due at the clock's now, one after another, including jobs they schedule for now. */
  runDue(): Promise<number>;
  pending(): { name: string; at: Date; data: JobData }[];
};

export function createInProcessScheduler(deps: {
  clock: Clock;
  logger: Logger;
  timers?: boolean;
}): InProcessScheduler {
  const handlers = new Map<string, JobHandler>();
  const jobs = new Map<string, Pending>();
  const intervals: NodeJS.Timeout[] = [];
  const repeating: { name: string; ms: number; data: JobData }[] = [];
  let started = false;

  async function run(name: string, data: JobData): Promise<void> {
    const handler = handlers.get(name);
    if (!handler) return deps.logger.warn({ job: name }, "no handler for job");
    await handler(data).catch((error: unknown) => deps.logger.error({ err: error, job: name }, "job failed"));
  }

  function arm(id: string, job: Pending): void {
    if (!started || deps.timers === false) return;
    const delay = Math.max(0, job.at.getTime() - deps.clock.now().getTime());
    job.timer = setTimeout(
      () => {
        if (jobs.get(id) !== job) return;
        jobs.delete(id);
        void run(job.name, job.data);
      },
      Math.min(delay, 2 ** 31 - 1),
    );
    job.timer.unref();
  }

  function armRepeating(entry: { name: string; ms: number; data: JobData }): void {
    if (!started || deps.timers === false) return;
    const timer = setInterval(() => void run(entry.name, entry.data), entry.ms);
    timer.unref();
    intervals.push(timer);
  }

  return {
    define: (name, handler) => void handlers.set(name, handler),
    async schedule(name, at, data) {
      const id = `${name}|${data.key}`;
      const previous = jobs.get(id);
      if (previous?.timer) clearTimeout(previous.timer);
      const job: Pending = { name, at, data };
      jobs.set(id, job);
      arm(id, job);
    },
    async every(name, ms, data) {
      const entry = { name, ms, data };
      repeating.push(entry);
      armRepeating(entry);
    },
    async start() {
      started = true;
      for (const [id, job] of jobs) arm(id, job);
      for (const entry of repeating) armRepeating(entry);
    },
    async stop() {
      started = false;
      for (const job of jobs.values()) if (job.timer) clearTimeout(job.timer);
      for (const timer of intervals.splice(0)) clearInterval(timer);
    },
    async runDue() {
      let ran = 0;
      for (let round = 0; round < 100; round++) {
        const now = deps.clock.now().getTime();
        const due = [...jobs.entries()].filter(([, job]) => job.at.getTime() <= now);
        if (due.length === 0) break;
        for (const [id, job] of due) {
          jobs.delete(id);
          await run(job.name, job.data);
          ran += 1;
        }
      }
      return ran;
    },
    pending: () => [...jobs.values()].map(({ name, at, data }) => ({ name, at, data })),
  };
}
