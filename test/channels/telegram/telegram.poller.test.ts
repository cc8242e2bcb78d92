import type { Update } from "grammy/types";
import { startDurablePolling } from "../../../src/channels/telegram/telegram.poller";
import { silentLogger } from "../../../src/security/pino.logger";

/** A Bot API that keeps every update until an offset above it confirms it, as Telegram does. */
function createTelegramQueue() {
  let updates: Update[] = [];
  const offsets: number[] = [];
  const api = {
    getUpdates: async (other?: { offset?: number; timeout?: number }) => {
      const offset = other?.offset ?? 0;
      offsets.push(offset);
      updates = updates.filter((u) => u.update_id >= offset);
      if (updates.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      return updates;
    },
  };
  const add = (id: number) =>
    void updates.push({
      update_id: id,
      message: { message_id: id, date: 0, chat: { id: 1, type: "private", first_name: "A" }, text: `m${id}` },
    } as Update);
  return { api, add, offsets, pending: () => updates.map((u) => u.update_id) };
}

describe("durable long polling", () => {
  it("confirms an update to Telegram only once it was handled, so a restart gets the unfinished ones again", async () => {
    const telegram = createTelegramQueue();
    let release: () => void = () => undefined;
    const handled: number[] = [];
    const handle = async (update: Update) => {
      if (update.update_id === 2) await new Promise<void>((resolve) => (release = resolve));
      handled.push(update.update_id);
    };
    telegram.add(1);
    telegram.add(2);
    telegram.add(3);
    const poller = startDurablePolling({
      api: telegram.api,
      handle,
      logger: silentLogger,
      timeoutSeconds: 0,
      allowedUpdates: ["message"],
      busyPollMs: 5,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(handled).toEqual([1, 3]);
    expect(telegram.pending()).toEqual([2, 3]); // 2 is still being handled: nothing from it on is confirmed
    await poller.stop(); // as if the process died here

    const restarted: number[] = [];
    const again = startDurablePolling({
      api: telegram.api,
      handle: async (u) => void restarted.push(u.update_id),
      logger: silentLogger,
      timeoutSeconds: 0,
      allowedUpdates: ["message"],
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await again.stop();
    await again.confirm();
    expect(restarted).toEqual([2, 3]);
    expect(telegram.pending()).toEqual([]);
    release();
  });
});
