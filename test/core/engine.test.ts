import { createEngineHarness } from "./engine-harness";

/** A harness with the user already at the colour step (name "Siti"). */
async function atColourStep(options: Parameters<typeof createEngineHarness>[0] = {}) {
  const bot = createEngineHarness(options);
  await bot.send("halo");
  await bot.send("1");
  await bot.send("Siti");
  expect(bot.keys()).toEqual(["survey:pickColour.prompt"]);
  return bot;
}

describe("commands that work at every step", () => {
  it("menu leaves the flow, keeps the answers, and choosing it again resumes where it was", async () => {
    const bot = await atColourStep();
    await bot.send("menu");
    expect(bot.keys()).toEqual(["common:parked", "survey:home"]);
    expect((await bot.session())?.flow).toBeNull();
    await bot.send("1");
    expect(bot.keys()).toEqual(["common:resumed", "survey:pickColour.prompt"]);
    await bot.send("biru");
    expect(bot.text(await bot.send("ya"))).toContain("Terima kasih, Siti.");
  });

  it("batal stops the flow but keeps the answers already given, like menu", async () => {
    const bot = await atColourStep();
    await bot.send("batal");
    expect(bot.keys()).toEqual(["common:cancelledKept", "survey:home"]);
    await bot.send("1");
    expect(bot.keys()).toEqual(["common:resumed", "survey:pickColour.prompt"]);
    expect((await bot.session())?.flow?.data).toEqual({ name: "Siti" });
  });

  it("kembali goes back one question, keeping what was answered", async () => {
    const bot = await atColourStep();
    await bot.send("kembali");
    expect(bot.keys()).toEqual(["common:wentBack", "survey:askName.prompt"]);
    expect((await bot.session())?.flow).toMatchObject({ step: "askName", data: { name: "Siti" } });
  });

  it("kembali at the first question of a flow goes back to the menu", async () => {
    const bot = createEngineHarness();
    await bot.send("halo");
    await bot.send("1");
    await bot.send("kembali");
    expect(bot.keys()).toEqual(["common:backToMenu", "survey:home"]);
    expect((await bot.session())?.flow).toBeNull();
  });

  it("bantuan shows the step's own help when it has one, and re-asks", async () => {
    const bot = createEngineHarness();
    await bot.send("halo");
    await bot.send("1");
    expect(bot.text(await bot.send("bantuan"))).toBe("Tulis nama lengkap Anda.\nSiapa nama Anda?");
    expect(bot.keys()).toEqual(["survey:askName.help", "survey:askName.prompt"]);
  });

  it("bantuan shows the common help at a step without its own", async () => {
    const bot = await atColourStep();
    await bot.send("bantuan");
    expect(bot.keys()).toEqual(["common:help", "survey:pickColour.prompt"]);
  });

  it("bahasa mid-flow switches language and asks the same question in the other language", async () => {
    const bot = await atColourStep();
    const seen = await bot.send("bahasa");
    expect(bot.text(seen)).toContain("Language changed to English");
    expect(bot.text(seen)).toContain("Favourite colour?");
    expect(seen?.at(-1)?.choices.map((c) => c.label)).toEqual(["Red", "Blue"]);
    expect(bot.text(await bot.send("language"))).toContain("Warna kesukaan?");
  });
});

describe("a long silence", () => {
  const silenceMs = 60 * 60 * 1000;

  it("asks to continue or start again; continuing asks the pending question again", async () => {
    const bot = await atColourStep({ silenceMs });
    bot.clock.advance(2 * silenceMs);
    const seen = await bot.send("halo");
    expect(bot.keys()).toEqual(["common:resume.prompt"]);
    expect(seen?.[0]?.choices.map((c) => c.label)).toEqual(["Lanjutkan", "Mulai lagi dari menu"]);
    await bot.send("lanjutkan");
    expect(bot.keys()).toEqual(["survey:pickColour.prompt"]);
    await bot.send("1");
    expect(bot.keys()).toEqual(["survey:confirmAll.prompt"]);
  });

  it("starting again goes to the menu", async () => {
    const bot = await atColourStep({ silenceMs });
    bot.clock.advance(2 * silenceMs);
    await bot.send("halo");
    await bot.send("2");
    expect(bot.keys()).toEqual(["survey:home"]);
    expect((await bot.session())?.flow).toBeNull();
  });

  it("an answer typed instead of a resume choice is taken as the answer", async () => {
    const bot = createEngineHarness({ silenceMs });
    await bot.send("halo");
    await bot.send("1");
    bot.clock.advance(2 * silenceMs);
    await bot.send("halo lagi");
    await bot.send("Siti");
    expect(bot.keys()).toEqual(["survey:pickColour.prompt"]);
    expect((await bot.session())?.flow?.data).toEqual({ name: "Siti" });
  });

  it("a command after a long silence is carried out without asking", async () => {
    const bot = await atColourStep({ silenceMs });
    bot.clock.advance(2 * silenceMs);
    await bot.send("batal");
    expect(bot.keys()).toEqual(["common:cancelledKept", "survey:home"]);
    expect((await bot.session())?.resumePending).toBe(false);
  });

  it("does not interrupt a user who writes again within the silence", async () => {
    const bot = await atColourStep({ silenceMs });
    bot.clock.advance(silenceMs - 1000);
    await bot.send("1");
    expect(bot.keys()).toEqual(["survey:confirmAll.prompt"]);
  });
});

describe("a flow updated while a user was in it", () => {
  it("restarts the flow politely when the stored state has an older version", async () => {
    const first = await atColourStep();
    const updated = createEngineHarness({ store: first.store, clock: first.clock, surveyVersion: 2 });
    await updated.send("1");
    expect(updated.keys()).toEqual(["common:flowRestarted", "survey:askName.prompt"]);
    expect((await updated.session())?.flow).toMatchObject({ version: 2, step: "askName", data: {} });
  });

  it("restarts it too when the user chooses to continue after a long silence", async () => {
    const first = await atColourStep();
    first.clock.advance(48 * 3600_000);
    const updated = createEngineHarness({ store: first.store, clock: first.clock, surveyVersion: 2 });
    await updated.send("halo");
    expect(updated.keys()).toEqual(["common:resume.prompt"]);
    await updated.send("lanjutkan");
    expect(updated.keys()).toEqual(["common:flowRestarted", "survey:askName.prompt"]);
  });

  it("does not resume a parked flow of an older version, but starts it afresh", async () => {
    const first = await atColourStep();
    await first.send("menu");
    const updated = createEngineHarness({ store: first.store, clock: first.clock, surveyVersion: 2 });
    await updated.send("1");
    expect(updated.keys()).toEqual(["survey:askName.prompt"]);
  });
});
