import { Composer, stage } from "../../src/core/composer";

type Ctx = { log: string[] };

describe("the turn pipeline composer", () => {
  it("runs stages in the order they were added, each around the ones after it", async () => {
    const pipeline = new Composer<Ctx>().use(
      stage("outer", async (ctx, next) => {
        ctx.log.push("outer in");
        await next();
        ctx.log.push("outer out");
      }),
      stage("inner", (ctx, next) => {
        ctx.log.push("inner");
        return next();
      }),
    );
    const ctx: Ctx = { log: [] };
    await pipeline.run(ctx);
    expect(ctx.log).toEqual(["outer in", "inner", "outer out"]);
    expect(pipeline.names).toEqual(["outer", "inner"]);
  });

  it("ends the turn at a stage that does not call next", async () => {
    const ctx: Ctx = { log: [] };
    await new Composer<Ctx>()
      .use(stage("gate", () => undefined))
      .use(stage("after", (c) => void c.log.push("after")))
      .run(ctx);
    expect(ctx.log).toEqual([]);
  });

  it("refuses a stage that calls next twice, naming it", async () => {
    const pipeline = new Composer<Ctx>().use(
      stage("greedy", async (_ctx, next) => {
        await next();
        await next();
      }),
      stage("counted", (ctx) => void ctx.log.push("ran")),
    );
    const ctx: Ctx = { log: [] };
    await expect(pipeline.run(ctx)).rejects.toThrow('Stage "greedy" called next() twice');
    expect(ctx.log).toEqual(["ran"]);
  });
});
