import type { OutboundMessage } from "../../src/core/messages";
import type { SessionStore } from "../../src/core/session.store";
import { sessionsCollection } from "../../src/core/session.store";
import { createEngineHarness } from "./engine-harness";

async function atNameStep(options: Parameters<typeof createEngineHarness>[0] = {}) {
  const bot = createEngineHarness(options);
  await bot.send("halo");
  await bot.send("1");
  expect(bot.keys()).toEqual(["survey:askName.prompt"]);
  return bot;
}

const texts = (messages: OutboundMessage[]) => messages.map((m) => m.text);

describe("the inbound pipeline", () => {
  it("apologises in the user's language when a step throws, and keeps the stored state", async () => {
    const bot = await atNameStep();
    await bot.send("english");
    const before = await bot.session();
    const seen = await bot.send("meledak");
    expect(bot.text(seen)).toContain("Sorry, something went wrong on our side.");
    expect(await bot.session()).toEqual(before);
    expect(bot.logger.entries.filter((e) => e.level === "error")).toHaveLength(1);
    await bot.send("Siti");
    expect(bot.keys()).toEqual(["survey:pickColour.prompt"]);
  });

  it("drops a redelivered message without answering or changing anything", async () => {
    const bot = await atNameStep();
    expect(await bot.send("Siti", { messageId: "wa-42" })).not.toBeNull();
    const after = await bot.session();
    expect(await bot.send("Siti", { messageId: "wa-42" })).toBeNull();
    expect(await bot.session()).toEqual(after);
  });

  it("handles two messages of one user sent at the same time one after the other, in order", async () => {
    let inFlight = 0;
    let mostAtOnce = 0;
    const holding = <T>(acquired: T): T => {
      if (typeof acquired === "object" && (acquired as { type?: string }).type === "acquired") {
        inFlight += 1;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
      }
      return acquired;
    };
    const serialised = (sessions: SessionStore): SessionStore => ({
      ...sessions,
      arrive: async (...args) => holding(await sessions.arrive(...args)),
      acquireTurn: async (...args) => holding(await sessions.acquireTurn(...args)),
      settle: async (...args) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        await sessions.settle(...args);
      },
    });
    const bot = await atNameStep({ wrapSessions: serialised });
    const order: string[] = [];
    const record = async (messages: { text: string }[]) => void order.push(messages.at(-1)?.text ?? "");
    await Promise.all([bot.send("Siti", { respond: record }), bot.send("2", { respond: record })]);
    expect(mostAtOnce).toBe(1);
    expect(order).toEqual(["Warna kesukaan?", "Siti suka blue, benar?"]);
    expect((await bot.session())?.flow?.data).toEqual({ name: "Siti", colour: "blue" });
  });

  it("handles the message again when the session changed under it, answering once", async () => {
    let conflicts = 1;
    const conflictOnce = (sessions: SessionStore): SessionStore => ({
      ...sessions,
      commit: async (session, lease) => (conflicts-- > 0 ? "conflict" : sessions.commit(session, lease)),
    });
    const bot = createEngineHarness({ wrapSessions: conflictOnce });
    const sent: string[][] = [];
    await bot.send("halo", { respond: async (m) => void sent.push(texts(m)) });
    expect(sent).toHaveLength(1);
    const normal = createEngineHarness();
    expect(sent[0]).toEqual((await normal.send("halo"))?.map((x) => x.text));
    expect((await bot.session())?.version).toBe(1);
    expect(bot.logger.entries.filter((e) => e.level === "warn")).toHaveLength(1);
  });

  it("apologises instead of looping when the session keeps changing", async () => {
    const alwaysConflict = (sessions: SessionStore): SessionStore => ({
      ...sessions,
      commit: async () => "conflict",
    });
    const bot = createEngineHarness({ wrapSessions: alwaysConflict });
    expect(bot.text(await bot.send("halo"))).toContain("Maaf, ada gangguan");
  });

  it("tries a reply again at once when the network fails for a moment, and the user gets it once", async () => {
    const bot = await atNameStep();
    const sent: string[][] = [];
    let failures = 2;
    const flaky = async (messages: OutboundMessage[]) => {
      if (failures-- > 0) throw new TypeError("fetch failed");
      sent.push(texts(messages));
    };
    await bot.send("Siti", { respond: flaky });
    expect(sent).toEqual([["Warna kesukaan?"]]);
    expect((await bot.session())?.pending).toEqual({});
  });

  it("keeps replies that could not be sent and sends them first, in order, with the next answer", async () => {
    const bot = await atNameStep();
    const down = async () => {
      throw new TypeError("fetch failed");
    };
    await bot.send("Siti", { respond: down });
    expect((await bot.session())?.flow).toMatchObject({ step: "pickColour", data: { name: "Siti" } });
    expect(Object.keys((await bot.session())?.pending ?? {})).toHaveLength(1);
    const sent: string[][] = [];
    await bot.send("1", { respond: async (m) => void sent.push(texts(m)) });
    expect(sent).toEqual([["Warna kesukaan?"], ["Siti suka red, benar?"]]);
    expect((await bot.session())?.pending).toEqual({});
  });

  it("sends the replies of a redelivered message that never went out, once", async () => {
    const bot = await atNameStep();
    await bot.send("Siti", { messageId: "tg-7", respond: async () => Promise.reject(new Error("down")) });
    const again = await bot.send("Siti", { messageId: "tg-7" });
    expect(again && texts(again)).toEqual(["Warna kesukaan?"]);
    expect(await bot.send("Siti", { messageId: "tg-7" })).toBeNull();
    expect((await bot.session())?.flow?.data).toEqual({ name: "Siti" });
  });

  it("waits for a conversation another process is handling, then handles the message after it", async () => {
    const bot = await atNameStep();
    const sessions = bot.sessions;
    const other = await sessions.acquire("terminal:warga-1", "other-process", new Date(), 60_000);
    if (!other) throw new Error("not acquired");
    const sending = bot.send("Siti");
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(bot.keys()).toEqual([]);
    await sessions.release("terminal:warga-1", other.lease);
    expect(bot.text(await sending)).toBe("Warna kesukaan?");
  });

  it("takes over a conversation whose holder died once its lease has expired", async () => {
    const bot = await atNameStep();
    await bot.sessions.acquire("terminal:warga-1", "dead-process", new Date(Date.now() - 60_000), 1_000);
    expect(bot.text(await bot.send("Siti"))).toBe("Warna kesukaan?");
  });
});

describe("stored sessions of another shape", () => {
  it("starts an unreadable session afresh: the user is told and sees the menu, never locked out", async () => {
    const bot = createEngineHarness();
    const raw = bot.store.collection(sessionsCollection);
    await raw.insert({ _id: "terminal:warga-1", schemaVersion: 2, version: "x", flow: 42 } as never);
    const seen = await bot.send("batal");
    expect(bot.keys()).toEqual(["common:sessionReset", "survey:home"]);
    expect(bot.text(seen)).toContain("jawaban Anda yang belum selesai tidak bisa kami simpan");
    await bot.send("1");
    expect(bot.keys()).toEqual(["survey:askName.prompt"]);
    const warnings = bot.logger.entries.filter((e) => /unreadable/.test(e.message));
    expect(warnings).toHaveLength(1);
  });

  it("migrates a session stored before sessions had a schema version and carries on in its flow", async () => {
    const bot = createEngineHarness();
    const at = bot.clock.now();
    const v2 = (await atNameStep({ store: bot.store, clock: bot.clock }).then((b) => b.session()))!;
    const v1: Record<string, unknown> = { ...v2, lastActivityAt: at };
    delete v1.schemaVersion;
    delete v1.pending;
    await bot.store.collection(sessionsCollection).replace(v1 as never);
    await bot.send("Siti");
    expect(bot.keys()).toEqual(["survey:pickColour.prompt"]);
    expect(await bot.session()).toMatchObject({ schemaVersion: 2, flow: { data: { name: "Siti" } } });
  });
});
