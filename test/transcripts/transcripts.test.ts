/**
 * Plays the registration transcripts through the real transcript runner (as `npm run chat --
 * --script` does) and checks what issue 14 budgets: messages from "daftar" to the DFT- reference,
 * one bot message per turn on WhatsApp and Telegram, residents named in every question.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runTranscript, type Turn } from "../../scripts/lib/transcript";
import { parseScript } from "../../scripts/lib/transcript-script";
import type { App } from "../../src/app";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";

const reference = /DFT-[2-9A-HJKMNP-Z]{6}/;
const plain = (text: string) => text.replace(/[*_∗]/g, "");

async function play(file: string) {
  let app: App | undefined;
  const script = readFileSync(path.join(__dirname, file), "utf8");
  const entries = await runTranscript(parseScript(script, { baseDir: __dirname }), {
    store: createMemoryDocumentStore(),
    now: new Date("2026-03-02T09:00:00+07:00"),
    onBuild: (built) => void (app = built),
  });
  return { turns: entries.filter((e): e is Turn => e.kind === "turn"), app: app! };
}

/** For each "daftar" of `user`: the turns from it to the first reply with a DFT- reference. */
function toRegistrations(turns: Turn[], user: string): Turn[][] {
  const mine = turns.filter((t) => t.user === user);
  const paths: Turn[][] = [];
  mine.forEach((turn, i) => {
    if (turn.in !== "daftar") return;
    const end = mine.findIndex((t, j) => j >= i && t.out.some((o) => reference.test(o)));
    if (end >= 0) paths.push(mine.slice(i, end + 1));
  });
  return paths;
}

describe("transcripts: registration in as few messages as a good paper form", () => {
  it("register-self.txt: an ojek driver on WhatsApp in 8 messages, a trader on Telegram in 9, one reply each", async () => {
    const { turns, app } = await play("register-self.txt");
    const [rudi] = toRegistrations(turns, "+6281234567001");
    const [sari] = toRegistrations(turns, "700001");
    expect(rudi).toHaveLength(8);
    expect(sari).toHaveLength(9);
    expect([...rudi!, ...sari!].every((t) => t.out.length === 1)).toBe(true);
    const [person] = await app.services.people.findByPhone("+6281234567001");
    expect(person).toMatchObject({
      name: "Rudi Hartono",
      status: "pending",
      fundedBy: "self",
      address: { kelurahan: "Lebak Bandung", rt: "22", rw: "3" },
    });
  });

  it("register-rt-head.txt: the RT head in 8 messages, a resident in 7, named in the third person, a resident registered before told as such", async () => {
    const { turns, app } = await play("register-rt-head.txt");
    const [own, jumadi, siti] = toRegistrations(turns, "+6281234567890");
    expect(own).toHaveLength(8);
    expect(jumadi).toHaveLength(7); // his phone came with his name and NIK
    expect(siti).toBeUndefined(); // Bu Siti came after "daftarkan warga lain? ya", not after "daftar"
    const residentTurns = jumadi!.slice(2, -1).map((t) => plain(t.out.join("\n")));
    expect(residentTurns.every((text) => text.includes("Pak Jumadi"))).toBe(true);
    expect(residentTurns.join("\n")).not.toMatch(/\bAnda\b/);
    expect(residentTurns.join("\n")).toContain("Berapa penghasilan Pak Jumadi rata-rata per bulan?");
    const texts = turns.map((t) => plain(t.out.join("\n")));
    expect(texts.some((t) => /Pak Jumadi terdaftar: DFT-/.test(t))).toBe(true);
    expect(texts.some((t) => /Bu Siti Aminah terdaftar: DFT-/.test(t))).toBe(true);
    expect(texts.some((t) => /Pak Jumadi sudah Anda daftarkan sebelumnya: DFT-/.test(t))).toBe(true);
    expect(texts.join("\n")).not.toContain("NIK ini sudah terdaftar atas nama Anda");
    expect(turns.filter((t) => t.channel === "whatsapp").every((t) => t.out.length === 1)).toBe(true);
    const [head] = await app.services.people.search({ kelurahan: "Lebak Bandung", role: "rt_head" });
    expect(head).toMatchObject({
      status: "active",
      name: "Ahmad Fauzi",
      leadsRt: { kecamatan: "Jelutung", kelurahan: "Lebak Bandung", rw: "3", rt: "22" },
      fundedBy: "apbd",
    });
    expect(await app.services.people.count({ registeredByPersonId: head!._id })).toBe(2);
  });
});
