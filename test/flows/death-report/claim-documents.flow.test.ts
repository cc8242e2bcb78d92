import { createClaimsChat, fixture, reportDeath } from "./report-helpers";

const day = 24 * 60 * 60 * 1000;

describe("claim documents", () => {
  it("labels a photo from its caption and says what is still missing", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat);
    await chat.sendsFile({
      mimeType: "application/pdf",
      kind: "document",
      bytes: fixture("akta-kematian.pdf"),
      caption: "akta kematian suami",
    });
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.received");
    expect(chat.texts()[0]).toContain("Akta kematian");
    expect(chat.texts()[1]).not.toContain("• Akta kematian");
    const stored = await chat.app.services.claims.findByReference(claim.reference);
    expect(stored?.received).toEqual(["deathCertificate"]);
  });

  it("takes a photo sent days later at once, without asking whether to continue", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    await reportDeath(chat);
    chat.clock.advance(3 * day);
    await chat.sendsFile({
      mimeType: "application/pdf",
      kind: "document",
      bytes: fixture("akta-kematian.pdf"),
      caption: "akta kematian",
    });
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.received");
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
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.received");
    const [doc] = await chat.app.services.claimDocuments.listByClaim(claim.reference);
    expect(doc).toMatchObject({
      type: "familyCard",
      mimeType: "image/png",
      size: fixture("kartu-keluarga.png").length,
    });
    expect(await chat.app.services.files.get(doc!.fileKey)).toEqual(fixture("kartu-keluarga.png"));
  });

  it("does not keep a NIK written in a file's name, nor a name of any length", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat);
    await chat.sendsFile({
      mimeType: "application/pdf",
      kind: "document",
      bytes: fixture("akta-kematian.pdf"),
      fileName: "KTP 1571-0201-0180-0001.pdf",
      caption: "akta kematian",
    });
    await chat.sendsFile({
      mimeType: "application/pdf",
      kind: "document",
      bytes: fixture("akta-kematian.pdf"),
      fileName: `${"a".repeat(10_000)}.pdf`,
      caption: "akta kematian",
    });
    const [first, second] = await chat.app.services.claimDocuments.listByClaim(claim.reference);
    expect(first?.fileName).toBe("KTP [nomor].pdf");
    expect(second?.fileName?.length).toBeLessThanOrEqual(100);
  });

  it("refuses a file over the size limit and a file that is not a photo or PDF, saying why", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    await reportDeath(chat);
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
    expect(
      await chat.app.services.claimDocuments.listByClaim(
        (await chat.app.services.claims.list({}))[0]!.reference,
      ),
    ).toEqual([]);
  });

  it("takes documents over several days, across a restart, and says what is still missing each time", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat);
    await chat.sendsFile({
      mimeType: "application/pdf",
      kind: "document",
      bytes: fixture("akta-kematian.pdf"),
      caption: "akta kematian",
    });
    await chat.says("selesai");
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.later");
    expect(chat.texts()[0]).toContain("Surat keterangan ahli waris");

    chat.clock.advance(3 * day);
    chat.restart();
    await chat.says("status");
    expect(chat.keys()).toContain("claimStatus:card.needed");
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
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.received");
    const stored = await chat.app.services.claims.findByReference(claim.reference);
    expect(stored?.received).toEqual(["deathCertificate", "heirLetter", "ktpDeceased"]);
    expect(stored?.lastActivityAt).toEqual(chat.clock.now());
  });
});
