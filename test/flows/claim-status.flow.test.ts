import { createClaimsChat, fixture, heirNik, reportDeath } from "./death-report/report-helpers";

async function reported() {
  const { chat, people } = createClaimsChat({ userId: "heir-chat" });
  await people.seed({});
  const claim = await reportDeath(chat);
  await chat.says("selesai");
  return { chat, claim };
}

/** What a stranger sees, as reply keys, for the turns of one lookup. */
async function lookupKeys(chat: Awaited<ReturnType<typeof reported>>["chat"], lines: string[]) {
  const keys: string[][] = [];
  for (const line of lines) {
    await chat.says(line);
    keys.push(chat.keys());
  }
  return keys;
}

describe("claim status", () => {
  it("shows the heir's own claim at once, in one message: stage, date and what is still needed", async () => {
    const { chat, claim } = await reported();
    await chat.says("status");
    expect(chat.keys()).toEqual(["claimStatus:card.header", "claimStatus:lookup.ownPrompt"]);
    const text = chat.texts().join("\n");
    expect(text).toContain(claim.reference);
    expect(text).toContain("Laporan diterima");
    expect(text).toContain("2 Maret 2026");
    expect(text).toContain("Akta kematian");
    expect(text).not.toContain("Ahmad Yani");
  });

  it("shows the claim to the reporter's own phone as WhatsApp confirms it, not to a phone typed", async () => {
    const { chat, claim } = await reported();
    chat.as({ userId: "+6281234567890", channel: "whatsapp", phone: "+6281234567890" });
    await chat.says("status");
    expect(chat.texts().join("\n")).toContain(claim.reference);
    chat.as({ userId: "tetangga" });
    await chat.says("status");
    await chat.says("0812-3456-7890");
    expect(chat.keys()).toEqual(["claimStatus:lookup.invalid"]);
  });

  it("shows someone else's claim only with the reference and the reporter's NIK, the widow's phone is no key", async () => {
    const { chat, claim } = await reported();
    chat.as({ userId: "stranger" });
    await chat.says("status");
    await chat.says(claim.reference);
    expect(chat.lastReply()).toHaveKey("claimStatus:verify.nik");
    await chat.says("0812-3456-7890");
    expect(chat.keys()).toEqual(["claimStatus:verify.invalidNik"]);
    await chat.says("1571020101900003");
    expect(chat.keys()).toEqual(["claimStatus:verify.refused"]);
    expect(chat.texts().join("\n")).not.toMatch(/Laporan diterima|KLM-/);
    const audit = await chat.app.services.audit.list({ target: `claim:${claim.reference}` });
    expect(audit.map((a) => a.action)).toContain("claim.status.refused");

    await chat.says("status");
    await chat.says(heirNik);
    expect(chat.lastReply()).toHaveKey("claimStatus:verify.reference");
    await chat.says(claim.reference.toLowerCase().replace("-", " "));
    expect(chat.replies()[0]).toMatchObject({
      key: "claimStatus:card.header",
      params: { reference: claim.reference },
    });
  });

  it("answers exactly the same, turn by turn, whether a claim exists or not, until both factors are given", async () => {
    const { chat, claim } = await reported();
    chat.as({ userId: "stranger-1" });
    const existing = await lookupKeys(chat, ["status", claim.reference, "1571020101900003"]);
    chat.as({ userId: "stranger-2" });
    const missing = await lookupKeys(chat, ["status", "KLM-ABCDEF", "1571020101900003"]);
    expect(missing).toEqual(existing);
    chat.as({ userId: "stranger-3" });
    const byNik = await lookupKeys(chat, ["status", heirNik]);
    chat.as({ userId: "stranger-4" });
    const byOtherNik = await lookupKeys(chat, ["status", "1571020101900003"]);
    expect(byOtherNik).toEqual(byNik);
  });

  it("stops a chat after five wrong pairs and alerts staff once, whatever exists", async () => {
    const { chat, claim } = await reported();
    chat.as({ userId: "guesser" });
    for (let i = 0; i < 6; i++) {
      await chat.says("status");
      await chat.says(claim.reference);
      await chat.says(`157102010190000${i + 1}`);
    }
    expect(chat.keys()).toEqual(["claimStatus:verify.limited"]);
    await chat.says("status");
    await chat.says(claim.reference);
    await chat.says(heirNik);
    expect(chat.keys()).toEqual(["claimStatus:verify.limited"]);
    const alerts = await chat.app.services.audit.list({ since: new Date(0) });
    const lookupAlerts = alerts.filter(
      (a) => a.action === "alert.rateLimited" && a.target.startsWith("attempts:claimStatus.lookup.user:"),
    );
    expect(lookupAlerts).toHaveLength(1);
  });

  it("limits guesses at one reference from many chats", async () => {
    const { chat, claim } = await reported();
    for (let i = 0; i < 6; i++) {
      chat.as({ userId: `guesser-${i}` });
      await chat.says("status");
      await chat.says(claim.reference);
      await chat.says(`157102010190000${i + 1}`);
    }
    chat.as({ userId: "the-real-second-heir" });
    await chat.says("status");
    await chat.says(claim.reference);
    await chat.says(heirNik);
    expect(chat.keys()).toEqual(["claimStatus:verify.limited"]);
  });

  it("lets someone with both factors send a document, and refuses an upload from anyone else", async () => {
    const { chat, claim } = await reported();
    chat.as({ userId: "stranger" });
    await chat.sendsFile({ mimeType: "image/png", bytes: fixture("ktp.png"), caption: "akta kematian" });
    expect(chat.keys()).not.toContain("deathReport:documents.confirmClaim");
    expect(await chat.app.services.claimDocuments.listByClaim(claim.reference)).toEqual([]);

    chat.as({ userId: "adik-ipar" });
    await chat.says("status");
    await chat.says(claim.reference);
    await chat.says(heirNik);
    expect(chat.lastReply()).toHaveKey("claimStatus:afterShow.prompt");
    await chat.sendsFile({
      mimeType: "application/pdf",
      kind: "document",
      bytes: fixture("akta-kematian.pdf"),
      caption: "akta kematian",
    });
    expect(chat.lastReply()).toHaveKey("deathReport:documents.confirmClaim");
    await chat.says("ya");
    expect(chat.replies()[0]).toHaveKey("deathReport:documents.receivedMore");
    expect((await chat.app.services.claims.findByReference(claim.reference))?.received).toEqual([
      "deathCertificate",
    ]);
  });

  it("says plainly what to type when the chat has no claim of its own", async () => {
    const { chat } = createClaimsChat();
    await chat.says("status");
    expect(chat.lastReply()).toHaveKey("claimStatus:lookup.prompt");
    await chat.says("KLM-ABCDEF");
    expect(chat.lastReply()).toHaveKey("claimStatus:verify.nik");
  });
});

describe("claim status, typed again", () => {
  it("starts the check over when the heir types status in the middle of it", async () => {
    const { chat, claim } = await reported();
    await chat.says("status");
    await chat.says("status");
    expect(chat.keys()).not.toContain("common:resumed");
    expect(chat.replies()[0]).toMatchObject({
      key: "claimStatus:card.header",
      params: { reference: claim.reference },
    });
  });
});
