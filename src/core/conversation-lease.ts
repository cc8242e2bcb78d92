/**
 * A conversation's turns in arrival order, in one process or many. On arrival a message takes the
 * conversation's lease at once when it is free and nobody waits, else a ticket in its line
 * (session-line.ts); it then waits until the tickets before it were served. Arrivals of one
 * process are made one after the other, so two messages of a user reach the line in the order
 * they reached this process. A line that makes no progress for longer than a lease while the lease
 * is free had a holder that went away: its ticket is skipped. A wait with no progress at all for
 * `waitMs` is given up (the caller apologises).
 */
import { AppError } from "./errors";
import type { Clock } from "./ports";
import { createSerialQueue } from "./serial-queue";
import type { Acquired } from "./session-line";
import type { SessionStore } from "./session.store";

export type LeaseSettings = {
  /** How long a turn may hold its conversation; a crashed holder blocks it at most this long. */
  ms: number;
  /** Longest wait without any progress in the line. */
  waitMs: number;
};

export const defaultLeaseSettings: LeaseSettings = { ms: 10_000, waitMs: 25_000 };

export type LeaseDeps = {
  sessions: SessionStore;
  /** Real time shared by every process (leases compare it across processes). */
  clock: Clock;
  settings: LeaseSettings;
  sleep: (ms: number) => Promise<void>;
};

export function createConversationLeases(deps: LeaseDeps) {
  const { sessions, clock, settings } = deps;
  const arrivals = createSerialQueue();
  /** Waiters of this process, woken when a turn here ends instead of at their next poll. */
  const waiters = new Map<string, Set<() => void>>();

  function pause(key: string, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const own = waiters.get(key) ?? new Set();
      waiters.set(key, own);
      const done = () => {
        own.delete(done);
        if (own.size === 0 && waiters.get(key) === own) waiters.delete(key);
        resolve();
      };
      own.add(done);
      void deps.sleep(ms).then(done);
    });
  }

  async function waitTurn(key: string, owner: string, ticket: number): Promise<Acquired> {
    let served = -1;
    let progressAt = clock.now().getTime();
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      const turn = await sessions.acquireTurn(key, owner, clock.now(), settings.ms, ticket);
      if (turn.type === "acquired") return turn;
      const now = clock.now().getTime();
      if (turn.served !== served) [served, progressAt] = [turn.served, now];
      else if (turn.leaseFree && now - progressAt > settings.ms) {
        await sessions.skipTurns(key, served, ticket - 1);
        progressAt = now;
      } else if (now - progressAt > settings.waitMs)
        throw new AppError("STORAGE_CONFLICT", `Conversation ${key} stayed busy for ${settings.waitMs} ms`, {
          ticket,
          served,
        });
      await pause(key, wait);
    }
  }

  return {
    /** Takes the conversation `key` for `owner`, after the messages that arrived before. */
    async take(key: string, owner: string): Promise<Acquired> {
      const arrival = await arrivals.run(key, () => sessions.arrive(key, owner, clock.now(), settings.ms));
      return typeof arrival === "number" ? waitTurn(key, owner, arrival) : arrival;
    },
    /** A turn of `key` ended here: the next one waiting in this process looks at once. */
    wake(key: string): void {
      for (const wake of [...(waiters.get(key) ?? [])]) wake();
    },
  };
}

export type ConversationLeases = ReturnType<typeof createConversationLeases>;
