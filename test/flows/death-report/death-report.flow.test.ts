import { createClaimsChat, deceasedNik, heirNik, reportDeath } from "./report-helpers";

describe("death report: the heir's conversation", () => {
  it("offers condolences first, then explains what is collected and asks for consent", async () => {
    const { chat } = createClaimsChat();
    await chat.says("menu");
    await chat.says("lapor kematian");
    expect(chat.keys()).toEqual(["deathReport:consent.condolences", "deathReport:consent.prompt"]);
    expect(chat.texts()[1]).toContain("sensitif");
    expect(chat.texts()[1]).toContain("orang tua/wali");
  });

  it("stores nothing and points to the branch office when consent is refused", async () => {
    const { chat } = createClaimsChat();
    await chat.says("menu");
    await chat.says("lapor kematian");
    await chat.says("tidak setuju");
    expect(chat.replies()[0]).toHaveKey("deathReport:consent.declined");
    expect(await chat.app.services.claims.list({})).toHaveLength(0);
  });

  it("takes a spouse's report of a registered participant: confirmed match, buku nikah, Rp 42 juta, reference", async () => {
    const { chat, people } = createClaimsChat();
    const person = await people.seed({});
    await chat.says("menu");
    await chat.says("lapor kematian");
    await chat.says("ya");
    await chat.says("1");
    await chat.says("1571 0201 0180 0001");
    await chat.says("ahmad yani");
    expect(chat.lastReply()).toHaveKey("deathReport:confirmMatch.promptNik");
    expect(chat.texts().join("\n")).toContain("1571********0001");
    expect(chat.texts().join("\n")).not.toMatch(/Payo Lebar|0812000|DFT-/);
    await chat.says("ya");
    await chat.says("kemarin");
    await chat.says("3");
    await chat.says("Siti Aminah");
    await chat.says(heirNik);
    await chat.says("0812-3456-7890");
    await chat.says("1");
    await chat.says("tidak");
    const text = chat.texts().join("\n");
    expect(chat.keys()).toEqual([
      "deathReport:standing.spouseOrChild",
      "deathReport:summary.checklist",
      "deathReport:summary.howTo",
      "deathReport:estimate.jkmFull",
      "deathReport:summary.reference",
      "deathReport:documents.prompt",
    ]);
    expect(text).toContain("Buku nikah");
    expect(text).toContain("Rp 42.000.000");
    expect(text).toContain("dikonfirmasi BPJS");
    expect(text).toMatch(/RT\/RW.*kelurahan.*Disdukcapil/s);
    const [claim] = await chat.app.services.claims.list({});
    expect(claim).toMatchObject({
      stage: "LAPORAN_DITERIMA",
      programme: "JKM",
      deceased: { personId: person._id, deathDate: "2026-03-01" },
      heir: { relationship: "spouse", standing: "entitled", phone: "+6281234567890" },
    });
    expect(claim?.reference).toMatch(/^KLM-[2-9A-HJKMNP-Z]{6}$/);
    expect((await people.repository.findById(people.people[0]!._id))?.status).toBe("deceased");
  });

  it("never keeps a NIK in clear, neither in the claim nor in the session", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    await reportDeath(chat);
    const stored = JSON.stringify([await chat.app.services.claims.list({}), await chat.session()]);
    expect(stored).not.toContain(deceasedNik);
    expect(stored).not.toContain(heirNik);
  });

  it("tells a child they are first in line and adds the scholarship when there are school-age children", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat, { relationship: "anak", schoolChildren: "ya" });
    const text = chat.texts().join("\n");
    expect(chat.keys()).toContain("deathReport:standing.spouseOrChild");
    expect(text).not.toContain("Buku nikah");
    expect(text).toContain("Bukti sekolah/kuliah anak");
    expect(chat.keys()).toContain("deathReport:estimate.scholarship.notYet");
    expect(claim.required).toContain("schoolProof");
  });

  it("puts a parent next in line when there is no spouse or child", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    await chat.says("menu");
    const claim = await reportDeath(chat, { relationship: "orang tua", closer: "tidak ada" });
    expect(chat.keys()).toContain("deathReport:standing.bloodLine");
    expect(claim.heir).toMatchObject({ relationship: "parent", standing: "entitled" });
  });

  it("tells a sibling that the living spouse should claim, and still records the report", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat, { relationship: "saudara kandung", closer: "1" });
    expect(chat.keys()).toContain("deathReport:summary.someoneCloser");
    expect(chat.texts().join("\n")).toContain("Suami/istri atau anak almarhum");
    expect(claim.heir.standing).toBe("someoneCloser");
    expect(claim.flags).toContain("heir_not_first_in_line");
  });

  it("offers a sibling only the closer groups before siblings", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    await reportDeath(chat, { relationship: "saudara kandung", closer: "tidak ada" });
    expect(chat.keys()).toContain("deathReport:standing.sibling");
  });

  it("treats a death at work as JKK: reporting guidance, 48 × income, the accident chronology", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({ income: 1_500_000 });
    await chat.says("menu");
    await chat.says("lapor kematian");
    await chat.says("ya");
    await chat.says("1");
    await chat.says(deceasedNik);
    await chat.says("Ahmad Yani");
    await chat.says("ya");
    await chat.says("28/02/2026");
    await chat.says("1");
    expect(chat.replies()[0]).toHaveKey("deathReport:cause.jkkGuidance");
    expect(chat.texts()[0]).toContain("2×24 jam");
    expect(chat.texts()[0]).toContain("PLKK");
    await chat.says("Siti Aminah");
    await chat.says(heirNik);
    await chat.says("081234567890");
    await chat.says("1");
    await chat.says("ya");
    const text = chat.texts().join("\n");
    expect(chat.keys()).toContain("deathReport:estimate.jkk");
    expect(text).toContain("Rp 94.000.000"); // 48 × 1,5 jt + 12 jt + 10 jt
    expect(text).toContain("Kronologi kecelakaan");
    expect(chat.keys()).toContain("deathReport:estimate.scholarship.eligible");
    const [claim] = await chat.app.services.claims.list({});
    expect(claim).toMatchObject({ programme: "JKK", cause: "work" });
  });

  it("treats an illness as JKM", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat, { cause: "3" });
    expect(claim.programme).toBe("JKM");
    expect(claim.required).not.toContain("accidentChronology");
  });

  it("carries on with an unknown deceased, flags it for staff and gives both possible amounts", async () => {
    const { chat } = createClaimsChat();
    const claim = await reportDeath(chat, {
      identify: { by: "none", kelurahan: "Payo Lebar", rt: "RT 07" },
      deceasedName: "Budi Santoso",
    });
    expect(chat.sent.some((s) => s.replies.some((r) => r.key === "deathReport:lookup.notFound"))).toBe(true);
    expect(chat.keys()).toContain("deathReport:estimate.jkmUnknown");
    expect(claim.flags).toContain("deceased_not_found");
    expect(claim.deceased).toMatchObject({ name: "Budi Santoso", kelurahan: "Payo Lebar", rt: "7" });
  });

  it.each([
    ["payo lebar", "rt 5"],
    ["kel. payo lebr", "RT 005"],
  ])(
    "finds a participant by name, kelurahan (%s) and RT (%s) and asks to confirm without showing more",
    async (kelurahan, rt) => {
      const { chat, people } = createClaimsChat();
      await people.seed({});
      await chat.says("menu");
      await chat.says("lapor kematian");
      await chat.says("ya");
      await chat.says("3");
      await chat.says("Ahmad Yani");
      await chat.says(kelurahan);
      await chat.says(rt);
      expect(chat.lastReply()).toHaveKey("deathReport:confirmMatch.prompt");
      expect(chat.texts().join("\n")).not.toMatch(/1571|DFT-|0812/);
      expect((await chat.session())?.flow?.data).toMatchObject({ kelurahan: "Payo Lebar", rt: "5" });
    },
  );

  it("does not take a registration whose name differs from the one typed, and flags it", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({ name: "Rahmat Hidayat" });
    const claim = await reportDeath(chat, { deceasedName: "Ahmad Yani" });
    expect(claim.deceased.personId).toBeUndefined();
    expect(claim.flags).toContain("deceased_name_mismatch");
    expect((await people.repository.findById(people.people[0]!._id))?.status).toBe("active");
  });

  it("refuses a date of death in the future and flags one before the registration", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    await chat.says("menu");
    await chat.says("lapor kematian");
    await chat.says("ya");
    await chat.says("1");
    await chat.says(deceasedNik);
    await chat.says("Ahmad Yani");
    await chat.says("ya");
    await chat.says("10-03-2026");
    expect(chat.lastReply()).toHaveKey("deathReport:deathDate.invalid.future");
    await chat.says("1 Mei 2025");
    expect(chat.replies()[0]).toHaveKey("deathReport:deathDate.beforeRegistration");
    expect((await chat.session())?.flow?.data).toMatchObject({ flags: ["death_before_registration"] });
  });

  it("uses the phone the channel knows when the heir answers yes", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    chat.as({ userId: "+6281399990000", channel: "whatsapp", phone: "+6281399990000" });
    const claim = await reportDeath(chat, { phone: "ya" });
    expect(claim.heir.phone).toBe("+6281399990000");
    expect(claim.heir.contact).toEqual({ channel: "whatsapp", userId: "+6281399990000" });
  });

  it("asks the heir for a contact on Telegram with the contact button", async () => {
    const { chat } = createClaimsChat();
    chat.as({ userId: "777", channel: "telegram" });
    await chat.says("menu");
    await chat.says("lapor kematian");
    for (const answer of ["ya", "3", "Budi", "Payo Lebar", "3", "kemarin", "3", "Siti", heirNik])
      await chat.says(answer);
    expect(chat.lastReply()).toMatchObject({ key: "deathReport:heirPhone.prompt", requestContact: true });
    await chat.sharesContact("+6281234567890");
    expect(chat.lastReply()).toHaveKey("deathReport:relationship.prompt");
  });
});
