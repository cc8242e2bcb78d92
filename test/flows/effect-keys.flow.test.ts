/**
 * A turn handled twice (its save lost a race, or the message came again) does every side effect
 * once and gives the user the same answer: no "already registered", no second claim or document.
 */
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createConflictingStore } from "../support/conflicting-store";
import { answerUpToSummary } from "../support/registration-script";
import { createTestChat } from "../support/test-chat";

const count = async (chat: ReturnType<typeof createTestChat>, name: string) =>
  (await chat.store.collection({ name, indexes: [] }).find({})).length;

describe("a turn handled again", () => {
  it("after a save conflict on the final 'kirim' still tells the new reference, with one person, consent and audit entry", async () => {
    const store = createConflictingStore(createMemoryDocumentStore());
    const chat = createTestChat({ store });
    await answerUpToSummary(chat);
    store.conflictNext(1);
    await chat.says("kirim");

    expect(chat.keys()).toContain("registration:done.self");
    expect(chat.texts().join("\n")).not.toMatch(/sudah terdaftar/);
    const people = await chat.app.services.people.search({});
    expect(people).toHaveLength(1);
    expect(chat.texts().join("\n")).toContain(people[0]!.reference);
    expect(await chat.app.services.consents.listFor(people[0]!._id)).toHaveLength(1);
    expect(await count(chat, "audit")).toBe(1);
  });

  it("after a save conflict on a document photo stores the document once", async () => {
    const store = createConflictingStore(createMemoryDocumentStore());
    const chat = createTestChat({ store });
    const claims = chat.app.services.claims;
    const { claim } = await claims.create({
      stage: "MENUNGGU_DOKUMEN",
      stageAt: chat.clock.now(),
      programme: "JKM",
      cause: "other",
      deceased: { name: "Almarhum", deathDate: "2026-03-01" },
      heir: {
        name: "Siti",
        nik: { cipher: "x", hash: "h" },
        relationship: "spouse",
        standing: "entitled",
        contact: { channel: "terminal", userId: "warga-1" },
        language: "id",
      },
      schoolChildren: false,
      required: ["deathCertificate"],
      requested: [],
      received: [],
      flags: [],
      history: [],
      notifications: [],
      lastActivityAt: chat.clock.now(),
      createdAt: chat.clock.now(),
      updatedAt: chat.clock.now(),
    });
    await chat.says("halo");
    const session = (await chat.session())!;
    session.flow = {
      id: "claimDocuments",
      version: 1,
      step: "collect",
      data: { reference: claim.reference, labelOptions: [] },
      history: [],
      startedAt: chat.clock.now(),
    };
    session.version += 1;
    expect(await chat.app.services.sessions.save(session)).toBe("saved");
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]);
    store.conflictNext(1);
    await chat.sendsFile({
      kind: "document",
      mimeType: "application/pdf",
      bytes: pdf,
      caption: "akta kematian",
    });

    expect(chat.keys()).toContain("deathReport:documents.received");
    expect(await chat.app.services.claimDocuments.listByClaim(claim.reference)).toHaveLength(1);
  });
});
