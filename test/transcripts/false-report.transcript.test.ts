/**
 * Runs test/transcripts/false-report.txt through the real transcript runner: a neighbour reports a
 * living, registered woman dead; she says she is alive; staff reject the report as false; her
 * record is untouched throughout and her own "data saya" never says she died.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runTranscript, type Turn } from "../../scripts/lib/transcript";
import { parseScript } from "../../scripts/lib/transcript-script";
import type { App } from "../../src/app";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";

const script = path.join(__dirname, "false-report.txt");

async function play() {
  let app: App | undefined;
  const entries = await runTranscript(parseScript(readFileSync(script, "utf8"), { baseDir: __dirname }), {
    store: createMemoryDocumentStore(),
    now: new Date("2026-02-01T09:00:00+07:00"),
    onBuild: (built) => void (app = built),
  });
  return { turns: entries.filter((e): e is Turn => e.kind === "turn"), app: app! };
}

describe("transcript: a false death report", () => {
  it("is rejected by staff, and the living person's record is untouched", async () => {
    const { turns, app } = await play();
    const [claim] = await app.services.claims.list({});
    expect(claim).toMatchObject({
      stage: "DITOLAK_PERLU_TINDAK_LANJUT",
      falseReport: { by: "terminal:petugas-kelurahan" },
      rejection: { reason: "Bu Siti datang sendiri ke kelurahan dengan KTP; beliau sehat" },
      flags: expect.arrayContaining(["alive_reported"]),
    });
    const siti = await app.services.people.findById(claim!.deceased.personId!);
    expect(siti).toMatchObject({ name: "Siti Aminah", status: "active" });
    expect(siti?.deceasedAt).toBeUndefined();
    expect(siti?.reportedDeceased).toBeUndefined();

    const sitiTurns = turns.filter((t) => t.user === "bu-siti");
    const asked = sitiTurns.find(
      (t) => t.in === "daftar" && t.out.join("\n").includes("dalam keadaan sehat"),
    );
    expect(asked).toBeDefined();
    const ownData = sitiTurns.find((t) => t.in === "data saya")!.out.join("\n");
    expect(ownData).toContain("Status: aktif");
    expect(ownData).not.toContain("meninggal dunia");

    const toReporter = turns.flatMap((t) => t.pushed.filter((p) => p.user === "tetangga"));
    expect(toReporter.at(-1)?.out.join("\n")).toContain("Alasan: Bu Siti datang sendiri");
    const audit = await app.services.audit.list({ target: `claim:${claim!.reference}` });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["claim.report", "claim.aliveReported", "claim.falseReport"]),
    );
  });
});
