/**
 * Runs test/transcripts/death-report.txt through the real transcript runner (scripts/lib), as
 * `npm run chat -- --script` does: the RT head registers and is verified, dies nine months later,
 * his wife reports it and sends four documents, staff move the claim to DIBAYAR, she checks it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runTranscript, type Turn } from "../../scripts/lib/transcript";
import { parseScript } from "../../scripts/lib/transcript-script";
import type { App } from "../../src/app";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";

const script = path.join(__dirname, "death-report.txt");
const localeDir = path.join(__dirname, "../../locales/id");
const plain = (text: string) => text.replace(/[*_]/g, "").trim();

/** The fixed opening of every "not understood", "invalid", "not available" and error reply. */
function toRefusalOpenings(): string[] {
  const openings: string[] = [];
  const walk = (node: unknown, key: string) => {
    if (typeof node === "string") {
      const opening = plain(node.split("{{")[0] ?? "");
      if (/invalid|notUnderstood|notAvailable|resume\.prompt|error$/.test(key) && opening.length >= 12)
        openings.push(opening);
    } else if (node && typeof node === "object")
      for (const [child, value] of Object.entries(node)) walk(value, `${key}.${child}`);
  };
  for (const file of ["common", "menu", "registration", "staffRegistrations", "deathReport", "staffClaims"])
    walk(JSON.parse(readFileSync(path.join(localeDir, `${file}.json`), "utf8")), file);
  return openings;
}

async function play() {
  let app: App | undefined;
  const entries = await runTranscript(parseScript(readFileSync(script, "utf8"), { baseDir: __dirname }), {
    store: createMemoryDocumentStore(),
    now: new Date("2025-06-01T09:00:00+07:00"),
    onBuild: (built) => void (app = built),
  });
  return { turns: entries.filter((e): e is Turn => e.kind === "turn"), app: app! };
}

describe("transcript: death of an RT head, from his registration to the payment", () => {
  it("runs standalone to DIBAYAR, every line understood, and the heir's last status shows DIBAYAR", async () => {
    const { turns, app } = await play();

    const openings = toRefusalOpenings();
    const refused = turns.filter((turn) =>
      turn.out.some((text) => openings.some((opening) => plain(text).startsWith(opening))),
    );
    expect(refused.map((turn) => `${turn.line}: ${turn.in} → ${turn.out.join(" | ")}`)).toEqual([]);

    const heirTurns = turns.filter((turn) => turn.user === "ahli-waris-siti");
    const lastStatus = heirTurns.filter((turn) => turn.in === "status").at(-1);
    expect(lastStatus).toBe(heirTurns.at(-1));
    expect(lastStatus?.out.join("\n")).toContain("Tahap: Dibayar");
    expect(lastStatus?.out.join("\n")).toContain("Dibayarkan: Rp 42.000.000 pada");

    const [claim] = await app.services.claims.list({});
    expect(claim?.stage).toBe("DIBAYAR");
    expect(claim?.payment).toEqual({
      amount: 42_000_000,
      paidOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(claim?.membership).toMatchObject({ since: "2022-01-01", confirmed: true });
    expect(claim?.deceased.personId).toBeDefined();
    expect(claim?.history.map((h) => h.stage)).toEqual([
      "LAPORAN_DITERIMA",
      "VERIFIKASI_RT_KELURAHAN",
      "MENUNGGU_DOKUMEN",
      "BERKAS_LENGKAP",
      "DIAJUKAN_KE_BPJS",
      "DIPROSES_BPJS",
      "DIBAYAR",
    ]);
    const documents = await app.services.claimDocuments.listByClaim(claim!.reference);
    expect(documents.map((d) => d.type)).toEqual([
      "deathCertificate",
      "heirLetter",
      "familyCard",
      "bankBook",
    ]);
    const pushesToHeir = turns.flatMap((turn) => turn.pushed.filter((p) => p.user === "ahli-waris-siti"));
    // Membership confirmed (with the estimate), then one message per stage: 6 stage changes.
    const stagePushes = pushesToHeir.filter((p) =>
      /Kabar klaim KLM-\w+: tahap sekarang/.test(p.out.join("\n")),
    );
    expect(stagePushes).toHaveLength(6);
    expect(stagePushes.every((p) => p.out.length === 1)).toBe(true);
    const rtHead = await app.services.people.findById(claim!.deceased.personId!);
    expect(rtHead).toMatchObject({ name: "Ahmad Yani", role: "rt_head", status: "deceased" });
  });
});
