/** Contract: the session store over any document store keeps versions honest. */
import { createSession, type Session } from "../../src/core/session";
import { createSessionStore } from "../../src/core/session.store";
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

/** Contract: the lease that orders one conversation's turns across processes, and the reply outbox. */
export function defineSessionLeaseContract(context: ContractContext): void {
  const key = () => `telegram:lease-${process.pid}-${Date.now()}-${(users += 1)}`;

  it("gives a conversation to one holder at a time, and to the next once released or expired", async () => {
    const sessions = createSessionStore(context.store());
    const id = key();
    const first = await sessions.acquire(id, "a", now, 10_000);
    expect(first).toMatchObject({ type: "acquired", session: null });
    expect((await sessions.acquire(id, "b", now, 10_000)).type).toBe("busy");
    expect((await sessions.acquire(id, "b", new Date(now.getTime() + 10_001), 10_000)).type).toBe("acquired");
    expect((await sessions.acquire(id, "c", now, 10_000)).type).toBe("busy");
  });

  it("commits only while the lease is held, then settles sent replies and releases it in one write", async () => {
    const sessions = createSessionStore(context.store());
    const id = key();
    const acquired = await sessions.acquire(id, "a", now, 10_000);
    if (acquired.type !== "acquired") throw new Error("busy");
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
    expect((await sessions.acquire(id, "b", now, 10_000)).type).toBe("acquired");
  });
}
