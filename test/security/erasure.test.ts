/**
 * "Hapus data saya" leaves nothing personal of that user anywhere, except what the law requires
 * (proof of consent, the audit log) and the bare chat the user is still talking in; the user is
 * told what remains and why (issue 12: a parked death report with a name stayed in the session).
 */
import type { CollectionSpec, DocumentStore, StoredDoc } from "../../src/core/document-store.port";
import { sessionsCollection } from "../../src/core/session.store";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { deliveriesCollection } from "../../src/storage/repositories/broadcast.repository";
import { answerUpToSummary, headNik } from "../support/registration-script";
import { createTestChat, type TestChat } from "../support/test-chat";

const phone = "+6281234567890";
const telegramId = "tg-77";

/** A memory store that remembers every collection the bot opened, to search all of them. */
function createWatchedStore(): DocumentStore & { names: Set<string> } {
  const inner = createMemoryDocumentStore();
  const names = new Set<string>();
  return {
    kind: inner.kind,
    names,
    collection<T extends StoredDoc>(spec: CollectionSpec) {
      names.add(spec.name);
      return inner.collection<T>(spec);
    },
    close: () => inner.close(),
  };
}

/** Every place ("collection.field.path") where one of `needles` appears in a stored string. */
async function findTraces(store: DocumentStore & { names: Set<string> }, needles: string[]) {
  const found = new Set<string>();
  const walk = (collection: string, value: unknown, at: string) => {
    if (typeof value === "string") {
      if (needles.some((n) => value.includes(n))) found.add(`${collection}${at}`);
    } else if (Array.isArray(value)) value.forEach((v) => walk(collection, v, `${at}[]`));
    else if (value && typeof value === "object" && !(value instanceof Date))
      for (const [key, item] of Object.entries(value)) walk(collection, item, `${at}.${key}`);
  };
  for (const name of store.names)
    for (const doc of await store.collection({ name, indexes: [] }).find({})) walk(name, doc, "");
  return [...found].sort();
}

/** An RT head on WhatsApp, also reachable on Telegram, with half-done reports in both chats. */
async function leaveTracesEverywhere(chat: TestChat, options: { stayOptedOut?: boolean } = {}) {
  await answerUpToSummary(chat, { occupation: "ketua rt", phone: "" });
  await chat.says("kirim");
  const [person] = await chat.app.services.people.findByPhone(phone);
  if (!person) throw new Error("not registered");
  await chat.app.services.people.addContact(
    person._id,
    { channel: "telegram", userId: telegramId },
    chat.clock.now(),
  );
  for (const line of ["lapor kematian", "ya", "3", "Ahmad Wijaya", "menu", "stop", "ya"])
    await chat.says(line);
  expect(chat.replies()[0]).toHaveKey("broadcast:optOut.done");
  if (!options.stayOptedOut) for (const line of ["mulai", "1"]) await chat.says(line);
  chat.as({ userId: telegramId, channel: "telegram" });
  for (const line of ["lapor kematian", "ya", "3", "Rahmat Hidayat", "menu"]) await chat.says(line);
  chat.as({ userId: phone, channel: "whatsapp", phone });
  const deliveries = chat.store.collection<StoredDoc & Record<string, unknown>>(deliveriesCollection);
  for (const [status, n] of [
    ["sent", 1],
    ["pending", 2],
  ] as const)
    await deliveries.insert({
      _id: `b${n}:whatsapp:0`,
      broadcastId: `b${n}`,
      recipient: `person:${person._id}`,
      channel: "whatsapp",
      userId: phone,
      language: "id",
      seq: 0,
      personId: person._id,
      params: { name: person.name, rt: "22", kelurahan: "Lebak Bandung" },
      status,
      createdAt: chat.clock.now(),
    });
  await chat.app.outboxItems.enqueue(
    {
      recipient: { channel: "whatsapp", userId: phone },
      replies: [
        { key: "registration:done.self", params: { reference: person.reference, name: person.name } },
      ],
      kind: "unsolicited",
    },
    chat.clock.now(),
  );
  return person;
}

describe("hapus data saya", () => {
  it("leaves nothing personal anywhere but the legal records and the bare chat, and says so", async () => {
    const store = createWatchedStore();
    const chat = createTestChat({ store, userId: phone, channel: "whatsapp", phone });
    const person = await leaveTracesEverywhere(chat);
    const needles = [
      "Budi Santoso",
      "Ahmad Wijaya",
      "Rahmat Hidayat",
      headNik,
      chat.app.services.vault.hash(headNik),
      person.nik.cipher,
      "6281234567890",
      telegramId,
    ];
    expect((await findTraces(store, needles)).length).toBeGreaterThan(10);

    for (const line of ["data saya", "2", "ya"]) await chat.says(line);
    expect(chat.keys().slice(0, 2)).toEqual(["myData:withdraw.deleted", "myData:withdraw.whatRemains"]);
    expect(chat.texts().join("\n")).toContain("Pasal 22–24");

    expect(await findTraces(store, needles)).toEqual([
      "audit.actor",
      "audit.target",
      "consents.actor",
      "sessions._id",
      "sessions.userId",
    ]);
  });

  it("keeps only the chat key and language in the sessions, and a STOP that still stops", async () => {
    const store = createWatchedStore();
    const chat = createTestChat({ store, userId: phone, channel: "whatsapp", phone });
    await leaveTracesEverywhere(chat, { stayOptedOut: true });
    for (const line of ["data saya", "2", "ya"]) await chat.says(line);
    const sessions = await store.collection(sessionsCollection).find({});
    for (const session of sessions) expect(session).toMatchObject({ flow: null, parked: {}, context: {} });
    expect(sessions.every((s) => !("phone" in s) && !("displayName" in s))).toBe(true);
    const optOuts = await store.collection({ name: "opt_outs", indexes: [] }).find({});
    expect(optOuts).toEqual([
      expect.objectContaining({ _id: `conversation:whatsapp:${phone}`, optedOut: true }),
    ]);
    expect(await chat.app.services.optOuts.isOptedOut({ channel: "whatsapp", userId: phone })).toBe(true);
  });
});
