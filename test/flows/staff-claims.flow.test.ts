import { toConversationKey, type InboundMessage } from "../../src/core/messages";
import { toLocalOperator } from "../../src/core/staff-directory";
import { createClaimsChat, fixture, reportDeath } from "./death-report/report-helpers";

async function setup() {
  const { chat, people } = createClaimsChat({ userId: "heir-chat" });
  await people.seed({});
  const claim = await reportDeath(chat);
  await chat.sendsFile({ mimeType: "image/png", bytes: fixture("ktp.png"), caption: "ktp almarhum" });
  await chat.says("selesai");
  chat.as({ userId: "staff-1", isStaff: true });
  await chat.says("menu");
  await chat.says("menu petugas");
  await chat.says("klaim kematian");
  return { chat, claim };
}

describe("staff claims in the chat", () => {
  it("is not there for citizens", async () => {
    const { chat } = createClaimsChat();
    await chat.says("menu");
    await chat.says("klaim kematian");
    expect(chat.keys()).not.toContain("staffClaims:action.prompt");
  });

  it("lists claims by stage", async () => {
    const { chat, claim } = await setup();
    expect(chat.lastReply()).toHaveKey("staffClaims:action.prompt");
    await chat.says("daftar per tahap");
    await chat.says("laporan diterima");
    expect(chat.replies()[0]).toHaveKey("staffClaims:list.header");
    expect(chat.texts()[0]).toContain(claim.reference);
  });

  it("opens a claim with its history and documents, masks NIKs, and audits the view", async () => {
    const { chat, claim } = await setup();
    await chat.says("buka satu klaim");
    await chat.says(claim.reference);
    const text = chat.texts().join("\n");
    expect(text).toContain("Ahmad Yani");
    expect(text).toContain("1571********0001");
    expect(text).not.toContain("1571020101800001");
    expect(text).toContain("KTP almarhum · image/png");
    expect(text).toContain("Kematian: belum terverifikasi");
    expect(text).not.toContain("memory:");
    expect(text).not.toMatch(/\(id [\w-]+\)/);
    const audit = await chat.app.services.audit.list({ target: `claim:${claim.reference}` });
    expect(audit).toContainEqual(
      expect.objectContaining({ actor: "terminal:staff-1", action: "claim.view" }),
    );
  });

  it("moves a claim with a note, offering only allowed stages, and the heir is told", async () => {
    const { chat, claim } = await setup();
    await chat.says("buka satu klaim");
    await chat.says(claim.reference);
    await chat.says("pindah tahap");
    expect(chat.lastReply()?.choices?.map((c) => c.value)).toEqual([
      "VERIFIKASI_RT_KELURAHAN",
      "DITOLAK_PERLU_TINDAK_LANJUT",
    ]);
    await chat.says("1");
    await chat.says("Sudah dicek Ketua RT 05");
    expect(chat.replies()[0]).toHaveKey("staffClaims:moved");
    const pushed = chat
      .pushed("heir-chat")
      .at(-1)!
      .messages.map((m) => m.text)
      .join("\n");
    expect(pushed).toContain("Verifikasi RT/kelurahan");
    expect(pushed).toContain("Sudah dicek Ketua RT 05");
  });

  it("moves the claim once, audits it once and tells the heir once when the staff turn runs twice (crash before the save)", async () => {
    const { chat, claim } = await setup();
    for (const line of ["buka satu klaim", claim.reference, "pindah tahap", "1"]) await chat.says(line);
    const stored = await chat.app.services.sessions.load(toConversationKey("terminal", "staff-1"));
    const message: InboundMessage = {
      channel: "terminal",
      userId: "staff-1",
      messageId: "note-again",
      staff: toLocalOperator("terminal", "staff-1"),
      content: { type: "text", text: "Sudah dicek Ketua RT 05" },
    };
    const before = chat.pushed("heir-chat").length;
    const first = await chat.app.engine.handle(stored, message, chat.clock.now());
    const second = await chat.app.engine.handle(stored, message, chat.clock.now());
    expect(first.replies[0]).toHaveKey("staffClaims:moved");
    expect(second.replies.map((r) => r.key)).toEqual(first.replies.map((r) => r.key));
    const after = await chat.app.services.claims.findByReference(claim.reference);
    expect(after?.history.map((h) => h.stage)).toEqual(["LAPORAN_DITERIMA", "VERIFIKASI_RT_KELURAHAN"]);
    expect(after?.notifications.filter((n) => n.stage === "VERIFIKASI_RT_KELURAHAN")).toHaveLength(1);
    const moves = await chat.app.services.audit.list({ target: `claim:${claim.reference}` });
    expect(moves.filter((e) => e.action === "claim.move")).toHaveLength(1);
    const pushes = chat.pushed("heir-chat").slice(before);
    expect(
      pushes
        .flatMap((p) => p.messages.map((m) => m.text))
        .join("\n")
        .match(/Sudah dicek Ketua RT 05/g),
    ).toHaveLength(1);
  });

  it("enters the amount and day paid when moving to DIBAYAR, and the heir is told in one message", async () => {
    const { chat, claim } = await setup();
    const stored = (await chat.app.services.claims.findByReference(claim.reference))!;
    await chat.app.services.claims.save({
      ...stored,
      stage: "DIPROSES_BPJS",
      deceased: { ...stored.deceased, verifiedAt: chat.clock.now() },
    });
    await chat.says("buka satu klaim");
    await chat.says(claim.reference);
    await chat.says("pindah tahap");
    await chat.says("dibayar");
    expect(chat.lastReply()).toHaveKey("staffClaims:amount.prompt");
    await chat.says("42 juta");
    await chat.says("hari ini");
    await chat.says("Ditransfer ke BRI");
    expect(chat.replies()[0]).toHaveKey("staffClaims:moved");
    const push = chat.pushed("heir-chat").at(-1)!;
    expect(push.messages).toHaveLength(1);
    expect(push.messages[0]?.text).toContain("Dibayarkan: Rp 42.000.000 pada 2 Maret 2026");
    expect((await chat.app.services.claims.findByReference(claim.reference))?.payment).toEqual({
      amount: 42_000_000,
      paidOn: "2026-03-02",
    });
  });

  it("refuses to move the file on before the death is verified, then verifies it and marks the person deceased", async () => {
    const { chat, claim } = await setup();
    const stored = (await chat.app.services.claims.findByReference(claim.reference))!;
    await chat.app.services.claims.save({ ...stored, stage: "MENUNGGU_DOKUMEN" });
    await chat.says("buka satu klaim");
    await chat.says(claim.reference);
    await chat.says("pindah tahap");
    await chat.says("berkas lengkap");
    expect(chat.replies()[0]).toHaveKey("staffClaims:moveRefused.deathNotVerified");
    await chat.says("kematian terverifikasi");
    expect(chat.replies()[0]).toHaveKey("staffClaims:verified");
    const person = await chat.app.services.people.findById(stored.deceased.personId!);
    expect(person).toMatchObject({ status: "deceased" });
    expect(person?.reportedDeceased).toBeUndefined();
  });

  it("enters membership from BPJS data: the person gets it, the heir gets the estimate that follows", async () => {
    const { chat, claim } = await setup();
    await chat.says("buka satu klaim");
    await chat.says(claim.reference);
    await chat.says("isi data kepesertaan");
    await chat.says("01-07-2019");
    await chat.says("1234 5678 901");
    expect(chat.replies()[0]).toHaveKey("staffClaims:membershipSaved");
    const person = await chat.app.services.people.findById(claim.deceased.personId!);
    expect(person).toMatchObject({ membershipSince: "2019-07-01", membershipSource: "staff" });
    expect(chat.app.services.vault.open(person!.kpj!)).toBe("12345678901");
    const told = chat
      .pushed("heir-chat")
      .at(-1)!
      .messages.map((m) => m.text)
      .join("\n");
    expect(told).toContain("Rp 42.000.000");
  });

  it("gives another heir access by WhatsApp number: she sees the status and may send documents", async () => {
    const { chat, claim } = await setup();
    await chat.says("buka satu klaim");
    await chat.says(claim.reference);
    await chat.says("beri akses ke ahli waris lain");
    await chat.says("0813-1111-2222");
    expect(chat.replies()[0]).toHaveKey("staffClaims:accessGranted");
    chat.as({ userId: "+6281311112222", channel: "whatsapp", phone: "+6281311112222" });
    await chat.says("status");
    expect(chat.texts().join("\n")).toContain(claim.reference);
    await chat.sendsFile({ mimeType: "image/png", bytes: fixture("kartu-keluarga.png"), caption: "kk" });
    expect(chat.lastReply()).toHaveKey("deathReport:documents.confirmClaim");
  });

  it("asks the heir for a missing document from the chat", async () => {
    const { chat, claim } = await setup();
    await chat.says("buka satu klaim");
    await chat.says(claim.reference);
    await chat.says("minta dokumen");
    await chat.says("buku nikah");
    await chat.says("-");
    expect(chat.replies()[0]).toHaveKey("staffClaims:requested");
    expect(chat.pushed("heir-chat").at(-1)!.messages[0]?.text).toContain("Buku nikah");
  });

  it("lists claims past their SLA", async () => {
    const { chat, claim } = await setup();
    const stored = (await chat.app.services.claims.findByReference(claim.reference))!;
    await chat.app.services.claims.save({ ...stored, stage: "DIPROSES_BPJS", slaDue: "2026-03-02" });
    await chat.says("lewat batas sla");
    expect(chat.texts()[0]).not.toContain(claim.reference);
    chat.clock.advance(20 * 60 * 60 * 1000);
    await chat.says("lewat batas sla");
    expect(chat.texts()[0]).toContain(`${claim.reference} · Diproses BPJS`);
    expect(chat.texts()[0]).toContain("⚠️");
  });
});
