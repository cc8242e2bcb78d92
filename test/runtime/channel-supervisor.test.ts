import {
  createChannelSupervisor,
  type ChannelState,
  type SupervisedChannel,
  type Timers,
} from "../../src/runtime/channel-supervisor";
import { silentLogger } from "../../src/security/pino.logger";

/** Timers run by hand: `tick()` fires what is due in order. */
function createManualTimers() {
  let now = 0;
  const pending: Array<{ at: number; run: () => void; every?: number; id: number }> = [];
  let nextId = 0;
  const timers: Timers = {
    setTimeout: (run, ms) => (pending.push({ at: now + ms, run, id: ++nextId }), nextId),
    clearTimeout: (id) => void pending.splice(pending.findIndex((t) => t.id === id) >>> 0, 1),
    setInterval: (run, ms) => (pending.push({ at: now + ms, run, every: ms, id: ++nextId }), nextId),
    clearInterval: (id) => void pending.splice(pending.findIndex((t) => t.id === id) >>> 0, 1),
  };
  async function advance(ms: number): Promise<void> {
    const until = now + ms;
    for (;;) {
      pending.sort((a, b) => a.at - b.at);
      const due = pending[0];
      if (!due || due.at > until) break;
      now = due.at;
      if (due.every) due.at += due.every;
      else pending.shift();
      due.run();
      await new Promise((resolve) => setImmediate(resolve));
    }
    now = until;
  }
  return { timers, advance, delays: () => pending.filter((t) => !t.every).map((t) => t.at - now) };
}

function fakeChannel(
  name: string,
  outcomes: Array<"ok" | "fail">,
): SupervisedChannel & { starts: number; fail: () => void } {
  let state: ChannelState = "starting";
  const channel = {
    name,
    starts: 0,
    async start() {
      const outcome = outcomes[channel.starts++] ?? "fail";
      state = outcome === "ok" ? "running" : "failed";
      if (outcome === "fail") throw new Error(`${name} unreachable`);
    },
    state: () => state,
    fail: () => void (state = "failed"),
  };
  return channel;
}

describe("channel supervisor", () => {
  it("gives up once, naming each channel's reason, when every channel failed (exit policy)", async () => {
    const { timers } = createManualTimers();
    const reasons: string[] = [];
    const supervisor = createChannelSupervisor({
      policy: "exit",
      logger: silentLogger,
      onNoChannel: (reason) => reasons.push(reason),
      timers,
    });
    supervisor.add(fakeChannel("telegram", ["fail"]));
    supervisor.add(fakeChannel("whatsapp", ["fail"]));
    await supervisor.start();
    expect(reasons).toEqual([
      "no channel can run (telegram: telegram unreachable; whatsapp: whatsapp unreachable)",
    ]);
  });

  it("keeps running on the channel that started when another fails", async () => {
    const { timers } = createManualTimers();
    const reasons: string[] = [];
    const supervisor = createChannelSupervisor({
      policy: "exit",
      logger: silentLogger,
      onNoChannel: (reason) => reasons.push(reason),
      timers,
    });
    supervisor.add(fakeChannel("telegram", ["ok"]));
    supervisor.add(fakeChannel("whatsapp", ["fail"]));
    await supervisor.start();
    expect(reasons).toEqual([]);
    expect(supervisor.states()).toEqual({ telegram: "running", whatsapp: "failed" });
  });

  it("notices a channel that fails after starting (revoked token) at the next check", async () => {
    const { timers, advance } = createManualTimers();
    const reasons: string[] = [];
    const supervisor = createChannelSupervisor({
      policy: "exit",
      logger: silentLogger,
      onNoChannel: (reason) => reasons.push(reason),
      timers,
      checkEveryMs: 1000,
    });
    const telegram = fakeChannel("telegram", ["ok"]);
    supervisor.add(telegram);
    await supervisor.start();
    telegram.fail();
    await advance(1000);
    expect(reasons).toHaveLength(1);
  });

  it("retries a failed channel with growing waits under the retry policy and never gives up", async () => {
    const { timers, advance, delays } = createManualTimers();
    const reasons: string[] = [];
    const supervisor = createChannelSupervisor({
      policy: "retry",
      logger: silentLogger,
      onNoChannel: (reason) => reasons.push(reason),
      timers,
      backoff: { initialMs: 100, maxMs: 250 },
      checkEveryMs: 10_000,
    });
    const telegram = fakeChannel("telegram", ["fail", "fail", "fail", "ok"]);
    supervisor.add(telegram);
    await supervisor.start();
    expect(delays()).toEqual([100]);
    await advance(100);
    expect(delays()).toEqual([200]);
    await advance(200);
    expect(delays()).toEqual([250]);
    await advance(250);
    expect(telegram.starts).toBe(4);
    expect(supervisor.states()).toEqual({ telegram: "running" });
    expect(reasons).toEqual([]);
  });

  it("starts nothing again once stopped", async () => {
    const { timers, advance } = createManualTimers();
    const supervisor = createChannelSupervisor({
      policy: "retry",
      logger: silentLogger,
      onNoChannel: () => undefined,
      timers,
      backoff: { initialMs: 100, maxMs: 100 },
    });
    const telegram = fakeChannel("telegram", ["fail", "ok"]);
    supervisor.add(telegram);
    await supervisor.start();
    supervisor.stop();
    await advance(10_000);
    expect(telegram.starts).toBe(1);
  });
});
