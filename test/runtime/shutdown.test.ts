import { createShutdown } from "../../src/runtime/shutdown";
import { silentLogger } from "../../src/security/pino.logger";

function setup(deadlineMs = 1000) {
  const exits: number[] = [];
  const notices: string[] = [];
  const order: string[] = [];
  let deadline: (() => void) | undefined;
  const shutdown = createShutdown({
    deadlineMs,
    logger: silentLogger,
    exit: (code) => exits.push(code),
    notice: (line) => notices.push(line),
    setTimer: (run) => (deadline = run),
  });
  return { shutdown, exits, notices, order, fireDeadline: () => deadline?.() };
}

describe("shutdown", () => {
  it("stops parts in reverse order, the storage last, and exits with the code given", async () => {
    const { shutdown, exits, order } = setup();
    shutdown.addFinal(async () => void order.push("storage"));
    shutdown.add(async () => void order.push("health"));
    shutdown.add(async () => void order.push("telegram"));
    shutdown.first(() => order.push("supervisor"));
    await shutdown.run("SIGTERM", 0);
    expect(order).toEqual(["supervisor", "telegram", "health", "storage"]);
    expect(exits).toEqual([0]);
  });

  it("exits with code 1 at the deadline when a stop hangs, and says so once", async () => {
    const { shutdown, exits, notices, fireDeadline } = setup(10_000);
    shutdown.add(() => new Promise<void>(() => undefined));
    void shutdown.run("SIGTERM");
    await Promise.resolve();
    fireDeadline();
    expect(exits).toEqual([1]);
    expect(notices).toEqual(["jamsos-bot: stopping took longer than 10 s; exiting now"]);
  });

  it("runs once even when asked twice (SIGINT then SIGTERM)", async () => {
    const { shutdown, exits } = setup();
    let stops = 0;
    shutdown.add(async () => void stops++);
    await Promise.all([shutdown.run("SIGINT"), shutdown.run("SIGTERM")]);
    expect(stops).toBe(1);
    expect(exits).toEqual([0]);
  });

  it("goes on stopping the rest when one part fails to stop", async () => {
    const { shutdown, exits, order } = setup();
    shutdown.addFinal(async () => void order.push("storage"));
    shutdown.add(async () => {
      throw new Error("boom");
    });
    await shutdown.run("SIGTERM");
    expect(order).toEqual(["storage"]);
    expect(exits).toEqual([0]);
  });
});
