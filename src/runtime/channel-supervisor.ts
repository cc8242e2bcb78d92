/**
 * Watches the channels main.ts started. When no enabled channel can run (each failed at start, or
 * later: a revoked token, a refused WhatsApp login) the bot must not sit there looking alive:
 * with the "exit" policy it calls `onNoChannel` (main.ts stops and exits with code 1, so systemd's
 * Restart=on-failure or Docker's restart policy starts it again); with "retry" it restarts each
 * failed channel itself, waiting 5 s, 10 s, … up to 5 minutes between tries.
 */
import type { Logger } from "../core/ports";

export type ChannelState = "starting" | "running" | "waitingForLogin" | "reconnecting" | "failed" | "stopped";

export type SupervisedChannel = {
  name: string;
  /** Starts the channel; rejects when it cannot run. */
  start(): Promise<void>;
  state(): ChannelState;
};

export type Timers = {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
};

export type SupervisorOptions = {
  policy: "exit" | "retry";
  logger: Logger;
  /** Called once when no channel can run under the "exit" policy. */
  onNoChannel: (reason: string) => void;
  backoff?: { initialMs: number; maxMs: number };
  /** How often states are looked at, to notice a channel that fails after starting. */
  checkEveryMs?: number;
  timers?: Timers;
};

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createChannelSupervisor(options: SupervisorOptions) {
  const timers = options.timers ?? realTimers;
  const backoff = options.backoff ?? { initialMs: 5_000, maxMs: 5 * 60_000 };
  const channels: SupervisedChannel[] = [];
  const attempts = new Map<string, number>();
  const retries = new Map<string, unknown>();
  const lastError = new Map<string, string>();
  /** Channels whose start has not finished yet: nobody gives up on them. */
  const launching = new Set<string>();
  let interval: unknown;
  let stopped = false;
  let gaveUp = false;

  function scheduleRetry(channel: SupervisedChannel): void {
    if (stopped || retries.has(channel.name)) return;
    const attempt = (attempts.get(channel.name) ?? 0) + 1;
    attempts.set(channel.name, attempt);
    const delayMs = Math.min(backoff.initialMs * 2 ** (attempt - 1), backoff.maxMs);
    options.logger.warn({ channel: channel.name, attempt, delayMs }, `${channel.name} is down; trying again`);
    retries.set(
      channel.name,
      timers.setTimeout(() => {
        retries.delete(channel.name);
        void launch(channel);
      }, delayMs),
    );
  }

  /** Looks at every channel: retries failed ones, or gives up when none can run. */
  function check(): void {
    if (stopped || gaveUp || channels.length === 0) return;
    const failed = channels.filter((c) => c.state() === "failed");
    if (options.policy === "retry") return failed.forEach(scheduleRetry);
    if (failed.length < channels.length || launching.size > 0) return;
    gaveUp = true;
    const reasons = failed.map((c) => `${c.name}: ${lastError.get(c.name) ?? "failed"}`).join("; ");
    options.onNoChannel(`no channel can run (${reasons})`);
  }

  async function launch(channel: SupervisedChannel): Promise<void> {
    launching.add(channel.name);
    try {
      await channel.start();
      attempts.delete(channel.name);
      lastError.delete(channel.name);
    } catch (error) {
      lastError.set(channel.name, errorText(error));
      options.logger.error(
        { channel: channel.name, err: error },
        `${channel.name} is OFF: ${errorText(error)}`,
      );
    } finally {
      launching.delete(channel.name);
    }
    check();
  }

  return {
    add(channel: SupervisedChannel): void {
      channels.push(channel);
    },
    /** Starts every channel at once; resolves when each has succeeded or failed once. */
    async start(): Promise<void> {
      interval = timers.setInterval(check, options.checkEveryMs ?? 5_000);
      await Promise.all(channels.map(launch));
    },
    states(): Record<string, ChannelState> {
      return Object.fromEntries(channels.map((c) => [c.name, c.state()]));
    },
    stop(): void {
      stopped = true;
      if (interval !== undefined) timers.clearInterval(interval);
      for (const handle of retries.values()) timers.clearTimeout(handle);
      retries.clear();
    },
  };
}

export type ChannelSupervisor = ReturnType<typeof createChannelSupervisor>;
