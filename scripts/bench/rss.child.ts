/**
 * Child process of the memory bench: builds the bot on the memory store, gives N users a session
 * (each sends two messages, so the session holds a flow state), collects garbage, and prints
 * {"baseline", "peak", "rss", "heapUsed", "heapTotal" (bytes), "sessions"} on stdout.
 */
import { createApp } from "../../src/app";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";

const count = Number(process.argv[2] ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function main(): Promise<void> {
  const app = createApp({
    store: createMemoryDocumentStore(),
    clock: { now: () => new Date() },
    logger: silentLogger,
    vault: createVault({ current: "r1", keys: { r1: Buffer.alloc(32, 1) }, hashKey: Buffer.alloc(32, 2) }),
  });
  const respond = async () => undefined;
  const send = (user: number, text: string, n: number) =>
    app.inbound.handle(
      {
        channel: "whatsapp",
        userId: `+62812${String(user).padStart(8, "0")}`,
        messageId: `${user}-${n}`,
        content: { type: "text", text },
        ...(user % 2 ? { isStaff: true } : {}),
      },
      respond,
    );
  await send(-1, "halo", 0);
  gc();
  const baseline = process.memoryUsage().rss;
  for (let user = 0; user < count; user++) {
    await send(user, "halo", 1);
    await send(user, user % 2 ? "7" : "bantuan", 2);
  }
  gc();
  const peak = process.memoryUsage().rss;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  gc();
  const soon = process.memoryUsage().rss;
  // A bot between messages: V8's memory reducer gives back what the burst of 2×N messages left
  // behind after some seconds of quiet.
  for (let waited = 0; waited < 10; waited += 2) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    gc();
  }
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  process.stdout.write(
    JSON.stringify({ baseline, peak, soon, rss, heapUsed, heapTotal, sessions: count }) + "\n",
  );
}

void main();
