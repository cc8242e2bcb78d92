/**
 * Sessions over the document-store port. A turn costs three round trips on the session: `acquire`
 * (takes the conversation's short lease and reads the session), `commit` (state and the turn's
 * replies in one write, only while the lease is ours) and `settle` (marks replies sent and gives
 * the lease back). The lease and the line of waiting messages (session-line.ts) order one
 * conversation's messages across processes. A session that cannot be read (even after migration)
 * is reported as unreadable, never thrown: the pipeline starts it afresh.
 */
import type { Collection, CollectionSpec, DocumentStore, Change } from "./document-store.port";
import { parseStoredSession, sessionSchema, type PendingReplies, type Session } from "./session";
import {
  createSessionLine,
  type ProcessIdentity,
  type Acquired,
  type Lease,
  type StoredSession,
  type Waiting,
} from "./session-line";

/** 90 days of silence, then a session is deleted (SESSION_TTL_DAYS). */
export const defaultSessionTtlDays = 90;

export const toSessionsCollection = (ttlDays = defaultSessionTtlDays): CollectionSpec => ({
  name: "sessions",
  indexes: [
    { fields: { lastActivityAt: 1 }, expireAfterSeconds: Math.round(ttlDays * 86_400) },
    { fields: { phone: 1 } },
    { fields: { pendingSince: 1 }, partial: { pendingSince: { $exists: true } } },
    // "started" segment and the unfinished-registration reminder: a registration under way…
    { fields: { "flow.id": 1, "flow.startedAt": 1 } },
    // …or parked while the user does something else
    { fields: { "parked.registration.startedAt": 1 } },
  ],
});
export const sessionsCollection = toSessionsCollection();

export type { Acquired, Lease } from "./session-line";

/** What became of a turn's pending replies: sent, given up, or to be tried again later. */
export type Delivery = {
  sent: string[];
  dropped: string[];
  retry?: { id: string; attempts: number; dueAt: Date };
};

export interface SessionStore {
  /** The session, or null when there is none or it cannot be read. */
  load(key: string): Promise<Session | null>;
  /** Saves `session` if the stored version is still `session.version - 1` (or absent for version 1). */
  save(session: Session): Promise<"saved" | "conflict">;
  findByPhone(phone: string): Promise<Session[]>;
  /** Takes the conversation's lease for `leaseMs` and reads the session, if it exists, is free and nobody waits. */
  acquire(key: string, owner: string, now: Date, leaseMs: number): Promise<Acquired | null>;
  /** A message's arrival: the lease at once (acquired), or a ticket in the conversation's line. */
  arrive(key: string, owner: string, now: Date, leaseMs: number): Promise<Acquired | number>;
  /** Takes the lease for `ticket` once the tickets before it were served; else says where the line is. */
  acquireTurn(
    key: string,
    owner: string,
    now: Date,
    leaseMs: number,
    ticket: number,
  ): Promise<Acquired | Waiting>;
  /** Skips the tickets after `served` up to `upTo` (their holders went away). */
  skipTurns(key: string, served: number, upTo: number): Promise<void>;
  /** Saves the turn if the lease is still ours and the version follows; the lease is kept. */
  commit(session: Session, lease: Lease): Promise<"saved" | "conflict">;
  /** Records what became of the pending replies and releases the lease, in one write. */
  settle(session: Session, lease: Lease, delivery: Delivery): Promise<void>;
  /** Releases the lease without changing anything else (a turn that failed). */
  release(key: string, lease: Lease): Promise<void>;
  /** Sessions with replies due before `before` that were never sent (for the drainer). */
  findUndelivered(before: Date, limit: number): Promise<Session[]>;
  /** Deletes sessions silent since before `before` (TTL where the store has none); returns how many. */
  purgeSilent(before: Date): Promise<number>;
}

const earliestDue = (pending: Iterable<PendingReplies>): Date | undefined => {
  let earliest: Date | undefined;
  for (const entry of pending) if (!earliest || entry.dueAt < earliest) earliest = entry.dueAt;
  return earliest;
};

function toStored(session: Session): StoredSession {
  const stored: StoredSession = { ...session };
  const since = earliestDue(Object.values(session.pending));
  if (since) stored.pendingSince = since;
  else delete stored.pendingSince;
  return stored;
}

/** Every field a session may have, and "stub" (a conversation taken before its first save). */
const sessionFields = [...Object.keys(sessionSchema.shape).filter((name) => name !== "_id"), "stub"];

/**
 * The session's fields as one update, leaving the lease and the line beside them untouched; a
 * field the session no longer has (a queued flow started, a phone forgotten) is removed.
 */
function toCommitChange(session: Session): Change {
  const fields: Partial<StoredSession> = toStored(session);
  delete fields._id; // the filter names it; an update may not set it
  const $unset: Record<string, true> = {};
  for (const name of sessionFields) if (!(name in fields)) $unset[name] = true;
  return { $set: fields, $unset };
}

/** Gives the lease back and, for a turn that waited in line, marks its ticket served. */
function toReleaseChange(lease: Lease): Change {
  return lease.ticket === undefined
    ? { $unset: { lease: true } }
    : { $unset: { lease: true }, $set: { "line.served": lease.ticket }, $inc: { "line.waiting": -1 } };
}

function toSettleChange(session: Session, lease: Lease, delivery: Delivery): Change {
  const done = new Set([...delivery.sent, ...delivery.dropped]);
  const release = toReleaseChange(lease);
  const $unset: Record<string, true> = { ...release.$unset };
  const $set: Record<string, unknown> = { ...release.$set };
  for (const id of done) $unset[`pending.${id}`] = true;
  const remaining = Object.entries(session.pending)
    .filter(([id]) => !done.has(id))
    .map(([id, entry]) => (id === delivery.retry?.id ? { ...entry, ...delivery.retry } : entry));
  if (delivery.retry) {
    $set[`pending.${delivery.retry.id}.attempts`] = delivery.retry.attempts;
    $set[`pending.${delivery.retry.id}.dueAt`] = delivery.retry.dueAt;
  }
  const since = earliestDue(remaining);
  if (since) $set.pendingSince = since;
  else $unset.pendingSince = true;
  return { $set, $unset, ...(release.$inc ? { $inc: release.$inc } : {}) };
}

export type SessionStoreOptions = {
  ttlDays?: number;
  /** This process's stable name and boot, so a restart takes back its own leases at once. */
  identity?: ProcessIdentity;
};

export function createSessionStore(store: DocumentStore, options: SessionStoreOptions = {}): SessionStore {
  const sessions: Collection<StoredSession> = store.collection<StoredSession>(
    toSessionsCollection(options.ttlDays),
  );
  const parse = (raw: unknown) => {
    const parsed = raw && !(raw as StoredSession).stub ? parseStoredSession(raw) : undefined;
    return parsed?.ok ? parsed.session : null;
  };
  const line = createSessionLine(sessions, options.identity);

  return {
    load: async (key) => parse(await sessions.findById(key)),
    async save(session) {
      // An update, not a replace: a turn's lease and line on the same document stay as they are.
      const follows = { _id: session._id, version: session.version - 1 };
      if ((await sessions.update(follows, toCommitChange(session), { multi: false })) > 0) return "saved";
      if (session.version !== 1) return "conflict";
      const result = await sessions.insert(toStored(session));
      return result.type === "inserted" ? "saved" : "conflict";
    },
    findByPhone: async (phone) =>
      (await sessions.find({ phone })).map(parse).filter((s): s is Session => s !== null),
    acquire: line.acquire,
    arrive: line.arrive,
    acquireTurn: line.acquireTurn,
    skipTurns: line.skip,
    async commit(session, lease) {
      const owned = { _id: session._id, version: session.version - 1, "lease.owner": lease.owner };
      return (await sessions.update(owned, toCommitChange(session), { multi: false })) > 0
        ? "saved"
        : "conflict";
    },
    async settle(session, lease, delivery) {
      const owned = { _id: session._id, "lease.owner": lease.owner };
      await sessions.update(owned, toSettleChange(session, lease, delivery), { multi: false });
    },
    async release(key, lease) {
      await sessions.update({ _id: key, "lease.owner": lease.owner }, toReleaseChange(lease), {
        multi: false,
      });
    },
    findUndelivered: async (before, limit) =>
      (await sessions.find({ pendingSince: { $lte: before } }, { sort: { pendingSince: 1 }, limit }))
        .map(parse)
        .filter((s): s is Session => s !== null),
    purgeSilent: (before) => sessions.delete({ lastActivityAt: { $lt: before } }),
  };
}
