import { isAppError } from "../../../src/core/errors";
import { createWhatsAppPacer } from "../../../src/channels/whatsapp/whatsapp.pacer";
import { createTestClock } from "../../support/test-chat";

function createPacer(
  limits: { maxPerMinute: number; maxPerDay: number },
  start = "2026-03-02T09:00:00+07:00",
) {
  const clock = createTestClock(start);
  const pauses: number[] = [];
  const pacer = createWhatsAppPacer({
    ...limits,
    clock,
    jitterMs: { min: 2000, max: 8000 },
    random: () => 0.5,
    sleep: async (ms) => void pauses.push(ms),
  });
  return { pacer, clock, pauses };
}

describe("WhatsApp pacer for unsolicited messages", () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it("sends up to the per-minute cap and keeps the rest waiting for the next minute", async () => {
    const { pacer } = createPacer({ maxPerMinute: 2, maxPerDay: 100 });
    stop = pacer.stop;
    const sent: number[] = [];
    const first = pacer.schedule(async () => void sent.push(1));
    const second = pacer.schedule(async () => void sent.push(2));
    const third = pacer.schedule(async () => void sent.push(3));
    third.catch(() => undefined);
    await Promise.all([first, second]);
    expect(sent).toEqual([1, 2]);
    expect(pacer.waiting()).toBe(1);
  });

  it("pauses a random while before each message", async () => {
    const { pacer, pauses } = createPacer({ maxPerMinute: 5, maxPerDay: 100 });
    stop = pacer.stop;
    await pacer.schedule(async () => undefined);
    await pacer.schedule(async () => undefined);
    expect(pauses).toEqual([5000, 5000]);
  });

  it("refuses at once beyond the daily cap, and sends again the next day in WIB", async () => {
    const { pacer, clock } = createPacer({ maxPerMinute: 10, maxPerDay: 2 }, "2026-03-02T23:00:00+07:00");
    stop = pacer.stop;
    await pacer.schedule(async () => "a");
    await pacer.schedule(async () => "b");
    const refused: unknown = await pacer.schedule(async () => "c").catch((e: unknown) => e);
    expect(isAppError(refused, "CHANNEL_SEND_FAILED")).toBe(true);
    expect((refused as { details: { reason: string } }).details.reason).toBe("daily_cap");
    clock.set("2026-03-03T00:00:01+07:00");
    expect(pacer.usedToday()).toBe(0);
    await expect(pacer.schedule(async () => "d")).resolves.toBe("d");
  });

  it("gives a failed send's daily slot back", async () => {
    const { pacer } = createPacer({ maxPerMinute: 10, maxPerDay: 1 });
    stop = pacer.stop;
    await expect(pacer.schedule(async () => Promise.reject(new Error("network")))).rejects.toThrow("network");
    expect(pacer.usedToday()).toBe(0);
    await expect(pacer.schedule(async () => "sent")).resolves.toBe("sent");
  });

  it("drops waiting messages when stopped", async () => {
    const { pacer } = createPacer({ maxPerMinute: 1, maxPerDay: 100 });
    await pacer.schedule(async () => undefined);
    const waiting = pacer.schedule(async () => "never");
    await pacer.stop();
    await expect(waiting).rejects.toThrow();
  });
});
