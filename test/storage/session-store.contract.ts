/** Contract: the session store over any document store keeps versions honest. */
import { createSession, type Session } from "../../src/core/session";
import { createSessionStore, type SessionStore } from "../../src/core/session.store";
import type { ContractContext } from "./document-store.contract";

const now = new Date("2026-03-02T02:00:00.000Z");
let users = 0;

function newSession(): Session {
  users += 1;
  return { ...createSession("telegram", `contract-${process.pid}-${Date.now()}-${users}`, now), version: 1 };
}

export function defineSessionStoreContract(context: ContractContext): void {
  it("loads a saved session as it was saved, Dates included", async () => {
    const sessions = createSessionStore(context.store());
    const session: Session = {
      ...newSession(),
      flow: {
        id: "registration",
        version: 1,
        step: "askNik",
        data: { name: "Siti" },
        history: [],
        startedAt: now,
      },
      phone: "+6281234567890",
    };

    expect(await sessions.save(session)).toBe("saved");
    const loaded = await sessions.load(session._id);

    expect(loaded).toEqual(session);
    expect(loaded?.flow?.startedAt).toBeInstanceOf(Date);
    expect(loaded?.lastActivityAt).toBeInstanceOf(Date);
  });

  it("returns null for a conversation it has never seen", async () => {
    expect(await createSessionStore(context.store()).load("telegram:nobody-at-all")).toBeNull();
  });

  it("saves each next version and refuses a save made from a stale version", async () => {
    const sessions = createSessionStore(context.store());
    const first = newSession();
    await sessions.save(first);
    const second = { ...first, version: 2, language: "en" as const };
    const racing = { ...first, version: 2, language: "id" as const, resumePending: true };

    expect(await sessions.save(second)).toBe("saved");
    expect(await sessions.save(racing)).toBe("conflict");
    expect(await sessions.save({ ...first })).toBe("conflict");
    expect(await sessions.load(first._id)).toEqual(second);
  });

  it("refuses a version that skips one", async () => {
    const sessions = createSessionStore(context.store());
    const first = newSession();
    await sessions.save(first);

    expect(await sessions.save({ ...first, version: 3 })).toBe("conflict");
    expect((await sessions.load(first._id))?.version).toBe(1);
  });

  it("finds sessions by phone number", async () => {
    const sessions = createSessionStore(context.store());
    const phone = `+62812${Date.now().toString().slice(-7)}`;
    const withPhone = { ...newSession(), phone };
    await sessions.save(withPhone);
    await sessions.save(newSession());

    expect((await sessions.findByPhone(phone)).map((s) => s._id)).toEqual([withPhone._id]);
  });
}

/** Contract: the lease and line that order one conversation's turns across processes, and the reply outbox. */
export function defineSessionLeaseContract(context: ContractContext): void {
  const key = () => `telegram:lease-${process.pid}-${Date.now()}-${(users += 1)}`;
  const later = (ms: number) => new Date(now.getTime() + ms);

  /** Arrives and, when it had to queue, takes its turn: what a message does before its turn runs. */
  async function take(sessions: SessionStore, id: string, owner: string, at = now) {
    const arrival = await sessions.arrive(id, owner, at, 10_000);
    if (typeof arrival !== "number") return arrival;
    const turn = await sessions.acquireTurn(id, owner, at, 10_000, arrival);
    if (turn.type !== "acquired") throw new Error(`ticket ${arrival} is not served yet`);
    return turn;
  }

  it("gives a conversation to one holder at a time, and to the next once released or expired", async () => {
    const sessions = createSessionStore(context.store());
    const id = key();
    expect(await sessions.acquire(id, "a", now, 10_000)).toBeNull(); // no conversation yet
    const first = await take(sessions, id, "a");
    expect(first).toMatchObject({ type: "acquired", session: null });
    expect(await sessions.acquire(id, "b", now, 10_000)).toBeNull();
    await sessions.release(id, first.lease);
    const second = await take(sessions, id, "b");
    expect(await sessions.acquire(id, "c", later(5_000), 10_000)).toBeNull();
    expect(second.lease.ticket).toBeUndefined(); // nobody waited: it took the lease at once
    expect(await sessions.acquire(id, "c", later(10_001), 10_000)).not.toBeNull(); // expired
  });

  it("commits only while the lease is held, then settles sent replies and releases it in one write", async () => {
    const sessions = createSessionStore(context.store());
    const id = key();
    const acquired = await take(sessions, id, "a");
    const [channel, userId] = id.split(":") as ["telegram", string];
    const entry = {
      messageId: "m1",
      replies: [{ key: "common:welcome" as const }],
      language: "id" as const,
      at: now,
      attempts: 0,
      dueAt: now,
    };
    const session: Session = { ...createSession(channel, userId, now), version: 1, pending: { v1: entry } };

    expect(await sessions.commit(session, { owner: "x", until: now })).toBe("conflict");
    expect(await sessions.commit(session, acquired.lease)).toBe("saved");
    expect(await sessions.findUndelivered(now, 10)).toEqual([expect.objectContaining({ _id: id })]);
    await sessions.settle(session, acquired.lease, { sent: ["v1"], dropped: [] });
    expect((await sessions.load(id))?.pending).toEqual({});
    expect(await sessions.findUndelivered(now, 10)).toEqual([]);
    expect(await sessions.acquire(id, "b", now, 10_000)).not.toBeNull();
  });

  it("lets messages that found the conversation busy take their turns in the order they came", async () => {
    const sessions = createSessionStore(context.store());
    const id = key();
    const holder = await take(sessions, id, "a");
    const first = await sessions.arrive(id, "b1", now, 10_000);
    const second = await sessions.arrive(id, "b2", now, 10_000);
    if (typeof first !== "number" || typeof second !== "number") throw new Error("not queued");
    expect(second).toBe(first + 1);
    await sessions.release(id, holder.lease);
    expect(await sessions.acquire(id, "c", later(20_000), 10_000)).toBeNull(); // someone waits

    expect(await sessions.acquireTurn(id, "b2", now, 10_000, second)).toMatchObject({ type: "waiting" });
    const turn = await sessions.acquireTurn(id, "b1", now, 10_000, first);
    if (turn.type !== "acquired") throw new Error("not its turn");
    await sessions.release(id, turn.lease);
    const next = await sessions.acquireTurn(id, "b2", now, 10_000, second);
    if (next.type !== "acquired") throw new Error("not its turn");
    await sessions.release(id, next.lease);
    expect(await sessions.acquire(id, "d", now, 10_000)).not.toBeNull(); // the line is empty again
  });

  it("skips the ticket of a holder that went away", async () => {
    const sessions = createSessionStore(context.store());
    const id = key();
    const holder = await take(sessions, id, "a");
    const gone = await sessions.arrive(id, "gone", now, 10_000);
    const next = await sessions.arrive(id, "b", now, 10_000);
    if (typeof gone !== "number" || typeof next !== "number") throw new Error("not queued");
    await sessions.release(id, holder.lease);
    const waiting = await sessions.acquireTurn(id, "b", now, 10_000, next);
    if (waiting.type !== "waiting") throw new Error("took the turn of another");
    await sessions.skipTurns(id, waiting.served, next - 1);
    expect((await sessions.acquireTurn(id, "b", now, 10_000, next)).type).toBe("acquired");
  });
}
