/**
 * The conversations the engine bench plays, one per simulated user (user i plays scenario i mod n).
 * Add a flow's happy path here when it lands; `ends` keeps the scenario honest (a test checks it).
 */
import type { I18nKey } from "../../src/i18n/keys";

/**
 * One user's conversation. `requires`: skipped unless that flow is registered. `{nik}` in a
 * message becomes a valid NIK unique to the simulated user (registrations refuse duplicates).
 * `ends`: the key of the bot's last reply, checked by test/scripts/bench.test.ts.
 */
export type Scenario = {
  name: string;
  messages: string[];
  staff?: boolean;
  requires?: string;
  ends?: I18nKey;
};

export const scenarios: Scenario[] = [
  {
    name: "menu, help, language, back",
    messages: ["halo", "bantuan", "6", "menu", "bahasa", "kembali", "batal"],
  },
  { name: "staff hub", staff: true, messages: ["menu", "7", "bantuan", "kembali", "7", "menu"] },
  {
    name: "loose typing",
    messages: ["assalamualaikum", "brp iuran nya", "dafter", "9", "data saya", "menu"],
  },
  {
    name: "registration, trader paying themself",
    requires: "registration",
    ends: "registration:done.self",
    messages: [
      ...["daftar", "ya", "Siti Aminah {nik}", "0812 3456 7890", "lbk bandung RT 22 RW 3"],
      ...["pedagang", "ok", "3", "kirim"],
    ],
  },
  {
    name: "registration, RT head (test/transcripts/register-rt-head.txt)",
    requires: "registration",
    ends: "registration:residentConsent.offer",
    messages: [
      ...["halo", "daftar", "ya", "Ahmad Fauzi {nik}", "0812 3456 7890", "lbk bandung RT 22 RW 3"],
      ...["ketua rt", "1,5 juta", "1", "kirim"],
    ],
  },
  {
    name: "free-text questions",
    requires: "questions",
    ends: "menu:main.prompt",
    messages: ["brp iuran nya", "syarat daftar apa aja", "hitung iuran 2jt 3 program", "menu"],
  },
  {
    name: "eligibility check",
    requires: "eligibility",
    ends: "eligibility:result.eligible",
    messages: ["cek syarat", "iya", "45 th", "ya", "gak", "ya", "belum"],
  },
];

/** A valid Kota Jambi NIK (Jelutung, male, born in March 1980) that differs for every `n` below 279,972. */
export function toBenchNik(n: number): string {
  const serial = (n % 9999) + 1;
  const day = 1 + (Math.floor(n / 9999) % 28);
  return `157108${String(day).padStart(2, "0")}0380${String(serial).padStart(4, "0")}`;
}

/** The scenario's messages for simulated user number `n`, placeholders filled in. */
export function toScenarioMessages(scenario: Scenario, n: number): string[] {
  return scenario.messages.map((m) => m.replaceAll("{nik}", toBenchNik(n)));
}
