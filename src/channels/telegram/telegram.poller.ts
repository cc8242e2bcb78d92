/**
 * Long polling that never loses an update. Telegram takes the `offset` of getUpdates as "every
 * update below it is handled": grammY's runner moves it as soon as it fetches, so updates fetched
 * but not yet handled are gone when the process is killed. Here the offset stays at the oldest
 * update still being handled; the ones already started are skipped when they come again, and a
 * restarted process gets every unfinished update again (the engine drops those it finished, by
 * message id). Updates are handled concurrently; grammY's `sequentialize` keeps each chat in order.
 */
import { GrammyError, type Api } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../../core/ports";

export type PollerOptions = {
  api: Pick<Api, "getUpdates">;
  handle: (update: Update) => Promise<void>;
  logger: Logger;
  /** Long-poll timeout in seconds while nothing is being handled. */
  timeoutSeconds: number;
  allowedUpdates: ReadonlyArray<"message" | "callback_query">;
  /** Longest wait between polls while updates are being handled (ms). */
  busyPollMs?: number;
};

export type Poller = {
  /** Settles when polling stops (after `stop`); rejects when Telegram refuses it for good (409, 401). */
  readonly task: Promise<void>;
  /** Stops fetching; resolves once the current fetch has ended (updates in flight keep going). */
  stop(): Promise<void>;
  /** Updates being handled now. */
  inFlight(): number;
  /** Tells Telegram that every update handled so far is done (after `stop`, once none is in flight). */
  confirm(): Promise<void>;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function startDurablePolling(options: PollerOptions): Poller {
  const busyPollMs = options.busyPollMs ?? 250;
  const inFlight = new Map<number, Promise<void>>();
  const controller = new AbortController();
  let running = true;
  /** The first update id not seen yet. */
  let next = 0;

  function start(update: Update): void {
    next = update.update_id + 1;
    const work = options
      .handle(update)
      .catch((error: unknown) =>
        options.logger.error({ err: error, updateId: update.update_id }, "telegram update failed"),
      )
      .finally(() => inFlight.delete(update.update_id));
    inFlight.set(update.update_id, work);
  }

  async function fetch(): Promise<Update[]> {
    const busy = inFlight.size > 0;
    // Never past an update that is still being handled: Telegram would forget it.
    const offset = busy ? Math.min(...inFlight.keys()) : next;
    return options.api.getUpdates(
      {
        ...(offset > 0 ? { offset } : {}),
        timeout: busy ? 0 : options.timeoutSeconds,
        allowed_updates: [...options.allowedUpdates],
      },
      // grammY types its signal with the abort-controller package's class; a native one works alike.
      controller.signal as unknown as Parameters<Api["getUpdates"]>[1],
    );
  }

  async function loop(): Promise<void> {
    for (let failures = 0; running;) {
      let updates: Update[];
      try {
        updates = await fetch();
        failures = 0;
      } catch (error) {
        if (!running) break;
        // Another process polls this token, or the token was revoked: polling ends, said loudly.
        if (error instanceof GrammyError && (error.error_code === 409 || error.error_code === 401))
          throw error;
        failures += 1; // logged once by the API transformer (telegram.bot.ts)
        await sleep(Math.min(30_000, 500 * 2 ** (failures - 1)));
        continue;
      }
      const fresh = updates.filter((update) => update.update_id >= next);
      for (const update of fresh) start(update);
      if (fresh.length === 0 && inFlight.size > 0)
        await Promise.race([...inFlight.values(), sleep(busyPollMs)]);
    }
  }

  const task = loop();
  return {
    task,
    inFlight: () => inFlight.size,
    async stop() {
      running = false;
      controller.abort();
      await task;
    },
    async confirm() {
      if (inFlight.size > 0 || next === 0) return;
      await options.api.getUpdates({ offset: next, limit: 1, timeout: 0 }).catch(() => undefined);
    },
  };
}
