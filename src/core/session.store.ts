/**
 * Sessions over the document-store port. A turn costs three round trips on the session: `acquire`
 * (takes the conversation's short lease and reads the session), `commit` (state and the turn's
 * replies in one write, only while the lease is ours) and `settle` (marks replies sent and gives
 * the lease back). The lease orders one conversation's messages across processes; it expires by
 * itself, so a crashed holder blocks nobody for long. A session that cannot be read (even after
 * migration) is reported as unreadable, never thrown: the pipeline starts it afresh.
 */
import type { Collection, CollectionSpec, DocumentStore, Change } from "./document-store.port";
import { parseStoredSession, type PendingReplies, type Session } from "./session";

/** 90 days of silence, then a session is deleted (SESSION_TTL_DAYS). */
export const defaultSessionTtlDays = 90;

export const toSessionsCollection = (ttlDays = defaultSessionTtlDays): CollectionSpec => ({
  name: "sessions",
  indexes: [
    { fields: { lastActivityAt: 1 }, expireAfterSeconds: Math.round(ttlDays * 86_400) },
    { fields: { phone: 1 } },
    { fields: { pendingSince: 1 }, partial: { pendingSince: { $exists: true } } },
  ],
});
export const sessionsCollection = toSessionsCollection();

export type Lease = { owner: string; until: Date };

export type Acquired =
  | {
      type: "acquired";
      lease: Lease;
      /** null: a new conversation, or an unreadable one (then `unreadable` says where). */
      session: Session | null;
      unreadable?: { issues: string[]; version: number };
    }
  | { type: "busy" };

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
  /** Takes the conversation's lease for `leaseMs` (unless another holds it) and reads the session. */
  acquire(key: string, owner: string, now: Date, leaseMs: number): Promise<Acquired>;
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

type StoredSession = Session & { lease?: Lease; stub?: true };

const earliestDue = (pending: Iterable<PendingReplies>): Date | undefined => {
  let earliest: Date | undefined;
  for (const entry of pending) if (!earliest || entry.dueAt < earliest) earliest = entry.dueAt;
  return earliest;
};

function toStored(session: Session, lease?: Lease): StoredSession {
  const stored: StoredSession = { ...session, ...(lease ? { lease } : {}) };
  const since = earliestDue(Object.values(session.pending));
  if (since) stored.pendingSince = since;
  else delete stored.pendingSince;
  return stored;
}

function toSettleChange(session: Session, delivery: Delivery): Change {
  const done = new Set([...delivery.sent, ...delivery.dropped]);
  const $unset: Record<string, true> = { lease: true };
  const $set: Record<string, unknown> = {};
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
  return Object.keys($set).length > 0 ? { $set, $unset } : { $unset };
}

export function createSessionStore(store: DocumentStore, options: { ttlDays?: number } = {}): SessionStore {
  const sessions: Collection<StoredSession> = store.collection<StoredSession>(
    toSessionsCollection(options.ttlDays),
  );
  const parse = (raw: unknown) => {
    const parsed = raw && !(raw as StoredSession).stub ? parseStoredSession(raw) : undefined;
    return parsed?.ok ? parsed.session : null;
  };

  async function toAcquired(raw: StoredSession, lease: Lease): Promise<Acquired> {
    if (raw.stub) return { type: "acquired", lease, session: null };
    const parsed = parseStoredSession(raw);
    if (parsed.ok) return { type: "acquired", lease, session: parsed.session };
    const usable = Number.isInteger(raw.version) && raw.version >= 0;
    // An unusable version would fail every optimistic check: start it at 0, under our lease.
    if (!usable)
      await sessions.update({ _id: raw._id, "lease.owner": lease.owner }, { $set: { version: 0 } });
    return {
      type: "acquired",
      lease,
      session: null,
      unreadable: { issues: parsed.issues, version: usable ? raw.version : 0 },
    };
  }

  return {
    load: async (key) => parse(await sessions.findById(key)),
    async save(session) {
      if (session.version === 1) {
        const result = await sessions.insert(toStored(session));
        return result.type === "inserted" ? "saved" : "conflict";
      }
      const ok = await sessions.replace(toStored(session), { expect: { version: session.version - 1 } });
      return ok ? "saved" : "conflict";
    },
    findByPhone: async (phone) =>
      (await sessions.find({ phone })).map(parse).filter((s): s is Session => s !== null),
    async acquire(key, owner, now, leaseMs) {
      const lease = { owner, until: new Date(now.getTime() + leaseMs) };
      const free = [
        { lease: { $exists: false } },
        { "lease.until": { $lte: now } },
        { "lease.owner": owner },
      ];
      const taken = await sessions.findOneAndUpdate({ _id: key, $or: free }, { $set: { lease } });
      if (taken) return toAcquired(taken, lease);
      const stub = {
        _id: key,
        stub: true,
        version: 0,
        lastActivityAt: now,
        lease,
      } as unknown as StoredSession;
      const inserted = await sessions.insert(stub);
      return inserted.type === "inserted" ? { type: "acquired", lease, session: null } : { type: "busy" };
    },
    async commit(session, lease) {
      const expect = { version: session.version - 1, "lease.owner": lease.owner };
      return (await sessions.replace(toStored(session, lease), { expect })) ? "saved" : "conflict";
    },
    async settle(session, lease, delivery) {
      const owned = { _id: session._id, "lease.owner": lease.owner };
      await sessions.update(owned, toSettleChange(session, delivery), { multi: false });
    },
    async release(key, lease) {
      await sessions.update(
        { _id: key, "lease.owner": lease.owner },
        { $unset: { lease: true } },
        { multi: false },
      );
    },
    findUndelivered: async (before, limit) =>
      (await sessions.find({ pendingSince: { $lte: before } }, { sort: { pendingSince: 1 }, limit }))
        .map(parse)
        .filter((s): s is Session => s !== null),
    purgeSilent: (before) => sessions.delete({ lastActivityAt: { $lt: before } }),
  };
}
