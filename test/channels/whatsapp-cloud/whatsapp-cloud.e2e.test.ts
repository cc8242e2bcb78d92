import { readFileSync } from "node:fs";
import path from "node:path";
import { createPeopleSeeder } from "../../support/seed-people";
import { startCloudHarness, type CloudHarness } from "../../support/whatsapp-cloud-harness";

jest.setTimeout(30_000);

let wa: CloudHarness;
afterEach(() => wa.stop());

describe("WhatsApp over the Cloud API, end to end over HTTP", () => {
  it("registers a user with buttons, lists and typed answers, offering the sender's own number", async () => {
    wa = await startCloudHarness();
    const ahmad = wa.user("6281234567890", "Ahmad");
    await ahmad.says("halo");
    await ahmad.says("daftar");
    expect(ahmad.last()?.body.type).toBe("interactive");
    await ahmad.taps("setuju");
    await ahmad.says("Ahmad Fauzi 1571 0807 0380 0001");
    for (const line of ["lbk bandung RT 22 RW 3", "ketua rt", "1,5 juta"]) await ahmad.says(line);
    await ahmad.says("1");
    expect(ahmad.lastText()).toContain("HP: 0812-3456-7890 (nomor yang Anda pakai sekarang)");
    expect(ahmad.lastText()).toContain("Kirim pendaftaran");
    await ahmad.says("kirim");
    const reference = /DFT-[2-9A-HJKMNP-Z]{6}/.exec(ahmad.lastText())?.[0];
    expect(reference).toBeDefined();
    const [person] = await wa.app.services.people.findByContact({
      channel: "whatsapp",
      userId: "+6281234567890",
    });
    expect(person).toMatchObject({
      reference,
      status: "pending",
      phone: "+6281234567890",
      contacts: [{ channel: "whatsapp", userId: "+6281234567890" }],
      consent: { channel: "whatsapp", givenBy: "self" },
    });
    expect(wa.errors()).toEqual([]);
  });

  it("takes a death report with a photo downloaded through the Graph API and stored with the claim", async () => {
    wa = await startCloudHarness();
    await createPeopleSeeder(wa.store).seed({ name: "Ahmad Yani", nik: "1571020101800001" });
    const siti = wa.user("6281234567890", "Siti");
    for (const line of [
      "menu",
      "lapor kematian",
      "setuju",
      "1571 0201 0180 0001 Ahmad Yani",
      "kemarin",
      "3",
      "1",
    ])
      await siti.says(line);
    // The heir's number is known from WhatsApp: only name and NIK are asked.
    expect(siti.lastText()).toContain("nama lengkap dan NIK");
    for (const line of ["Siti Aminah 1571 0252 0385 0002", "tidak"]) await siti.says(line);
    expect(siti.lastText()).toContain("HP 0812-3456-7890");
    await siti.says("1");
    const reference = /KLM-[2-9A-HJKMNP-Z]{6}/.exec(siti.texts().join("\n"))?.[0];
    expect(reference).toBeDefined();

    const jpeg = new Uint8Array(readFileSync(path.join(__dirname, "../../fixtures/ktp.png")));
    await siti.sendsPhoto(jpeg, "akta kematian", "image/png");
    expect(siti.lastText()).toContain("✅ Diterima: *Akta kematian / surat keterangan kematian*.");
    const claim = await wa.app.services.claims.findByReference(reference!);
    expect(claim).toMatchObject({ received: ["deathCertificate"], heir: { phone: "+6281234567890" } });
    const [stored] = await wa.app.services.claimDocuments.listByClaim(reference!);
    expect(stored).toMatchObject({ type: "deathCertificate", mimeType: "image/png", size: jpeg.length });
    expect(wa.errors()).toEqual([]);
  });
});

describe("files the bot sends over the Cloud API", () => {
  it("uploads a PDF through the Graph API and sends it as a document with its name", async () => {
    wa = await startCloudHarness();
    const pdf = new Uint8Array(readFileSync(path.join(__dirname, "../../fixtures/surat-ahli-waris.pdf")));
    await wa.channel.sendFile("+6281234567890", {
      kind: "document",
      bytes: pdf,
      mimeType: "application/pdf",
      fileName: "tanda-terima.pdf",
      caption: "Tanda terima klaim",
    });
    const sent = wa.graph.sent.at(-1)?.body as { type: string; document: { id: string; filename: string } };
    expect(sent).toMatchObject({ type: "document", document: { filename: "tanda-terima.pdf" } });
    expect(wa.graph.mediaBytes(sent.document.id)).toEqual(Buffer.from(pdf));
  });
});
