/**
 * A turn handled twice (its save lost a race, or the message came again) does every side effect
 * once and gives the user the same answer: no "already registered", no second claim or document.
 */
import type { Filter } from "../../src/core/document-store.port";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createConflictingStore } from "../support/conflicting-store";
import { answerUpToSummary } from "../support/registration-script";
import { createPeopleSeeder } from "../support/seed-people";
import { createTestChat, type TestChat } from "../support/test-chat";
import { fixture, reportDeath } from "./death-report/report-helpers";

const count = async (chat: TestChat, name: string, filter: Filter = {}) =>
  (await chat.store.collection({ name, indexes: [] }).find(filter)).length;

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

  it("after a save conflict on the death report's last step gives the same claim reference, with one claim", async () => {
    const store = createConflictingStore(createMemoryDocumentStore());
    const chat = createTestChat({ store, userId: "ahli-waris-1" });
    await createPeopleSeeder(store).seed({});
    store.conflictWhen(/KLM-[2-9A-HJKMNP-Z]{6}/);
    const claim = await reportDeath(chat);

    expect(await chat.app.services.claims.list({})).toHaveLength(1);
    expect(chat.texts().join("\n")).toContain(claim.reference);
    expect(await count(chat, "audit", { action: "claim.report" })).toBe(1);
  });

  it("after a save conflict on a document photo stores the document once", async () => {
    const store = createConflictingStore(createMemoryDocumentStore());
    const chat = createTestChat({ store, userId: "ahli-waris-1" });
    await createPeopleSeeder(store).seed({});
    const claim = await reportDeath(chat);
    store.conflictNext(1);
    await chat.sendsFile({
      kind: "document",
      mimeType: "application/pdf",
      bytes: fixture("akta-kematian.pdf"),
      caption: "akta kematian",
    });

    expect(chat.keys()).toContain("deathReport:documents.receivedMore");
    expect(await chat.app.services.claimDocuments.listByClaim(claim.reference)).toHaveLength(1);
  });
});
