/** A fresh bot for the counting benches, and a verified RT head to seed it with: memory store, a fixed clock, bench keys, every channel sending nowhere. */
import { createApp } from "../../src/app";
import type { Contact, RtRef } from "../../src/core/people.port";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";

const benchKeys = { current: "b1", keys: { b1: Buffer.alloc(32, 1) }, hashKey: Buffer.alloc(32, 2) };

export function createBenchApp(now: Date): ReturnType<typeof createApp> {
  const app = createApp({
    store: createMemoryDocumentStore(),
    clock: { now: () => now },
    logger: silentLogger,
    vault: createVault(benchKeys),
  });
  for (const channel of ["terminal", "telegram", "whatsapp"] as const)
    app.hub.register({ channel, send: async () => undefined });
  return app;
}

export type BenchRtHead = {
  name: string;
  nik: string;
  birthDate: string;
  phone: string;
  rt: RtRef;
  income: number;
  contact: Contact;
};

/** A verified, Pemkot-funded RT head leading his own RT, talking from `contact`. */
export async function seedVerifiedRtHead(
  app: ReturnType<typeof createApp>,
  head: BenchRtHead,
  now: Date,
): Promise<void> {
  const result = await app.services.people.register(
    {
      status: "active",
      role: "rt_head",
      name: head.name,
      nik: app.services.vault.seal(head.nik),
      birthDate: head.birthDate,
      sex: "L",
      phone: head.phone,
      address: head.rt,
      occupation: { code: "ketua_rt" },
      leadsRt: head.rt,
      income: head.income,
      programmes: ["JKK", "JKM"],
      fundedBy: "apbd",
      consent: { at: now, channel: head.contact.channel, noticeVersion: "bench", givenBy: "self" },
      registeredBy: head.contact,
      contacts: [head.contact],
      language: "id",
      flags: [],
      verifiedAt: now,
    },
    now,
  );
  if (result.type !== "registered") throw new Error("bench: could not register the RT head");
}
