/**
 * One orderly stop for the bot: runs the registered stops in reverse order (channels, jobs,
 * health server), then the last ones (storage), and exits with the given code. A stop that hangs
 * (a long poll to an unreachable Telegram, a stuck browser) cannot hold the process: after the
 * deadline it exits with code 1 and says so.
 */
import type { Logger } from "../core/ports";

export type ShutdownOptions = {
  deadlineMs: number;
  logger: Logger;
  /** process.exit in the bot; a recorder in tests. */
  exit: (code: number) => void;
  /** Where the one-line notice for the operator goes (stderr in the bot). */
  notice: (line: string) => void;
  setTimer?: (run: () => void, ms: number) => void;
};

export function createShutdown(options: ShutdownOptions) {
  const stops: Array<() => Promise<void>> = [];
  const finals: Array<() => Promise<void>> = [];
  const firsts: Array<() => void> = [];
  const setTimer =
    options.setTimer ??
    ((run: () => void, ms: number) => {
      setTimeout(run, ms).unref();
    });
  let stopping = false;

  const runAll = async (list: Array<() => Promise<void>>) => {
    for (const stop of list)
      await stop().catch((error: unknown) => options.logger.error({ err: error }, "stop failed"));
  };

  return {
    /** Stopped first, in reverse order of registration. */
    add(stop: () => Promise<void>): void {
      stops.push(stop);
    },
    /** Run before anything else stops (nothing should restart a channel while the bot stops). */
    first(stop: () => void): void {
      firsts.push(stop);
    },
    /** Stopped last (the storage every other part still writes to while stopping). */
    addFinal(stop: () => Promise<void>): void {
      finals.push(stop);
    },
    get stopping(): boolean {
      return stopping;
    },
    async run(reason: string, code = 0): Promise<void> {
      if (stopping) return;
      stopping = true;
      options.logger.info({ reason }, "shutting down");
      for (const stop of firsts) stop();
      let exited = false;
      setTimer(() => {
        if (exited) return;
        exited = true;
        options.logger.error({ deadlineMs: options.deadlineMs }, "shutdown deadline passed; exiting now");
        options.notice(`jamsos-bot: stopping took longer than ${options.deadlineMs / 1000} s; exiting now`);
        options.exit(1);
      }, options.deadlineMs);
      await runAll([...stops].reverse());
      await runAll(finals);
      if (exited) return;
      exited = true;
      options.logger.info({ code }, "stopped");
      options.exit(code);
    },
  };
}
export type Shutdown = ReturnType<typeof createShutdown>;
