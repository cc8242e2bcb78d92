/**
 * One conversation at a time, in arrival order, across processes: fields kept beside the session
 * in its document. `lease` says who handles the conversation now and until when (it expires, so a
 * crashed holder blocks nobody for long). When a message finds the conversation busy it takes a
 * ticket from `line` (issued, served, waiting) and waits until every earlier ticket was served:
 * waiters go first-come first-served instead of racing for the lease. A message that finds it free
 * and nobody waiting takes the lease in one round trip, which is also the turn's one read.
 */
import type { Collection, Filter } from "./document-store.port";
import { isAppError } from "./errors";
import { parseStoredSession, type Session } from "./session";

export type Lease = {
  owner: string;
  until: Date;
  /** The ticket this turn waited with, when it had to queue. */
  ticket?: number;
};

export type Acquired = {
  type: "acquired";
  lease: Lease;
  /** null: a new conversation, or an unreadable one (then `unreadable` says where). */
  session: Session | null;
  unreadable?: { issues: string[]; version: number };
};

/** A ticket holder's view while waiting: the last ticket served, and whether the lease is free. */
export type Waiting = { type: "waiting"; served: number; leaseFree: boolean };

/**
 * This process, when it has a stable name: `instance` stays the same across restarts (INSTANCE_ID),
 * `boot` changes at every start. A lease held by an earlier boot of the same instance is free at
 * once, since that process is gone: a restarted bot takes its conversations back without waiting.
 */
export type ProcessIdentity = { instance: string; boot: string };

type StoredLease = { owner: string; until: Date; instance?: string; boot?: string };

export type StoredSession = Session & {
  lease?: StoredLease;
  stub?: true;
  line?: { issued: number; served: number; waiting: number };
};

function toLeaseFree(identity: ProcessIdentity | undefined) {
  return (owner: string, now: Date): Filter[] => [
    { lease: { $exists: false } },
    { "lease.until": { $lte: now } },
    { "lease.owner": owner },
    ...(identity ? [{ "lease.instance": identity.instance, "lease.boot": { $ne: identity.boot } }] : []),
  ];
}

/** A value or, for 0, also a missing field (conversations from before the line existed). */
const orMissing = (value: number) => ({ $in: value === 0 ? [0, null] : [value] });

export function createSessionLine(sessions: Collection<StoredSession>, identity?: ProcessIdentity) {
  const leaseFree = toLeaseFree(identity);
  const toStoredLease = (owner: string, until: Date): StoredLease => ({ owner, until, ...identity });
  const isFree = (lease: StoredLease | undefined, now: Date) =>
    !lease ||
    lease.until <= now ||
    (identity && lease.instance === identity.instance && lease.boot !== identity.boot);

  async function toAcquired(raw: StoredSession, lease: Lease): Promise<Acquired> {
    if (raw.stub) return { type: "acquired", lease, session: null };
    const parsed = parseStoredSession(raw);
    if (parsed.ok) return { type: "acquired", lease, session: parsed.session };
    const usable = Number.isInteger(raw.version) && raw.version >= 0;
    // An unusable version would fail every optimistic check: start it at 0, under our lease.
    if (!usable)
      await sessions.update({ _id: raw._id, "lease.owner": lease.owner }, { $set: { version: 0 } });
    const unreadable = { issues: parsed.issues, version: usable ? raw.version : 0 };
    return { type: "acquired", lease, session: null, unreadable };
  }

  /** Takes the lease when it is free and nobody waits; null otherwise (busy, or no session yet). */
  async function acquire(key: string, owner: string, now: Date, leaseMs: number): Promise<Acquired | null> {
    const lease = { owner, until: new Date(now.getTime() + leaseMs) };
    const free = { _id: key, $or: leaseFree(owner, now), "line.waiting": orMissing(0) };
    const taken = await sessions.findOneAndUpdate(free, {
      $set: { lease: toStoredLease(owner, lease.until) },
    });
    return taken ? toAcquired(taken, lease) : null;
  }

  /** Like `acquire`, creating a stub that holds the lease for a conversation not stored yet. */
  async function takeOrCreate(
    key: string,
    owner: string,
    now: Date,
    leaseMs: number,
  ): Promise<Acquired | null> {
    const lease = { owner, until: new Date(now.getTime() + leaseMs) };
    const free = { _id: key, $or: leaseFree(owner, now), "line.waiting": orMissing(0) };
    const change = {
      $set: { lease: toStoredLease(owner, lease.until) },
      $setOnInsert: { stub: true, version: 0, lastActivityAt: now },
    };
    try {
      const taken = await sessions.findOneAndUpdate(free, change, { upsert: true });
      return taken ? toAcquired(taken, lease) : null;
    } catch (error) {
      if (isAppError(error, "STORAGE_CONFLICT")) return null; // it exists and is busy
      throw error;
    }
  }

  /**
   * A message's arrival: the lease when the conversation is free and nobody waits (one round
   * trip, a new conversation included), else a ticket in its line. Two round trips at most, so
   * messages arriving a few ms apart keep their order.
   */
  async function arrive(key: string, owner: string, now: Date, leaseMs: number): Promise<Acquired | number> {
    const quick = await takeOrCreate(key, owner, now, leaseMs);
    if (quick) return quick;
    const change = {
      $inc: { "line.issued": 1, "line.waiting": 1 },
      $setOnInsert: { stub: true, version: 0, lastActivityAt: now },
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const ticketed = await sessions.findOneAndUpdate({ _id: key }, change, { upsert: true });
        if (ticketed?.line) return ticketed.line.issued;
      } catch (error) {
        if (attempt >= 3) throw error; // two first messages creating the document at once: again
      }
    }
  }

  /** Takes the lease for `ticket` once every earlier ticket was served and the lease is free. */
  async function acquireTurn(
    key: string,
    owner: string,
    now: Date,
    leaseMs: number,
    ticket: number,
  ): Promise<Acquired | Waiting> {
    const lease = { owner, until: new Date(now.getTime() + leaseMs), ticket };
    const turn = { _id: key, $or: leaseFree(owner, now), "line.served": orMissing(ticket - 1) };
    const taken = await sessions.findOneAndUpdate(turn, {
      $set: { lease: toStoredLease(owner, lease.until) },
    });
    if (taken) return toAcquired(taken, lease);
    const doc = await sessions.findById(key);
    return { type: "waiting", served: doc?.line?.served ?? 0, leaseFree: Boolean(isFree(doc?.lease, now)) };
  }

  /** Gives up tickets after `served` up to `upTo` whose holders went away (no progress for a lease). */
  async function skip(key: string, served: number, upTo: number): Promise<void> {
    const change = { $set: { "line.served": upTo }, $inc: { "line.waiting": -(upTo - served) } };
    await sessions.update({ _id: key, "line.served": orMissing(served) }, change, { multi: false });
  }

  return { acquire, arrive, acquireTurn, skip };
}
