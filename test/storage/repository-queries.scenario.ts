/**
 * Asks every repository query the bot makes, each filter variant at least once: people (lookups,
 * staff lists and searches, segments, counts, writes), sessions (the broadcast joins), claims,
 * documents, broadcasts and deliveries (preview, create, dispatch, progress, cancel, reminders),
 * opt-outs, the outbox, consents and the audit log. The index test records what the store is asked.
 */
import type { NewClaim } from "../../src/core/claims.port";
import type { DocumentStore } from "../../src/core/document-store.port";
import type { Segment } from "../../src/domain/broadcast-segment";
import { createClaimDocumentRepository } from "../../src/storage/repositories/claim-documents.repository";
import { createClaimRepository } from "../../src/storage/repositories/claims.repository";
import type { Person } from "../../src/core/people.port";
import { createBroadcastWorld, type BroadcastWorld } from "../support/broadcast-world";
import { aNewClaim } from "../support/claim-factory";
import { createPerson } from "../support/people-factory";

const at = new Date("2026-03-02T02:00:00Z");
const heirContact = { channel: "whatsapp" as const, userId: "+6281200000009" };

const newClaim = (): NewClaim =>
  aNewClaim(
    {
      deceased: { name: "A", deathDate: "2026-03-01", personId: "p-dead" },
      heir: { ...aNewClaim().heir, contact: heirContact, phone: "+6281200000009" },
      slaDue: "2026-03-10",
    },
    at,
  );

const segments: Segment[] = [
  { state: "registered" },
  { state: "active", kecamatan: "Telanaipura" },
  { state: "active", kelurahan: "Simpang IV Sipin", rt: "3" },
  { state: "pending", role: "rt_head" },
  { state: "coverageEnding", coverageEndsBefore: "2026-04-01" },
  { state: "chatted" },
  { state: "chatted", channel: "telegram" },
  { state: "chatted", kelurahan: "Simpang IV Sipin" },
  { state: "started" },
];

async function exercisePeople(world: BroadcastWorld, seeded: Person[]): Promise<void> {
  const people = world.chat.app.services.people;
  const [first] = seeded;
  await people.findById(first!._id);
  await people.findByReference(first!.reference);
  await people.findByNikHash(first!.nik.hash);
  await people.findByKpjHash("kpj-hash");
  await people.setReportedDeceased(first!._id, { at, claimReference: "KLM-X" }, world.clock.now());
  await people.findByContact(first!.contacts[0]!);
  await people.findByPhone("+6281200000001");
  await people.search({ status: "pending" }, { limit: 10 });
  await people.search({ text: "warga 1", status: ["pending", "active"] }, { limit: 10 });
  await people.search(
    { kelurahan: "Simpang IV Sipin", status: ["pending", "active"] },
    { limit: 10, skip: 10 },
  );
  await people.search({ kecamatan: "Telanaipura", rw: "1", rt: "3" }, { limit: 10 });
  await people.search({ rt: "3" }, { limit: 10 });
  await people.search({ kelurahan: "Simpang IV Sipin", rt: "3", text: "warga" }, { limit: 50 });
  await people.count({ status: "active", kelurahan: "Simpang IV Sipin" });
  await people.countBy({ status: ["pending", "active"] }, ["address.kelurahan", "address.rt", "status"]);
  await people.findRtHeads({ kecamatan: "Telanaipura", kelurahan: "Simpang IV Sipin", rw: "1", rt: "3" });
  await people.addFlag(first!._id, "checked", world.clock.now());
  await people.addContact(first!._id, { channel: "telegram", userId: "777" }, world.clock.now());
  await people.update(first!._id, { reviewNote: "ok" }, world.clock.now());
  await people.markDeceased(seeded[1]!._id, world.clock.now());
  await people.anonymise(seeded[2]!._id, world.clock.now());
  await people.remove(seeded[3]!._id);
}

async function exerciseClaims(store: DocumentStore): Promise<void> {
  const claims = createClaimRepository(store);
  const documents = createClaimDocumentRepository(store);
  const { claim } = await claims.create(newClaim());
  await claims.findByReference(claim.reference);
  await claims.findByHeirContact(heirContact);
  await claims.findByHeirPhone("+6281200000009");
  await claims.findByHeirNikHash("h");
  await claims.hasClaimFor("p-dead");
  await claims.list({ stage: "MENUNGGU_DOKUMEN" }, { limit: 30 });
  await claims.list({ stage: ["MENUNGGU_DOKUMEN"], slaDueBefore: "2026-03-20" });
  await claims.save(claim);
  await claims.listAwaitingDocuments(new Date("2026-03-09T00:00:00Z"));
  await claims.findByAccess(heirContact);
  await claims.findOpenByDeceased({ personId: "p-dead", nikHash: "dead-hash" });
  await claims.findByDeceased({ personId: "p-dead", nikHash: "dead-hash" });
  await documents.add({
    _id: "d1",
    claimReference: claim.reference,
    fileKey: "k",
    mimeType: "image/jpeg",
    size: 1,
    sha256: "x",
    channel: "whatsapp",
    receivedAt: at,
  });
  await documents.findById("d1");
  await documents.label("d1", "deathCertificate");
  await documents.listByClaim(claim.reference);
}

async function exerciseBroadcasts(world: BroadcastWorld): Promise<void> {
  const { service } = world.broadcasting;
  const message = { type: "template", template: "activeReminder" } as const;
  for (const segment of segments) await service.preview({ segment, message });
  const created = await service.create({ segment: { state: "active" }, message }, world.staff);
  if (created.status !== "ok") throw new Error(created.reason);
  await service.schedule(created.broadcast._id, "now", world.staff);
  await world.runJobs();
  await service.progress(created.broadcast._id);
  await service.list(10);
  await service.campaigns();
  const second = await service.create({ segment: { state: "registered" }, message }, world.staff);
  if (second.status === "ok") await service.cancel(second.broadcast._id, world.staff);
  await world.broadcasting.recover();
  await world.chat.app.broadcasting.campaigns.run();
}

/** Runs every query once over `store` (a fresh one: the scenario seeds its own data). */
export async function exerciseRepositories(store: DocumentStore): Promise<void> {
  const people = Array.from({ length: 6 }, (_, i) =>
    createPerson({
      ...(i === 0 ? { phone: "+6281200000001", role: "rt_head" as const } : {}),
      ...(i === 4 ? { coverageEndsAt: new Date("2026-03-10T00:00:00+07:00") } : {}),
      ...(i === 5 ? { status: "pending" as const } : {}),
    }),
  );
  const world = await createBroadcastWorld({ store, people, settings: { exactPreviewUpTo: 0 } });
  for (const p of people) await world.wrote("telegram", p.contacts[0]!.userId, { phone: "+6281200000002" });
  const { services } = world.chat.app;
  const contact = people[0]!.contacts[0]!;
  await services.optOuts.optOut(contact, world.clock.now());
  await services.optOuts.isOptedOut(contact, people[0]!._id);
  await services.optOuts.optIn(contact, world.clock.now());
  await exerciseBroadcasts(world);
  await exercisePeople(world, people);
  await exerciseClaims(store);
  await services.sessions.findByPhone("+6281200000002");
  await services.consents.record({
    personId: "p1",
    at,
    channel: "telegram",
    noticeVersion: "v1",
    action: "given",
    givenBy: "self",
    actor: "telegram:1",
  });
  await services.consents.listFor("p1");
  await services.audit.list({ target: "people" });
  await services.audit.list({ actor: "telegram:staff-1" });
  const rule = { name: "scenario.lookup", limit: 3, windowMs: 60_000 };
  await services.attempts.hit(rule, "telegram:1", at);
  await services.attempts.check(rule, "telegram:1", at);
  await services.attempts.clear(rule, "telegram:1");
  const unanswered = services.unanswered!;
  await unanswered.record({ text: "apa itu", guesses: [], channel: "telegram", language: "id", at });
  const [question] = await unanswered.list();
  await unanswered.list({ all: true, limit: 10 });
  if (question) await unanswered.findById(question._id);
  if (question) await unanswered.markLabelled(question._id, "faq", "cli:staff", at);
  const outbox = world.chat.app.outboxItems;
  await outbox.enqueue(
    { recipient: contact, replies: [{ key: "common:cancelled" }], kind: "unsolicited" },
    at,
  );
  const item = await outbox.claimDue(["telegram"], "runner", world.clock.now());
  if (item) await outbox.markSent(item, world.clock.now());
  await outbox.recoverStale(at);
  await outbox.find({ status: "pending", channel: "telegram" });
}
