/**
 * Replays test/transcripts/death-report.txt through the test chat (the transcript runner's format:
 * one message per line, `#` comments, @user, @staff, @wait, @restart, @photo, @document, @contact),
 * with the RT head seeded through the PeopleRepository seam, and checks the story's outcome.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createClaimsChat } from "../flows/death-report/report-helpers";
import type { TestChat } from "../support/test-chat";

const script = path.join(__dirname, "death-report.txt");
const mimeTypes: Record<string, string> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
};
const units: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

async function replay(chat: TestChat, lines: string[]): Promise<string[]> {
  const misunderstood: string[] = [];
  let userId = "transcript-user";
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [directive, arg = ""] = line.split(/\s+(.*)/s) as [string, string?];
    if (directive === "@user") chat.as({ userId: (userId = arg) });
    else if (directive === "@staff") chat.as({ userId, isStaff: true });
    else if (directive === "@restart") chat.restart();
    else if (directive === "@wait") {
      const match = /^(\d+)([mhd])$/.exec(arg);
      if (!match) throw new Error(`Bad @wait ${arg}`);
      chat.clock.advance(Number(match[1]) * (units[match[2]!] ?? 0));
    } else if (directive === "@contact") await chat.sharesContact(arg);
    else if (directive === "@photo" || directive === "@document") {
      const file = path.resolve(path.dirname(script), arg);
      await chat.sendsFile({
        kind: directive === "@photo" ? "photo" : "document",
        mimeType: mimeTypes[path.extname(file)] ?? "application/octet-stream",
        bytes: new Uint8Array(readFileSync(file)),
        fileName: path.basename(file),
      });
    } else await chat.says(line);
    const keys = chat.keys();
    if (keys.some((k) => /invalid|notUnderstood|notAvailable|resume\.prompt|error$/.test(k)))
      misunderstood.push(`${line} → ${keys.join(", ")}`);
  }
  return misunderstood;
}

describe("transcript: death of an RT head, reported to paid", () => {
  it("takes the report, four documents and every stage to DIBAYAR, and the heir sees DIBAYAR", async () => {
    const { chat, people } = createClaimsChat();
    const rtHead = await people.seed({ name: "Ahmad Yani", role: "rt_head" });
    const misunderstood = await replay(chat, readFileSync(script, "utf8").split("\n"));
    expect(misunderstood).toEqual([]);

    expect(chat.keys()[0]).toBe("claimStatus:card.header");
    expect(chat.texts().join("\n")).toContain("Tahap: Dibayar");
    const [claim] = await chat.app.services.claims.list({});
    expect(claim?.stage).toBe("DIBAYAR");
    expect(claim?.history.map((h) => h.stage)).toEqual([
      "LAPORAN_DITERIMA",
      "VERIFIKASI_RT_KELURAHAN",
      "MENUNGGU_DOKUMEN",
      "BERKAS_LENGKAP",
      "DIAJUKAN_KE_BPJS",
      "DIPROSES_BPJS",
      "DIBAYAR",
    ]);
    const documents = await chat.app.services.claimDocuments.listByClaim(claim!.reference);
    expect(documents.map((d) => d.type)).toEqual([
      "deathCertificate",
      "heirLetter",
      "familyCard",
      "bankBook",
    ]);
    expect(chat.pushed("ahli-waris-siti")).toHaveLength(6);
    expect((await people.repository.findById(rtHead._id))?.status).toBe("deceased");
  });
});
