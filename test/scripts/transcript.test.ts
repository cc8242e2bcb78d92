import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { App } from "../../src/app";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { parseScript } from "../../scripts/lib/transcript-script";
import {
  runTranscript,
  toInboundContent,
  toTranscriptJson,
  toTranscriptText,
  type TranscriptEntry,
  type Turn,
} from "../../scripts/lib/transcript";

const start = new Date("2026-03-02T09:00:00+07:00");
const dir = mkdtempSync(path.join(tmpdir(), "transcript-"));

async function play(script: string, options: { lang?: "id" | "en"; onBuild?: (app: App) => void } = {}) {
  const steps = parseScript(script, { baseDir: dir });
  const entries = await runTranscript(steps, {
    store: createMemoryDocumentStore(),
    now: start,
    ...(options.lang ? { language: options.lang } : {}),
    ...(options.onBuild ? { onBuild: options.onBuild } : {}),
  });
  return { entries, turns: entries.filter((e): e is Turn => e.kind === "turn") };
}

const allText = (turn: Turn | undefined) => (turn?.out ?? []).join("\n");

describe("transcript runner", () => {
  it("plays one message per line, skipping blank and # lines, and answers each", async () => {
    const { turns } = await play("# a comment\n\nhalo\n   \n6\n");
    expect(turns.map((t) => t.in)).toEqual(["halo", "6"]);
    expect(allText(turns[0])).toContain("1. Daftar");
    expect(allText(turns[1])).toContain("1. Register");
  });

  it("sends a line starting with a backslash as typed, so a message may begin with @ or #", async () => {
    const { turns } = await play("\\@halo\n\\#1\n");
    expect(turns.map((t) => t.in)).toEqual(["@halo", "#1"]);
  });

  it("starts new conversations in English with --lang en", async () => {
    const { turns } = await play("halo\n", { lang: "en" });
    expect(allText(turns[0])).toContain("How can I help?");
  });

  it("@user switches to another user with their own conversation", async () => {
    const { turns } = await play("halo\n@user warga-2\nhalo\n@user warga-1\nhalo\n");
    expect(turns.map((t) => t.user)).toEqual(["warga-1", "warga-2", "warga-1"]);
    expect(allText(turns[1])).toContain("Jamsos Bot");
    expect(allText(turns[2])).not.toContain("Jamsos Bot");
  });

  it("@channel renders as that channel would: WhatsApp markup, Telegram buttons", async () => {
    const { turns } = await play("@channel whatsapp\nhalo\n@channel telegram\nhalo\n");
    expect(turns[0]?.channel).toBe("whatsapp");
    expect(allText(turns[0])).toContain("*Jamsos Bot*");
    expect(allText(turns[0])).toContain("1. Daftar");
    expect(allText(turns[1])).toContain("[1] Daftar");
    expect(allText(turns[1])).not.toContain("*Jamsos Bot*");
  });

  it("@staff makes the current user staff, who sees the staff menu", async () => {
    const { turns } = await play("menu\n@staff\nmenu\n@user warga-2\nmenu\n");
    expect(allText(turns[0])).not.toContain("Menu petugas");
    expect(allText(turns[1])).toContain("7. Menu petugas");
    expect(allText(turns[2])).not.toContain("Menu petugas");
  });

  it("@wait moves the clock, so a long silence mid-flow asks to continue or start again", async () => {
    const script = "@staff\nmenu\n7\n@wait 23h\nhalo\n@wait 1d 1h\nhalo\n";
    const { turns } = await play(script);
    expect(allText(turns[2])).not.toContain("Selamat datang kembali");
    expect(allText(turns[3])).toContain("Selamat datang kembali");
  });

  it("@restart rebuilds the bot on the same store, and the conversation carries on", async () => {
    let builds = 0;
    const { turns } = await play("halo\n6\n@restart\nmenu\n", { onBuild: () => void (builds += 1) });
    expect(builds).toBe(2);
    expect(allText(turns[2])).toContain("1. Register");
    expect(allText(turns[2])).not.toContain("Jamsos Bot");
  });

  it("@photo and @document send the file with a MIME type from its extension", async () => {
    writeFileSync(path.join(dir, "ktp.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    writeFileSync(path.join(dir, "surat.pdf"), "%PDF-1.4 test");
    const steps = parseScript("@photo ktp.jpg\n@document surat.pdf\n", { baseDir: dir });
    const photo = await toInboundContent(steps[0]!);
    const document = await toInboundContent(steps[1]!);
    expect(photo).toMatchObject({ type: "media", kind: "photo", mimeType: "image/jpeg", size: 4 });
    expect(document).toMatchObject({ kind: "document", mimeType: "application/pdf", fileName: "surat.pdf" });
    expect(photo?.type === "media" && Array.from(await photo.load())).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    const { turns } = await play("halo\n@photo ktp.jpg\n");
    expect(turns[1]?.in).toBe("@photo ktp.jpg");
    expect(turns[1]?.out.length).toBeGreaterThan(0);
  });

  it("@contact shares a phone number, normalised to E.164", async () => {
    const steps = parseScript("@contact 0812-3456-7890\n", { baseDir: dir });
    expect(await toInboundContent(steps[0]!)).toEqual({ type: "contact", phone: "+6281234567890" });
    const { turns } = await play("@contact +6281234567890\n");
    expect(turns[0]?.in).toBe("@contact +6281234567890");
    expect(turns[0]?.out.length).toBeGreaterThan(0);
  });

  it("shows messages the bot pushes to another user during a turn", async () => {
    const decorate = (app: App) => {
      const handle = app.engine.handle;
      app.engine.handle = async (...args) => {
        await app.hub.notify({ channel: "terminal", userId: "warga-2" }, [{ key: "common:resumed" }]);
        return handle(...args);
      };
    };
    const { entries, turns } = await play("halo\n", { onBuild: decorate });
    expect(turns[0]?.pushed).toEqual([expect.objectContaining({ user: "warga-2", channel: "terminal" })]);
    expect(toTranscriptText(entries)).toContain("bot> (to warga-2) Kita lanjutkan");
    expect(JSON.parse(toTranscriptJson(entries)).pushed[0].user).toBe("warga-2");
  });

  it("prints you> and bot> lines with choices numbered and directives as comments", async () => {
    const { entries } = await play("halo\n@wait 2h\n");
    const text = toTranscriptText(entries);
    expect(text).toMatch(/^you> halo\nbot> Halo! /);
    expect(text).toContain("\n     1. Daftar\n");
    expect(text.trimEnd().split("\n").at(-1)).toBe("# @wait 2h");
  });

  it("prints one JSON object per turn with user, in and out", async () => {
    const { entries } = await play("halo\n@user warga-2\n2\n");
    const lines = toTranscriptJson(entries)
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as TranscriptEntry);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual({ user: "warga-2", in: "2", out: expect.arrayContaining([expect.any(String)]) });
    expect(Object.keys(lines[0]!)).toEqual(["user", "in", "out"]);
  });

  it("runs the example script test/transcripts/menu.txt", async () => {
    const file = path.join(__dirname, "../transcripts/menu.txt");
    const { turns } = await play(readFileSync(file, "utf8"));
    expect(turns.map((t) => t.in)).toEqual(["halo", "bantuan", "6", "menu", "bahasa", "kembali", "batal"]);
    expect(allText(turns[3])).toContain("How can I help?");
    expect(allText(turns[4])).toContain("Apa yang bisa saya bantu?");
    expect(turns.every((t) => t.out.length > 0)).toBe(true);
  });

  it("runs test/transcripts/register-self.txt (WhatsApp, then Telegram with a shared contact) to the DFT- references, also as JSON", async () => {
    const file = path.join(__dirname, "../transcripts/register-self.txt");
    const { entries, turns } = await play(readFileSync(file, "utf8"));
    expect(turns).toHaveLength(19);
    expect(turns.every((t) => t.out.length > 0)).toBe(true);
    expect(turns.map((t) => t.channel)).toEqual([
      ...Array<string>(9).fill("whatsapp"),
      ...Array<string>(10).fill("telegram"),
    ]);
    expect(allText(turns[8])).toMatch(/DFT-[2-9A-HJKMNP-Z]{6}\b/);
    expect(turns[13]?.in).toBe("@contact +6281234567002");
    const text = toTranscriptText(entries);
    expect(text.slice(text.lastIndexOf("you> "))).toMatch(/^you> kirim\nbot> [\s\S]*DFT-[2-9A-HJKMNP-Z]{6}/);
    const json = toTranscriptJson(entries)
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { in: string; out: string[] });
    expect(json).toHaveLength(19);
    expect(json.at(-1)?.in).toBe("kirim");
    expect(json.at(-1)?.out.join("\n")).toMatch(/DFT-[2-9A-HJKMNP-Z]{6}/);
  });
});

describe("malformed scripts", () => {
  const fails = (script: string) => () => parseScript(script, { baseDir: dir, label: "s.txt" });

  it.each([
    ["an unknown directive", "halo\n@wat 2h\n", /^s\.txt:2: unknown directive "@wat"/],
    ["a bad duration", "halo\n\n@wait soon\n", /^s\.txt:3: bad duration "soon"/],
    ["a zero duration", "@wait 0h\n", /^s\.txt:1: bad duration/],
    ["a missing file", "# photo\n@photo nope.jpg\n", /^s\.txt:2: file not found: nope\.jpg/],
    ["a file directive without a path", "@document\n", /^s\.txt:1: @document needs a file path/],
    ["an unknown channel", "@channel sms\n", /^s\.txt:1: @channel must be one of/],
    ["a bad phone number", "@contact 12\n", /^s\.txt:1: bad phone number "12"/],
    ["a user id with spaces", "@user warga satu\n", /^s\.txt:1: @user needs one id/],
    ["an argument to @restart", "@restart now\n", /^s\.txt:1: @restart takes no argument/],
  ])("are refused with the line number for %s", (_what, script, message) => {
    expect(fails(script)).toThrow(message);
  });
});

describe("the hand-off transcript", () => {
  it("handoff.txt: the staff reply is pushed to the citizen's chat and the bot answers after closing", async () => {
    const { entries, turns } = await play(
      readFileSync(path.join(__dirname, "../transcripts/handoff.txt"), "utf8"),
    );
    const pushed = turns.flatMap((t) => t.pushed ?? []).filter((p) => p.user === "+6281234567890");
    const pushedText = pushed.flatMap((p) => p.out).join("\n");
    expect(pushedText).toContain("Silakan datang ke kantor cabang dengan KTP, kartu dicetak ulang.");
    expect(pushedText).toContain("menutup percakapan #1");
    expect(toTranscriptText(entries)).toContain("kami teruskan ke petugas (nomor *#1*)");
    expect(allText(turns.at(-1))).toContain("1. Daftar");
  });
});
