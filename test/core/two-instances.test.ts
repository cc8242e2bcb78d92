/**
 * Two bot processes on one store: two apps share one memory store in this jest process, and each
 * user's messages go to either app at random, a few ms apart, without waiting for the replies (as
 * behind a load balancer). Every user must get the same conversation as alone on one instance:
 * 0 lost updates, 0 out-of-order steps, 0 duplicate side effects.
 */
import { createApp, type App } from "../../src/app";
import type { DocumentStore } from "../../src/core/document-store.port";
import type { InboundMessage } from "../../src/core/messages";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createLatentStore, waitTurns } from "../support/latent-store";
import { createTestClock, testVaultKeys } from "../support/test-chat";

const users = 24;
/** A real-looking name, different for each of 36 users. */
const firstNames = ["Siti", "Budi", "Ahmad", "Dewi", "Rina", "Agus"];
const lastNames = ["Aminah", "Santoso", "Yani", "Lestari", "Wati", "Saputra"];
const nameOf = (n: number) => `${firstNames[n % 6]!} ${lastNames[Math.floor(n / 6) % 6]!}`;
const registration = (n: number) => [
  ...["daftar", "ya", "1", nameOf(n), `1571080103800${String(n + 1).padStart(3, "0")}`, "ya"],
  ...["0812 3456 7890", "lbk bandung", "RT 22 RW 3", "pedagang", "ok", "2", "1", "kirim"],
];

function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function createInstance(store: DocumentStore, instanceId: string): App {
  return createApp({
    store,
    clock: createTestClock(),
    logger: silentLogger,
    vault: createVault(testVaultKeys),
    instanceId,
  });
}

const message = (user: number, index: number, text: string): InboundMessage => ({
  channel: "telegram",
  userId: String(1000 + user),
  messageId: `${user}-${index}`,
  content: { type: "text", text },
});

/** What the user read, with the random reference and the masked NIK made comparable. */
const normalise = (texts: string[]) =>
  texts.map((t) => t.replace(/DFT-[2-9A-HJKMNP-Z]{6}/g, "DFT-*").replace(/(1571\*{8})\d{4}/g, "$1****"));

async function playAlone(user: number): Promise<string[]> {
  const app = createInstance(createMemoryDocumentStore(), "alone");
  const seen: string[] = [];
  for (const [i, text] of registration(user).entries())
    await app.inbound.handle(message(user, i, text), async (m) => void seen.push(...m.map((x) => x.text)));
  return normalise(seen);
}

describe("two instances on one store", () => {
  const seed = Number(process.env.TWO_INSTANCES_SEED ?? Math.floor(Math.random() * 2 ** 31));

  it(`answers ${users} interleaved registrations as one instance would (seed ${seed})`, async () => {
    const random = createRandom(seed);
    const store = createLatentStore(createMemoryDocumentStore(), random);
    const apps = [createInstance(store, "a"), createInstance(store, "b")];
    const seen = new Map<number, string[]>();
    const handled: Promise<void>[] = [];
    const playUser = async (user: number) => {
      seen.set(user, []);
      for (const [i, text] of registration(user).entries()) {
        const app = apps[Math.floor(random() * apps.length)]!;
        handled.push(
          app.inbound.handle(
            message(user, i, text),
            async (m) => void seen.get(user)!.push(...m.map((x) => x.text)),
          ),
        );
        // The next message a little later: further apart than the store's jitter (3 turns a trip).
        await waitTurns(7 + Math.floor(random() * 4));
      }
    };
    await Promise.all(Array.from({ length: users }, (_, user) => playUser(user)));
    await Promise.all(handled);

    const expected = await playAlone(0);
    const derailed = [...seen].filter(([user, texts]) => {
      const alone = expected.map((t) => t.replace(nameOf(0), nameOf(user)));
      return JSON.stringify(normalise(texts)) !== JSON.stringify(alone);
    });
    expect(derailed.map(([user]) => user)).toEqual([]);
    const people = await apps[0]!.services.people.search({});
    expect(people).toHaveLength(users);
    expect(new Set(people.map((p) => p.name)).size).toBe(users);
    const consents = await store.collection({ name: "consents", indexes: [] }).count({});
    const audits = await store
      .collection({ name: "audit", indexes: [] })
      .count({ action: "registration.submitted" });
    expect([consents, audits]).toEqual([users, users]);
  });
});
