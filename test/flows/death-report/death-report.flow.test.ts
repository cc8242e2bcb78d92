import { allKeys, createClaimsChat, deceasedNik, heirNik, reportDeath } from "./report-helpers";

const yearsAgo = "2021-01-10";

describe("death report: the heir's conversation", () => {
  it("offers condolences first, then explains what is collected and asks for consent", async () => {
    const { chat } = createClaimsChat();
    await chat.says("menu");
    await chat.says("lapor kematian");
    expect(chat.keys()).toEqual(["deathReport:consent.condolences", "deathReport:consent.prompt"]);
    expect(chat.texts().join("\n")).toContain("sensitif");
    expect(chat.texts().join("\n")).toContain("orang tua/wali");
  });

  it("stores nothing and points to the branch office when consent is refused", async () => {
    const { chat } = createClaimsChat();
    await chat.says("menu");
    await chat.says("lapor kematian");
    await chat.says("tidak setuju");
    expect(chat.replies()[0]).toHaveKey("deathReport:consent.declined");
    expect(await chat.app.services.claims.list({})).toHaveLength(0);
  });

  it("takes a spouse's report of a registered participant in one review: Rp 42 juta from BPJS data, buku nikah, reference", async () => {
    const { chat, people } = createClaimsChat();
    const person = await people.seed({ membershipSince: yearsAgo, membershipSource: "bpjs_import" });
    await chat.says("menu");
    await chat.says("lapor kematian");
    await chat.says("ya");
    await chat.says("1571 0201 0180 0001 Ahmad Yani");
    expect(chat.lastReply()).toHaveKey("deathReport:deathDate.prompt");
    await chat.says("kemarin");
    await chat.says("3");
    // Active, verified, enrolled by the Pemkot: membership is not asked.
    expect(chat.lastReply()).toHaveKey("deathReport:relationship.prompt");
    await chat.says("1");
    await chat.says(`Siti Aminah ${heirNik} 0812-3456-7890`);
    await chat.says("tidak");
    expect(chat.lastReply()).toHaveKey("deathReport:review.prompt");
    const review = chat.texts().join("\n");
    expect(review).toContain("Ahmad Yani (NIK 1571********0001 · terdaftar di data peserta kami)");
    expect(review).toContain("Meninggal: 1 Maret 2026 · Sakit atau sebab lain");
    expect(review).toContain("Pelapor: Siti Aminah (NIK 1571********0002), Suami/istri, HP 0812-3456-7890");
    expect(review).not.toMatch(/Payo Lebar|DFT-/);
    await chat.says("1");
    const text = chat.texts().join("\n");
    expect(chat.keys()).toEqual([
      "deathReport:summary.filed",
      "deathReport:estimate.jkmFull",
      "deathReport:documents.intro",
    ]);
    expect(text).toContain("Buku nikah");
    expect(text).toContain("Rp 42.000.000");
    expect(text).toContain("dikonfirmasi BPJS");
    expect(text).not.toContain("berhak");
    const [claim] = await chat.app.services.claims.list({});
    expect(claim).toMatchObject({
      stage: "LAPORAN_DITERIMA",
      programme: "JKM",
      deceased: { personId: person._id, deathDate: "2026-03-01" },
      heir: { relationship: "spouse", standing: "entitled", phone: "+6281234567890" },
      membership: { answer: "pemkot", since: yearsAgo, confirmed: true },
    });
    expect(claim?.reference).toMatch(/^KLM-[2-9A-HJKMNP-Z]{6}$/);
  });

  it("never keeps a NIK in clear, neither in the claim nor in the session", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    await reportDeath(chat);
    const stored = JSON.stringify([await chat.app.services.claims.list({}), await chat.session()]);
    expect(stored).not.toContain(deceasedNik);
    expect(stored).not.toContain(heirNik);
  });

  it("counts membership from BPJS data, not from the bot: an RT head enrolled years ago who joined the bot 40 days before", async () => {
    const { chat, people } = createClaimsChat();
    const joined = new Date("2026-01-20T09:00:00+07:00");
    await people.seed({
      createdAt: joined,
      verifiedAt: joined,
      membershipSince: "2019-07-01",
      membershipSource: "bpjs_import",
    });
    await reportDeath(chat, { relationship: "anak", schoolChildren: "ya" });
    const text = chat.texts().join("\n");
    expect(chat.keys()).toContain("deathReport:estimate.jkmFull");
    expect(text).toContain("Rp 42.000.000");
    expect(text).toContain("Beasiswa anak: hingga 2 anak");
    expect(text).not.toContain("terbatas");
  });

  it("says 'dicek petugas' and promises no amount while the membership start is unknown", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat, { relationship: "anak", schoolChildren: "ya" });
    const text = chat.texts().join("\n");
    expect(chat.keys()).toContain("deathReport:estimate.jkmDepends");
    expect(text).toContain("dicek petugas");
    expect(text).not.toMatch(/Perkiraan Jaminan Kematian|berhak/);
    expect(claim.required).toContain("schoolProof");
  });

  it("asks about membership for a registration still pending, and gives no Rp 42 juta for it", async () => {
    const { chat, people } = createClaimsChat();
    const pending = await people.seed({ status: "pending" });
    delete (pending as { verifiedAt?: Date }).verifiedAt;
    await reportDeath(chat);
    expect(allKeys(chat)).toContain("deathReport:membership.prompt");
    expect(chat.keys()).toContain("deathReport:estimate.jkmDepends");
    expect(chat.texts().join("\n")).not.toContain("Perkiraan");
  });

  it("understands 'bapak sy gak pernah daftar bpjs, gmn dong?' and files a request for staff to check, labelled as such", async () => {
    const { chat } = createClaimsChat();
    await chat.says("menu");
    await chat.says("lapor kematian");
    await chat.says("setuju");
    await chat.says("Budi Santoso");
    await chat.says("bapak sy gak pernah daftar bpjs, gmn dong?");
    expect(chat.replies()[0]).toHaveKey("deathReport:membership.neverNote");
    expect(chat.lastReply()).toHaveKey("deathReport:area.prompt");
    const claim = await reportDeath(chat, {
      opening: "lapor kematian",
      deceased: "Budi Santoso",
      area: "Payo Lebar RT 7",
      membership: "4",
      relationship: "anak",
    });
    const text = chat.texts().join("\n");
    expect(chat.keys()).toEqual([
      "deathReport:summary.checkRequest",
      "deathReport:estimate.none",
      "deathReport:documents.intro",
    ]);
    expect(text).toMatch(/175.*JMO.*Dinas Sosial.*daftar/s);
    expect(text).not.toMatch(/berhak|Rp 42/);
    expect(claim).toMatchObject({ kind: "membershipCheck", membership: { answer: "never" } });
    expect(claim.required).toEqual(["ktpDeceased", "deathCertificate"]);
  });

  it("puts a parent next in line when there is no spouse or child, and asks for the parent's own KK", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat, { relationship: "orang tua", closer: "tidak ada" });
    expect(chat.texts().join("\n")).toContain("urutan berikutnya");
    expect(claim.heir).toMatchObject({ relationship: "parent", standing: "entitled" });
    expect(claim.required).toContain("familyCardHeir");
  });

  it("tells a sibling that the living spouse should claim, and still records the report", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const claim = await reportDeath(chat, { relationship: "saudara kandung", closer: "1" });
    expect(chat.texts().join("\n")).toContain("Suami/istri atau anak almarhum");
    expect(claim.heir.standing).toBe("someoneCloser");
    expect(claim.flags).toContain("heir_not_first_in_line");
  });

  it("treats a road accident as JKK with the police report, the forms, the doctor's letter and two witnesses", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({ income: 1_500_000, membershipSince: yearsAgo });
    await reportDeath(chat, { deathDate: "kemarin", cause: "2", schoolChildren: "ya" });
    const texts = chat.sent.flatMap((s) => s.messages.map((m) => m.text)).join("\n");
    expect(allKeys(chat)).toContain("deathReport:cause.jkkRecent");
    expect(texts).toContain("2×24 jam");
    expect(chat.keys()).toContain("deathReport:estimate.jkk");
    expect(texts).toContain("Rp 94.000.000"); // 48 × 1,5 jt + 12 jt + 10 jt
    const [claim] = await chat.app.services.claims.list({});
    expect(claim).toMatchObject({ programme: "JKK", cause: "road" });
    expect(claim?.required).toEqual(
      expect.arrayContaining([
        "accidentChronology",
        "accidentReport",
        "medicalLetter",
        "witnessKtp",
        "policeReport",
      ]),
    );
  });

  it("does not tell a widow eleven days later that the accident had to be reported within 2×24 hours", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    await reportDeath(chat, { deathDate: "19-02-2026", cause: "1" });
    const texts = chat.sent.flatMap((s) => s.messages.map((m) => m.text)).join("\n");
    expect(allKeys(chat)).toContain("deathReport:cause.jkkLater");
    expect(texts).not.toContain("2×24");
    expect(texts).toContain("petugas kami membantu melaporkannya");
  });

  it("carries on with an unknown deceased, flags it for staff and says what the amount depends on", async () => {
    const { chat } = createClaimsChat();
    const claim = await reportDeath(chat, {
      deceased: "Budi Santoso",
      area: "payo lebar rt 07",
      membership: "5",
    });
    expect(chat.keys()).toContain("deathReport:estimate.jkmDepends");
    expect(claim.flags).toContain("deceased_not_found");
    expect(claim.deceased).toMatchObject({ name: "Budi Santoso", kelurahan: "Payo Lebar", rt: "7" });
  });

  it("does not take a registration whose name differs from the one typed, and flags it", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({ name: "Rahmat Hidayat" });
    const claim = await reportDeath(chat);
    expect(claim.deceased.personId).toBeUndefined();
    expect(claim.flags).toContain("deceased_name_mismatch");
    expect((await people.repository.findById(people.people[0]!._id))?.status).toBe("active");
  });

  it("refuses a date of death in the future", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    await chat.says("menu");
    await chat.says("lapor kematian");
    await chat.says("ya");
    await chat.says(`${deceasedNik} Ahmad Yani`);
    await chat.says("10-03-2026");
    expect(chat.lastReply()).toHaveKey("deathReport:deathDate.invalid.future");
  });

  it("uses the phone WhatsApp knows without asking, and shows it at the review", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    chat.as({ userId: "+6281399990000", channel: "whatsapp", phone: "+6281399990000" });
    const claim = await reportDeath(chat);
    expect(allKeys(chat)).not.toContain("deathReport:heirPhone.promptKnown");
    expect(claim.heir.phone).toBe("+6281399990000");
    expect(claim.heir.contact).toEqual({ channel: "whatsapp", userId: "+6281399990000" });
  });

  it("asks a Telegram heir who typed no number for it with the contact button", async () => {
    const { chat } = createClaimsChat();
    chat.as({ userId: "777", channel: "telegram" });
    await chat.says("menu");
    await chat.says("lapor kematian");
    for (const answer of [
      "ya",
      "Budi Santoso",
      "Payo Lebar RT 3",
      "kemarin",
      "3",
      "5",
      "1",
      `Siti Aminah ${heirNik}`,
    ])
      await chat.says(answer);
    expect(chat.lastReply()).toMatchObject({ key: "deathReport:heirPhone.prompt", requestContact: true });
    await chat.sharesContact("+6281234567890");
    expect(chat.lastReply()).toHaveKey("deathReport:schoolChildren.prompt");
  });

  it("keeps the whole name typed before the kelurahan, and asks a sibling with nobody closer alive nothing about children", async () => {
    const { chat } = createClaimsChat();
    await chat.says("lapor kematian");
    for (const answer of [
      "setuju",
      "Budi Santoso Payo Lebar RT 7",
      "kemarin",
      "2",
      "2",
      "saudara kandung",
      "tidak ada",
    ])
      await chat.says(answer);
    await chat.says("Rudi Hartono 1571020101900003 081234567890");
    expect(chat.lastReply()).toHaveKey("deathReport:review.prompt");
    expect(chat.texts().join("\n")).toMatch(/Almarhum\/ah: Budi Santoso \(Payo Lebar, RT 7/);
    expect(chat.texts().join("\n")).not.toMatch(/Anak sekolah/);
    await chat.says("1");
    expect(chat.texts().join("\n")).toMatch(/KLM-/);
    expect(chat.texts().join("\n")).not.toMatch(/Beasiswa/);
  });

  it("takes 'suami' and 'kemarin' from the opening message and does not ask them again", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    chat.as({ userId: "+6281234567890", channel: "whatsapp", phone: "+6281234567890" });
    await chat.says("suami sy meninggal kemarin, gmn urus klaimnya?");
    expect(chat.lastReply()).toHaveKey("deathReport:consent.prompt");
    await chat.says("setuju");
    await chat.says(`${deceasedNik} Ahmad Yani`);
    await chat.says("3");
    await chat.says(`Siti Aminah ${heirNik}`);
    await chat.says("tidak");
    const asked = allKeys(chat);
    expect(asked).not.toContain("deathReport:deathDate.prompt");
    expect(asked).not.toContain("deathReport:relationship.prompt");
    expect(chat.lastReply()).toHaveKey("deathReport:review.prompt");
    expect(chat.texts().join("\n")).toMatch(/Meninggal: 1 Maret 2026.*Suami\/istri/s);
  });

  it("changes one answer from the review and comes back to it", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    await chat.says("menu");
    await chat.says("lapor kematian");
    for (const answer of [
      "ya",
      `${deceasedNik} Ahmad Yani`,
      "kemarin",
      "3",
      "1",
      `Siti Aminah ${heirNik} 081234567890`,
      "tidak",
    ])
      await chat.says(answer);
    await chat.says("ubah tanggal meninggal");
    expect(chat.lastReply()).toHaveKey("deathReport:deathDate.prompt");
    await chat.says("28-02-2026");
    expect(chat.lastReply()).toHaveKey("deathReport:review.prompt");
    expect(chat.texts().join("\n")).toContain("Meninggal: 28 Februari 2026");
  });

  it("tells a second reporter of the same death only that a report exists and staff will contact them", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const first = await reportDeath(chat);
    chat.as({ userId: "adik-almarhum" });
    await chat.says("menu");
    await chat.says("lapor kematian");
    for (const answer of [
      "ya",
      `${deceasedNik} Ahmad Yani`,
      "kemarin",
      "3",
      "6",
      "tidak ada",
      "Rudi Yani 1571020202900003 081277778888",
      "tidak",
      "1",
    ])
      await chat.says(answer);
    expect(chat.keys()).toEqual(["deathReport:summary.alreadyReported"]);
    expect(chat.texts().join("\n")).not.toMatch(/KLM-|Siti/);
    expect(await chat.app.services.claims.list({})).toHaveLength(1);
    const joined = await chat.app.services.claims.findByReference(first.reference);
    expect(joined?.otherReporters).toEqual([
      expect.objectContaining({ name: "Rudi Yani", relationship: "sibling", phone: "+6281277778888" }),
    ]);
    expect(joined?.flags).toContain("second_reporter");
  });
});

describe("death report, filed again", () => {
  it("gives the same claim back when the same chat files the same report again (a retried message)", async () => {
    const { chat, people } = createClaimsChat();
    await people.seed({});
    const first = await reportDeath(chat);
    const again = await reportDeath(chat);
    expect(again.reference).toBe(first.reference);
    expect(await chat.app.services.claims.list({})).toHaveLength(1);
    expect(again.otherReporters ?? []).toEqual([]);
  });
});
