/**
 * The staff console running for real on a loopback port, over the same app a test chat drives
 * (memory store, fake channels that record every push, fixed clock), with staff accounts and a
 * few registrations and claims in two kelurahan:
 *
 *   const world = await startConsoleWorld();
 *   await world.chat.says("halo");               // a citizen on the same bot
 *   fetch(`${world.url}/login`) …                // or a browser
 *   await world.stop();
 */
import type { Claim, NewClaim } from "../../src/core/claims.port";
import type { Person } from "../../src/core/people.port";
import { createConsoleServer, type ConsoleServer } from "../../src/console/console.server";
import type { LabelSink } from "../../src/console/console.types";
import { createVault } from "../../src/security/vault";
import { createStaffAccount } from "./staff-accounts";
import { createPeopleSeeder } from "./seed-people";
import { aNewClaim } from "./claim-factory";
import { createTestChat, testVaultKeys, type TestChat } from "./test-chat";

export const passwords = {
  admin: "rahasia-admin-123",
  officer: "rahasia-kel-456",
  claims: "rahasia-klaim-789",
};

const vault = createVault(testVaultKeys);

export function aClaim(overrides: Partial<NewClaim> & { kelurahan: string; heirUserId: string }): NewClaim {
  const { kelurahan, heirUserId, ...rest } = overrides;
  const at = new Date("2026-02-20T09:00:00+07:00");
  return aNewClaim(
    {
      stage: "LAPORAN_DITERIMA",
      deceased: {
        name: "Ahmad Yani",
        deathDate: "2026-02-18",
        nik: vault.seal("1571020101800001"),
        kelurahan,
        rt: "3",
      },
      heir: {
        name: "Siti Aminah",
        nik: vault.seal("1571025203850002"),
        phone: "+6281234567890",
        relationship: "spouse",
        standing: "entitled",
        contact: { channel: "telegram", userId: heirUserId },
        language: "id",
      },
      required: ["deathCertificate", "heirLetter", "ktpHeir"],
      received: ["deathCertificate"],
      history: [{ stage: "LAPORAN_DITERIMA", at, by: "telegram:heir" }],
      ...rest,
    },
    at,
  );
}

export type ConsoleWorld = {
  url: string;
  chat: TestChat;
  server: ConsoleServer;
  /** Training lines the Unanswered page wrote (instead of nlu/train/staff-labelled.tsv). */
  labelled: string[];
  claims: { mine: Claim; other: Claim; overdue: Claim; processing: Claim };
  people: { mine: Person; other: Person };
  stop(): Promise<void>;
};

/** Starts the console over a fresh app with admin, kelurahan officer (Lebak Bandung) and claims officer. */
export async function startConsoleWorld(): Promise<ConsoleWorld> {
  const chat = createTestChat();
  const { services } = chat.app;
  await createStaffAccount(services, { username: "admin", name: "Ani Admin", password: passwords.admin });
  await createStaffAccount(services, {
    username: "kel.lebak",
    name: "Lia Kelurahan",
    role: "kelurahan_officer",
    kelurahan: "Lebak Bandung",
    password: passwords.officer,
    telegramId: "5001",
  });
  await createStaffAccount(services, {
    username: "klaim",
    name: "Kiki Klaim",
    role: "claims_officer",
    password: passwords.claims,
  });
  const seeder = createPeopleSeeder(chat.store);
  const mine = await seeder.seed({
    name: "Budi Lebak",
    status: "pending",
    role: "worker",
    nik: "1571080703800001",
    address: { kecamatan: "Jelutung", kelurahan: "Lebak Bandung", rw: "3", rt: "22" },
    contacts: [{ channel: "telegram", userId: "warga-lebak" }],
  });
  const other = await seeder.seed({
    name: "Rina Sipin",
    status: "pending",
    role: "worker",
    nik: "1571014506900002",
    address: { kecamatan: "Telanaipura", kelurahan: "Simpang IV Sipin", rw: "1", rt: "3" },
    contacts: [{ channel: "telegram", userId: "warga-sipin" }],
  });
  await seeder.seed({
    name: "Dewi Payo",
    status: "active",
    role: "worker",
    nik: "1571094107950003",
    address: { kecamatan: "Alam Barajo", kelurahan: "Payo Lebar", rw: "2", rt: "7" },
    contacts: [{ channel: "telegram", userId: "warga-payo" }],
  });
  const { claim: mineClaim } = await services.claims.create(
    aClaim({ kelurahan: "Lebak Bandung", heirUserId: "heir-lebak" }),
  );
  const { claim: otherClaim } = await services.claims.create(
    aClaim({
      kelurahan: "Simpang IV Sipin",
      heirUserId: "heir-sipin",
      deceased: { name: "Hasan Sipin", deathDate: "2026-02-10", kelurahan: "Simpang IV Sipin" },
    }),
  );
  const { claim: overdue } = await services.claims.create(
    aClaim({
      kelurahan: "Lebak Bandung",
      heirUserId: "heir-late",
      stage: "DIAJUKAN_KE_BPJS",
      slaDue: "2026-02-25",
      deceased: { name: "Joko Terlambat", deathDate: "2026-02-01", kelurahan: "Lebak Bandung" },
    }),
  );
  await services.unanswered?.record({
    text: "apakah ojol dapat bantuan iuran dari pemkot?",
    guesses: ["iuran"],
    channel: "whatsapp",
    language: "id",
    at: new Date("2026-03-01T10:00:00+07:00"),
  });
  const { claim: processing } = await services.claims.create(
    aClaim({
      kelurahan: "Lebak Bandung",
      heirUserId: "heir-paid",
      stage: "DIPROSES_BPJS",
      deceased: {
        name: "Rudi Diproses",
        deathDate: "2026-01-20",
        kelurahan: "Lebak Bandung",
        verifiedAt: new Date("2026-01-25T10:00:00+07:00"),
      },
    }),
  );
  const labelled: string[] = [];
  const labels: LabelSink = {
    intents: () => ["iuran", "daftar", "handoff"],
    append: (line) => void labelled.push(line),
  };
  const server = createConsoleServer({
    services,
    translator: chat.app.translator,
    store: chat.store,
    logger: services.logger,
    labels,
  });
  const listening = await server.listen(0, "127.0.0.1");
  // "localhost" is a secure context for Chromium, so the console's Secure cookies work over plain HTTP here.
  const url = listening.url.replace("127.0.0.1", "localhost");
  return {
    url,
    chat,
    server,
    labelled,
    claims: { mine: mineClaim, other: otherClaim, overdue, processing },
    people: { mine, other },
    stop: () => server.close(),
  };
}
