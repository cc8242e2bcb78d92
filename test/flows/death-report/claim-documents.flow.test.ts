import { createClaimsChat, fixture, reportDeath } from "./report-helpers";

const day = 24 * 60 * 60 * 1000;
const akta = { mimeType: "application/pdf", kind: "document" as const, bytes: fixture("akta-kematian.pdf") };

describe("claim documents", () => {
  it("labels a photo from its caption and says how many are left, never the whole list again", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat);
    await chat.sendsFile({ ...akta, caption: "akta kematian suami" });
    expect(chat.keys()).toEqual(["deathReport:documents.receivedMore"]);
    expect(chat.texts()).toEqual([
      "✅ Diterima: Akta kematian / surat keterangan kematian. Masih 6 dokumen lagi; kirim berikutnya atau ketik selesai.",
    ]);
    const stored = await chat.app.services.claims.findByReference(claim.reference);
    expect(stored?.received).toEqual(["deathCertificate"]);
  });

  it("takes the surat keterangan kematian in place of the akta until it is issued", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat);
    await chat.sendsFile({ ...akta, caption: "surat keterangan kematian dari kelurahan" });
    await chat.says("selesai");
    expect(chat.texts()[0]).not.toContain("Akta kematian");
    expect((await chat.app.services.claims.findByReference(claim.reference))?.received).toEqual([
      "deathLetter",
    ]);
  });

  it("takes a photo sent days later at once, without asking whether to continue", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    await reportDeath(chat);
    chat.clock.advance(3 * day);
    await chat.sendsFile({ ...akta, caption: "akta kematian" });
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.receivedMore");
  });

  it("asks which document an unlabelled photo is, and keeps the file outside the chat", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat);
    await chat.sendsFile({ mimeType: "image/png", bytes: fixture("kartu-keluarga.png") });
    expect(chat.lastReply()).toHaveKey("deathReport:label.prompt");
    await chat.sendsFile({ mimeType: "image/png", bytes: fixture("ktp.png") });
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.labelFirst");
    await chat.says("kartu keluarga");
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.receivedMore");
    const [doc] = await chat.app.services.claimDocuments.listByClaim(claim.reference);
    expect(doc).toMatchObject({
      type: "familyCard",
      mimeType: "image/png",
      size: fixture("kartu-keluarga.png").length,
    });
    expect(await chat.app.services.files.get(doc!.fileKey)).toEqual(fixture("kartu-keluarga.png"));
  });

  it.each(["selesai", "terima kasih", "alhamdulillah", "makasih ya"])(
    "understands '%s' at every document step",
    async (word) => {
      const { chat, people } = createClaimsChat();
      await people.seed({});
      await reportDeath(chat);
      await chat.says(word);
      expect(chat.keys()).toEqual(["deathReport:documents.later"]);
      await chat.says("status");
      await chat.says("kirim dokumen");
      await chat.sendsFile({ mimeType: "image/png", bytes: fixture("ktp.png") });
      expect(chat.lastReply()).toHaveKey("deathReport:label.prompt");
      await chat.says(word);
      expect(chat.keys()).toEqual(["deathReport:documents.later"]);
    },
  );

  it("does not keep a NIK written in a file's name, nor a name of any length", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat);
    await chat.sendsFile({ ...akta, fileName: "KTP 1571-0201-0180-0001.pdf", caption: "akta kematian" });
    await chat.sendsFile({ ...akta, fileName: `${"a".repeat(10_000)}.pdf`, caption: "akta kematian" });
    const [first, second] = await chat.app.services.claimDocuments.listByClaim(claim.reference);
    expect(first?.fileName).toBe("KTP [nomor].pdf");
    expect(second?.fileName?.length).toBeLessThanOrEqual(100);
  });

  it("refuses a file over the size limit and a file that is not a photo or PDF, saying why", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat);
    await chat.sendsFile({ mimeType: "image/jpeg", bytes: new Uint8Array(11 * 1024 * 1024).fill(0xff) });
    expect(chat.replies()[0]).toMatchObject({ key: "deathReport:documents.tooLarge", params: { max: 10 } });
    await chat.sendsFile({
      mimeType: "application/pdf",
      kind: "document",
      bytes: fixture("bukan-dokumen.txt"),
      fileName: "akta.pdf",
    });
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.wrongType");
    await chat.sendsFile({ mimeType: "application/zip", kind: "document", bytes: fixture("ktp.png") });
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.wrongType");
    expect(await chat.app.services.claimDocuments.listByClaim(claim.reference)).toEqual([]);
  });

  it("takes documents over several days, across a restart, and lists what is missing when the heir stops", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat);
    await chat.sendsFile({ ...akta, caption: "akta kematian" });
    await chat.says("selesai");
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.later");
    expect(chat.texts()[0]).toContain("Surat keterangan ahli waris");

    chat.clock.advance(3 * day);
    chat.restart();
    await chat.says("status");
    expect(chat.texts().join("\n")).toContain("Dokumen yang masih diperlukan");
    expect(chat.lastReply()).toMatchObject({
      key: "claimStatus:lookup.ownPrompt",
      choices: [{ value: "send" }],
    });
    await chat.says("kirim dokumen");
    expect(chat.lastReply()).toHaveKey("deathReport:documents.prompt");
    await chat.sendsFile({
      mimeType: "application/pdf",
      kind: "document",
      bytes: fixture("surat-ahli-waris.pdf"),
      caption: "surat ahli waris",
    });

    chat.clock.advance(2 * day);
    chat.restart();
    await chat.sendsFile({ mimeType: "image/png", bytes: fixture("ktp.png"), caption: "ktp almarhum" });
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.receivedMore");
    const stored = await chat.app.services.claims.findByReference(claim.reference);
    expect(stored?.received).toEqual(["deathCertificate", "heirLetter", "ktpDeceased"]);
    expect(stored?.lastActivityAt).toEqual(chat.clock.now());
  });

  it("never loses a PDF sent right after a status view: one confirmation, then it is attached", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat);
    await chat.says("selesai");
    await chat.says("status");
    await chat.sendsFile({ ...akta, caption: "akta kematian" });
    expect(chat.lastReply()).toMatchObject({
      key: "deathReport:documents.confirmClaim",
      params: { reference: claim.reference },
    });
    await chat.says("1");
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.receivedMore");
    expect((await chat.app.services.claims.findByReference(claim.reference))?.received).toEqual([
      "deathCertificate",
    ]);
  });

  it("asks about a photo sent from the menu, and deletes it when it was not for the claim", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat);
    await chat.says("menu");
    await chat.sendsFile({ mimeType: "image/png", bytes: fixture("ktp.png") });
    expect(chat.lastReply()).toHaveKey("deathReport:documents.confirmClaim");
    await chat.says("bukan");
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.discarded");
    expect(await chat.app.services.claimDocuments.listByClaim(claim.reference)).toEqual([]);
  });

  it("keeps school proof off the list once the scholarship does not apply", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({ membershipSince: "2025-06-01" });
    const claim = await reportDeath(chat, { relationship: "anak" });
    expect(chat.keys()).toContain("deathReport:estimate.jkmFull");
    expect(claim.schoolChildren).toBe(false);
    expect(claim.required).not.toContain("schoolProof");
  });

  it("turns the claim into a membership check when the family says after the report that he was never registered", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({ status: "pending" });
    const claim = await reportDeath(chat, { membership: "5" });
    await chat.says("bapak sy gak pernah daftar bpjs, gmn dong?");
    expect(chat.keys()).toEqual(["deathReport:documents.neverNoted"]);
    const stored = await chat.app.services.claims.findByReference(claim.reference);
    expect(stored).toMatchObject({ kind: "membershipCheck", membership: { answer: "never" } });
    expect(stored?.required).toEqual(["ktpDeceased", "deathCertificate"]);
  });
});
