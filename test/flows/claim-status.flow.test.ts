import { createClaimsChat, heirNik, reportDeath } from "./death-report/report-helpers";

async function reported() {
  const { chat, people } = createClaimsChat({ userId: "heir-chat" });
  await people.seed({});
  const claim = await reportDeath(chat);
  await chat.says("selesai");
  return { chat, claim };
}

describe("claim status", () => {
  it("shows the heir's own claim at once: stage, date and what is still needed", async () => {
    const { chat, claim } = await reported();
    await chat.says("status");
    const text = chat.texts().join("\n");
    expect(text).toContain(claim.reference);
    expect(text).toContain("Laporan diterima");
    expect(text).toContain("2 Maret 2026");
    expect(text).toContain("Akta kematian");
    expect(text).not.toContain("Ahmad Yani");
  });

  it("finds a claim by its reference, typed loosely", async () => {
    const { chat, claim } = await reported();
    await chat.says("menu");
    await chat.says("cek status klaim");
    await chat.says(claim.reference.toLowerCase().replace("-", " "));
    expect(chat.replies()[0]).toMatchObject({
      key: "claimStatus:card.header",
      params: { reference: claim.reference },
    });
  });

  it("finds the heir's claims by their own phone number and by their NIK", async () => {
    const { chat, claim } = await reported();
    await chat.says("status");
    await chat.says("+62 812 3456 7890");
    expect(chat.replies()[0]).toMatchObject({
      key: "claimStatus:card.header",
      params: { reference: claim.reference },
    });
    await chat.says("status");
    await chat.says(heirNik);
    expect(chat.replies()[0]).toMatchObject({
      key: "claimStatus:card.header",
      params: { reference: claim.reference },
    });
  });

  it("shows someone else's claim only when the heir's NIK or phone matches, and refuses otherwise", async () => {
    const { chat, claim } = await reported();
    chat.as({ userId: "stranger" });
    await chat.says("status");
    await chat.says(claim.reference);
    expect(chat.lastReply()).toHaveKey("claimStatus:verify.nikOrPhone");
    await chat.says("1571020101900003");
    expect(chat.keys()).toEqual(["claimStatus:verify.refused"]);
    expect(chat.texts().join("\n")).not.toMatch(/Laporan diterima|KLM-/);
    const audit = await chat.app.services.audit.list({ target: `claim:${claim.reference}` });
    expect(audit.map((a) => a.action)).toContain("claim.status.refused");

    await chat.says("status");
    await chat.says(claim.reference);
    await chat.says("0812-3456-7890");
    expect(chat.replies()[0]).toHaveKey("claimStatus:card.header");
  });

  it("asks a stranger who types the heir's NIK for the heir's phone too", async () => {
    const { chat } = await reported();
    chat.as({ userId: "stranger" });
    await chat.says("status");
    await chat.says(heirNik);
    expect(chat.lastReply()).toHaveKey("claimStatus:verify.phone");
    await chat.says("0812-9999-0000");
    expect(chat.keys()).toEqual(["claimStatus:verify.refused"]);
  });

  it("asks for the heir's NIK when someone shares a contact card with the heir's number", async () => {
    const { chat, claim } = await reported();
    chat.as({ userId: "+6281199990000", phone: "+6281199990000", channel: "whatsapp" });
    await chat.says("status");
    await chat.sharesContact("+6281234567890");
    expect(chat.lastReply()).toHaveKey("claimStatus:verify.nik");
    expect(chat.texts().join("\n")).not.toContain(claim.reference);
    await chat.says(heirNik);
    expect(chat.replies()[0]).toHaveKey("claimStatus:card.header");
  });

  it("shows the claims at once when the heir shares their own contact", async () => {
    const { chat, claim } = await reported();
    chat.as({ userId: "heir-new-phone", phone: "+6281234567890" });
    await chat.says("status");
    await chat.sharesContact("+6281234567890");
    expect(chat.replies()[0]).toMatchObject({
      key: "claimStatus:card.header",
      params: { reference: claim.reference },
    });
  });

  it("says plainly when nothing matches", async () => {
    const { chat } = createClaimsChat();
    await chat.says("status");
    expect(chat.lastReply()).toHaveKey("claimStatus:lookup.prompt");
    await chat.says("KLM-ABCDEF");
    expect(chat.lastReply()).toHaveKey("claimStatus:lookup.notFound");
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
