import type { Delivery } from "../../src/storage/repositories/broadcast.repository";
import { createBroadcastRepository } from "../../src/storage/repositories/broadcast.repository";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";

const now = new Date("2026-03-02T09:00:00+07:00");
const ago = (ms: number) => new Date(now.getTime() - ms);

function delivery(seq: number, channel: Delivery["channel"], extra: Partial<Delivery>): Delivery {
  return {
    _id: `SB-1:${channel}:${seq}`,
    broadcastId: "SB-1",
    recipient: `${channel}:${seq}`,
    channel,
    userId: String(seq),
    language: "id",
    seq,
    params: {},
    status: "sending",
    owner: "dead-runner",
    createdAt: ago(3600_000),
    ...extra,
  };
}

describe("broadcast receipts", () => {
  it("keep the furthest state: a late 'sent' never hides 'read', 'failed' replaces only 'sent'", async () => {
    const repo = createBroadcastRepository(createMemoryDocumentStore());
    await repo.deliveries.insert(delivery(0, "whatsapp", { status: "sent" }));
    const receipt = (status: "sent" | "delivered" | "read" | "failed") =>
      repo.recordReceipt({ reference: "SB-1:whatsapp:0", messageId: "wamid.1", status, at: now });
    await receipt("read");
    await receipt("sent");
    await receipt("failed");
    expect((await repo.deliveries.findById("SB-1:whatsapp:0"))?.receipt?.status).toBe("read");
  });

  it("settle what a dead runner handed over: confirmed by a receipt, sent again after the grace, awaited before it", async () => {
    const repo = createBroadcastRepository(createMemoryDocumentStore());
    const receipt = { status: "sent" as const, rank: 1, at: ago(1000), messageId: "wamid.1" };
    await repo.deliveries.insert(delivery(0, "whatsapp", { attemptedAt: ago(120_000), receipt }));
    await repo.deliveries.insert(delivery(1, "whatsapp", { attemptedAt: ago(120_000) }));
    await repo.deliveries.insert(delivery(2, "whatsapp", { attemptedAt: ago(10_000) }));
    await repo.deliveries.insert(delivery(3, "telegram", { attemptedAt: ago(120_000) }));
    await repo.deliveries.insert(delivery(4, "telegram", {}));

    const result = await repo.recoverStale("SB-1", { channels: ["whatsapp"], graceMs: 60_000, now });

    expect(result).toEqual({
      resent: 2,
      uncertain: 1,
      confirmed: 1,
      awaitUntil: new Date(ago(10_000).getTime() + 60_000),
    });
    const status = async (id: string) => (await repo.deliveries.findById(id))?.status;
    expect(await status("SB-1:whatsapp:0")).toBe("sent"); // the receipt proves it went out
    expect(await status("SB-1:whatsapp:1")).toBe("pending"); // no receipt in a minute: never taken
    expect(await status("SB-1:whatsapp:2")).toBe("sending"); // its receipt may still come
    expect(await status("SB-1:telegram:3")).toBe("failed"); // no receipts on Telegram: uncertain
    expect(await status("SB-1:telegram:4")).toBe("pending"); // never handed over
  });
});
