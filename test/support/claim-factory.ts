/**
 * A claim as a report files it, for tests: a JKM claim about "A" waiting for documents, the heir
 * "B" on WhatsApp. Override what a test is about; `at` is every date not overridden.
 */
import type { NewClaim } from "../../src/core/claims.port";

export const claimDate = new Date("2026-03-02T02:00:00Z");

export function aNewClaim(overrides: Partial<NewClaim> = {}, at: Date = claimDate): NewClaim {
  return {
    stage: "MENUNGGU_DOKUMEN",
    stageAt: at,
    programme: "JKM",
    cause: "other",
    deceased: { name: "A", deathDate: "2026-03-01" },
    heir: {
      name: "B",
      nik: { cipher: "k1:x", hash: "h" },
      relationship: "spouse",
      standing: "entitled",
      contact: { channel: "whatsapp", userId: "+6281200000009" },
      language: "id",
    },
    schoolChildren: false,
    required: ["deathCertificate", "heirLetter"],
    requested: [],
    received: [],
    flags: [],
    history: [],
    notifications: [],
    lastActivityAt: at,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
