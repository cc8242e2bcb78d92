import type { SessionStore } from "../../src/core/session.store";
import { createEngineHarness } from "./engine-harness";

async function atNameStep(options: Parameters<typeof createEngineHarness>[0] = {}) {
  const bot = createEngineHarness(options);
  await bot.send("halo");
  await bot.send("1");
  expect(bot.keys()).toEqual(["survey:askName.prompt"]);
  return bot;
}

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
    const serialised = (sessions: SessionStore): SessionStore => ({
      ...sessions,
      load: async (key) => {
        inFlight += 1;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return sessions.load(key);
      },
      save: async (session) => {
        const result = await sessions.save(session);
        inFlight -= 1;
        return result;
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
      save: async (session) => (conflicts-- > 0 ? "conflict" : sessions.save(session)),
    });
    const bot = createEngineHarness({ wrapSessions: conflictOnce });
    const sent: string[][] = [];
    await bot.send("halo", { respond: async (m) => void sent.push(m.map((x) => x.text)) });
    expect(sent).toHaveLength(1);
    const normal = createEngineHarness();
    expect(sent[0]).toEqual((await normal.send("halo"))?.map((x) => x.text));
    expect((await bot.session())?.version).toBe(1);
    expect(bot.logger.entries.filter((e) => e.level === "warn")).toHaveLength(1);
  });

  it("apologises instead of looping when the session keeps changing", async () => {
    const alwaysConflict = (sessions: SessionStore): SessionStore => ({
      ...sessions,
      save: async () => "conflict",
    });
    const bot = createEngineHarness({ wrapSessions: alwaysConflict });
    expect(bot.text(await bot.send("halo"))).toContain("Maaf, ada gangguan");
  });

  it("keeps the saved state when sending the replies fails", async () => {
    const bot = await atNameStep();
    const failingSend = async () => {
      throw new Error("network down");
    };
    await expect(bot.send("Siti", { respond: failingSend })).resolves.toBeDefined();
    expect((await bot.session())?.flow).toMatchObject({ step: "pickColour", data: { name: "Siti" } });
    expect(
      bot.logger.entries.some((e) => e.level === "error" && /sending the replies failed/.test(e.message)),
    ).toBe(true);
    await bot.send("1");
    expect(bot.keys()).toEqual(["survey:confirmAll.prompt"]);
  });
});
