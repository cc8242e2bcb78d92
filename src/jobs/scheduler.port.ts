/**
 * When a job runs and which worker runs it. Agenda (on MongoDB) in production; an in-process
 * scheduler over timers with the memory store, in tests and in the benchmark.
 */
export type JobData = { key: string } & Record<string, string>;
export type JobHandler = (data: JobData) => Promise<void>;

export interface JobScheduler {
  define(name: string, handler: JobHandler): void;
  /** Runs `name` at `at` (or at once if past). One pending job per name and `data.key`: a later call moves it. */
  schedule(name: string, at: Date, data: JobData): Promise<void>;
  /** Runs `name` every `intervalMs`. */
  every(name: string, intervalMs: number, data: JobData): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
