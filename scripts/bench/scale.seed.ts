/**
 * A city for the scale bench: `count` registered people spread over Kota Jambi's 68 kelurahan and
 * ~1,650 RTs (uneven, as real RTs are), with statuses, RT heads, cover end dates, contacts on
 * WhatsApp and Telegram (some on both, some reached only through their RT head), a conversation
 * for each contact, 2 % opted out, 10 % with a claim, and 200 people named "Siti Aminah" across the
 * city, one of them in a known RT (the death-report search must find her). Deterministic.
 */
import type { Claim } from "../../src/core/claims.port";
import type { DocumentStore } from "../../src/core/document-store.port";
import type { Contact, Person, PersonStatus } from "../../src/core/people.port";
import { createSession, type Session } from "../../src/core/session";
import { sessionsCollection } from "../../src/core/session.store";
import { kecamatanList, kelurahanList } from "../../src/domain/kota-jambi-areas";
import { claimsCollection } from "../../src/storage/repositories/claims.repository";
import { optOutsCollection } from "../../src/storage/repositories/opt-out.repository";
import { peopleCollection } from "../../src/storage/repositories/people.repository";
import { toDoc } from "../../src/storage/repositories/person.schema";

const totalRts = 1_650;
const namesakes = 200;
export const namesake = "Siti Aminah";

const firstNames = [
  "Budi",
  "Siti",
  "Ahmad",
  "Dewi",
  "Rahmat",
  "Nur",
  "Agus",
  "Sri",
  "Hendra",
  "Rina",
  "Yusuf",
  "Fitri",
  "Joko",
  "Lestari",
  "Bambang",
  "Wati",
  "Imam",
  "Ratna",
  "Dedi",
  "Yanti",
  "Andi",
  "Ayu",
  "Rudi",
  "Indah",
];
const lastNames = [
  "Santoso",
  "Aminah",
  "Hidayat",
  "Lestari",
  "Saputra",
  "Wulandari",
  "Pratama",
  "Rahayu",
  "Siregar",
  "Nasution",
  "Harahap",
  "Syahputra",
  "Kurniawan",
  "Permata",
  "Gunawan",
  "Maharani",
  "Fauzi",
];

/** A small seeded generator (mulberry32), so every run builds the same city. */
function createRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type OptOutDoc = { _id: string; optedOut: boolean; changedAt: Date; via: string };

export type Rt = { kecamatan: string; kelurahan: string; rw: string; rt: string };

/** ~1,650 RTs: each kelurahan gets 12 to 40, five RTs to an RW. */
function toRts(random: () => number): Rt[] {
  const weights = kelurahanList.map(() => 12 + random() * 28);
  const sum = weights.reduce((a, b) => a + b, 0);
  return kelurahanList.flatMap((kelurahan, i) => {
    const count = Math.max(1, Math.round((weights[i]! / sum) * totalRts));
    const kecamatan = kecamatanList.find((k) => k.code === kelurahan.kecamatan)?.name ?? "";
    return Array.from({ length: count }, (_, n) => ({
      kecamatan,
      kelurahan: kelurahan.name,
      rw: String(Math.floor(n / 5) + 1),
      rt: String(n + 1),
    }));
  });
}

/** People per RT: uneven (a few big RTs, many small), adding up to `count`. */
function toRtSizes(rts: Rt[], count: number, random: () => number): number[] {
  const weights = rts.map(() => 0.3 + random() ** 2 * 2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((w / sum) * count));
  for (let left = count - sizes.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++)
    sizes[i % sizes.length]! += 1;
  return sizes;
}

function toStatus(r: number): PersonStatus {
  return r < 0.8
    ? "active"
    : r < 0.9
      ? "pending"
      : r < 0.94
        ? "inactive"
        : r < 0.97
          ? "rejected"
          : "deceased";
}

function toContacts(n: number, r: number): Contact[] {
  const wa = { channel: "whatsapp" as const, userId: `+62812${String(n).padStart(8, "0")}` };
  const tg = { channel: "telegram" as const, userId: String(500_000_000 + n) };
  return r < 0.6 ? [wa] : r < 0.85 ? [tg] : r < 0.9 ? [wa, tg] : [];
}

export type SeededCity = { rts: Rt[]; target: { rt: Rt; personId: string } };

export async function seedCity(store: DocumentStore, count: number, now: Date): Promise<SeededCity> {
  const random = createRandom(1571);
  const rts = toRts(random);
  const sizes = toRtSizes(rts, count, random);
  const people = store.collection(peopleCollection);
  const sessions = store.collection<Session>(sessionsCollection);
  const claims = store.collection<Claim>(claimsCollection);
  const optOuts = store.collection<OptOutDoc>(optOutsCollection);
  const namesakeAt = new Set(
    Array.from({ length: namesakes }, (_, i) => Math.floor((i * count) / namesakes) + 7),
  );
  const target = { rt: rts[Math.floor(rts.length / 3)]!, personId: "" };
  let n = 0;
  for (const [index, rt] of rts.entries())
    for (let k = 0; k < sizes[index]!; k++, n++) {
      const isTarget = target.personId === "" && rt === target.rt;
      const person = toPerson(n, rt, random, now, namesakeAt.has(n) || isTarget);
      if (isTarget) target.personId = person._id;
      const inserted = await people.insert(toDoc(person));
      if (inserted.type !== "inserted") throw new Error(`seeding ${person._id}: duplicate ${inserted.index}`);
      for (const contact of person.contacts) {
        const session = createSession(
          contact.channel,
          contact.userId,
          new Date(now.getTime() - random() * 9e9),
        );
        await sessions.insert({ ...session, version: 1, language: person.language });
      }
      if (person.optedOut)
        await optOuts.insert({ _id: `person:${person._id}`, optedOut: true, changedAt: now, via: "bench" });
      if (random() < 0.1) await claims.insert(toClaim(person, now));
    }
  return { rts, target };
}

function toPerson(n: number, rt: Rt, random: () => number, now: Date, namesake: boolean): Person {
  const status = toStatus(random());
  const contacts = toContacts(n, random());
  const createdAt = new Date(now.getTime() - (1 + random() * 400) * 86_400_000);
  const isHead = Number(rt.rt) % 25 === 1 && random() < 0.05;
  const person: Person = {
    _id: `s${n}`,
    reference: `DFT-${n.toString(36).toUpperCase().padStart(6, "0")}`,
    status,
    role: isHead ? "rt_head" : "worker",
    name: namesake
      ? "Siti Aminah"
      : `${firstNames[Math.floor(random() * firstNames.length)]} ${lastNames[Math.floor(random() * lastNames.length)]}`,
    nik: { cipher: "bench", hash: `bench-${n}` },
    birthDate: `19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    sex: random() < 0.5 ? "L" : "P",
    address: rt,
    occupation: { code: isHead ? "ketua_rt" : "ojek" },
    ...(isHead ? { leadsRt: rt } : {}),
    income: 1_000_000 + Math.floor(random() * 40) * 100_000,
    programmes: random() < 0.3 ? ["JKK", "JKM", "JHT"] : ["JKK", "JKM"],
    fundedBy: random() < 0.6 ? "apbd" : "self",
    consent: {
      at: createdAt,
      channel: contacts[0]?.channel ?? "whatsapp",
      noticeVersion: "v1",
      givenBy: "self",
    },
    registeredBy: contacts[0] ?? { channel: "whatsapp", userId: "+6281200000000" },
    contacts,
    language: random() < 0.95 ? "id" : "en",
    flags: [],
    createdAt,
    updatedAt: createdAt,
    ...(status === "active" ? { coverageEndsAt: new Date(now.getTime() + random() * 365 * 86_400_000) } : {}),
    ...(status === "deceased" ? { deceasedAt: createdAt } : {}),
    ...(random() < 0.02 ? { optedOut: true } : {}),
  };
  return person;
}

function toClaim(person: Person, now: Date): Claim {
  return {
    _id: `KLM-${person._id}`,
    reference: `KLM-${person._id}`,
    version: 1,
    stage: "MENUNGGU_DOKUMEN",
    stageAt: now,
    programme: "JKM",
    cause: "other",
    deceased: { name: person.name, deathDate: "2026-01-01", personId: person._id },
    heir: {
      name: "Ahli Waris",
      nik: { cipher: "bench", hash: `heir-${person._id}` },
      relationship: "spouse",
      standing: "entitled",
      contact: { channel: "whatsapp", userId: `+62813${person._id.slice(1).padStart(8, "0")}` },
      language: "id",
    },
    schoolChildren: false,
    required: ["deathCertificate"],
    requested: [],
    received: [],
    flags: [],
    history: [],
    notifications: [],
    lastActivityAt: now,
    createdAt: now,
    updatedAt: now,
  };
}
