import type { Db } from "mongodb";
import { connectAgendaScheduler } from "../../src/jobs/agenda.scheduler";
import { silentLogger } from "../../src/security/pino.logger";

describe("Agenda scheduler", () => {
  it("refuses a database it cannot use with a rejection, not an unhandled one", async () => {
    const broken = {
      collection: () => {
        throw new Error("not connected");
      },
    } as unknown as Db;
    await expect(connectAgendaScheduler({ db: broken, logger: silentLogger })).rejects.toThrow(
      "not connected",
    );
  });

  const withMongo = process.env.MONGODB_URI ? it : it.skip;
  withMongo("runs a scheduled job once on MongoDB (needs MONGODB_URI)", async () => {
    const { MongoClient } = await import("mongodb");
    const client = await MongoClient.connect(process.env.MONGODB_URI ?? "", {
      serverSelectionTimeoutMS: 3000,
    });
    const scheduler = await connectAgendaScheduler({
      db: client.db(),
      logger: silentLogger,
      processEveryMs: 200,
    });
    const ran: string[] = [];
    scheduler.define("probe", async (data) => void ran.push(data.key));
    await scheduler.start();
    await scheduler.schedule("probe", new Date(), { key: `k${Date.now()}` });
    for (let i = 0; i < 50 && ran.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await scheduler.stop();
    await client.close();
    expect(ran).toHaveLength(1);
  });
});
