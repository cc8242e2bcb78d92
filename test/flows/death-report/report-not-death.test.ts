/**
 * Issue 13, point 1: a death report is not a death. A neighbour who knows a living woman's NIK and
 * name reports her as "Lainnya"; she keeps every right until staff see a death certificate, is
 * asked whether she is well when she writes, and "saya masih hidup" stops the claim.
 */
import { createPeopleSeeder } from "../../support/seed-people";
import { createTestChat } from "../../support/test-chat";
import { allKeys, reportDeath } from "./report-helpers";

const sitiNik = "1571024507850003";
const sitiPhone = "+6281211112222";
const staff = { channel: "terminal" as const, userId: "petugas-1" };

async function falselyReported() {
  const chat = createTestChat({ userId: "tetangga", app: { staffRecipients: [staff] } });
  const people = createPeopleSeeder(chat.store);
  const siti = await people.seed({
    nik: sitiNik,
    name: "Siti Aminah",
    sex: "P",
    role: "worker",
    phone: sitiPhone,
    contacts: [{ channel: "whatsapp", userId: sitiPhone }],
  });
  chat.as({ userId: sitiPhone, channel: "whatsapp", phone: sitiPhone });
  await chat.says("halo");
  chat.as({ userId: "tetangga", channel: "terminal" });
  const claim = await reportDeath(chat, {
    deceased: `${sitiNik} Siti Aminah`,
    relationship: "lainnya",
    heir: "Joko Susilo 1571020303700004 081299998888",
  });
  return { chat, siti, claim };
}

describe("a death report is not a death", () => {
  it("leaves the reported person's record, data view, deletion right and broadcasts as they were", async () => {
    const { chat, siti, claim } = await falselyReported();
    const stored = await chat.app.services.people.findById(siti._id);
    expect(stored).toMatchObject({ status: "active", reportedDeceased: { claimReference: claim.reference } });
    expect(stored?.deceasedAt).toBeUndefined();
    expect(await chat.app.services.claimsCheck.hasClaimFor(siti._id)).toBe(false);

    const preview = await chat.app.services.broadcasts.preview({
      segment: { state: "active" },
      message: { type: "text", text: "Pengingat iuran" },
    });
    expect(preview).toMatchObject({ recipients: 1, excluded: { deceased: 0 } });

    chat.as({ userId: sitiPhone, channel: "whatsapp", phone: sitiPhone });
    await chat.says("nanti saja");
    await chat.says("data saya");
    const view = chat.texts().join("\n");
    expect(view).not.toContain("meninggal dunia");
    expect(chat.keys()).toContain("myData:home.reported");
    await chat.says("tarik persetujuan / hapus data");
    await chat.says("ya");
    expect(chat.replies()[0]).not.toHaveKey("myData:withdraw.keptForClaim");
  });

  it("asks her whether she is well when she writes, and 'saya masih hidup' suspends the claim and alerts staff with both sides", async () => {
    const { chat, claim } = await falselyReported();
    chat.as({ userId: sitiPhone, channel: "whatsapp", phone: sitiPhone });
    await chat.says("daftar");
    expect(chat.keys()).toEqual(["deathReport:alive.prompt"]);
    await chat.says("saya masih hidup");
    expect(chat.replies()[0]).toHaveKey("deathReport:alive.thanks");
    const stored = await chat.app.services.claims.findByReference(claim.reference);
    expect(stored?.suspended).toMatchObject({ by: `whatsapp:${sitiPhone}` });
    expect(stored?.flags).toContain("alive_reported");

    const alert = chat.pushed("petugas-1").at(-1)!.messages[0]!.text;
    expect(alert).toContain(claim.reference);
    expect(alert).toContain("MASIH HIDUP");
    expect(alert).toContain("Joko Susilo");
    expect(alert).not.toContain(sitiNik);
    const audit = await chat.app.services.audit.list({ target: `claim:${claim.reference}` });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["claim.aliveReported", "alert.claim.aliveReported"]),
    );

    chat.as({ userId: "tetangga", channel: "terminal" });
    await chat.says("status");
    expect(chat.texts().join("\n")).toContain("sedang diperiksa ulang oleh petugas");
    expect(chat.texts().join("\n")).not.toContain("masih hidup");
  });

  it("asks a first-time chat from her registered phone too", async () => {
    const chat = createTestChat({ userId: "tetangga" });
    const people = createPeopleSeeder(chat.store);
    await people.seed({ nik: sitiNik, name: "Siti Aminah", sex: "P", phone: sitiPhone, contacts: [] });
    await reportDeath(chat, {
      deceased: `${sitiNik} Siti Aminah`,
      relationship: "lainnya",
      heir: "Joko Susilo 1571020303700004 081299998888",
    });
    chat.as({ userId: sitiPhone, channel: "whatsapp", phone: sitiPhone });
    await chat.says("halo");
    expect(chat.keys()).toEqual(["common:welcome", "deathReport:alive.prompt"]);
  });

  it("lets staff reject the report as false: the record untouched, the reporter told why", async () => {
    const { chat, siti, claim } = await falselyReported();
    chat.as({ userId: "petugas-1", channel: "terminal", isStaff: true });
    for (const line of ["menu", "menu petugas", "klaim kematian", "buka satu klaim", claim.reference])
      await chat.says(line);
    await chat.says("tolak: laporan keliru");
    await chat.says("Ibu Siti datang ke kelurahan, masih hidup dan sehat");
    expect(chat.replies()[0]).toHaveKey("staffClaims:falseReport.done");
    const stored = await chat.app.services.claims.findByReference(claim.reference);
    expect(stored).toMatchObject({
      stage: "DITOLAK_PERLU_TINDAK_LANJUT",
      falseReport: { by: "terminal:petugas-1" },
    });
    const person = await chat.app.services.people.findById(siti._id);
    expect(person).toMatchObject({ status: "active", name: "Siti Aminah" });
    expect(person?.reportedDeceased).toBeUndefined();
    const told = chat.pushed("tetangga").at(-1)!.messages[0]!.text;
    expect(told).toContain("Alasan: Ibu Siti datang ke kelurahan");
    expect(allKeys(chat)).not.toContain("staffClaims:verified");
  });
});
