/**
 * Registration and questions on Telegram, end to end over HTTP against telegram-test-api: inline
 * buttons where the flow offers choices, the contact button for the phone, typed text elsewhere.
 */
import { startTelegramHarness, type TelegramHarness } from "../../support/telegram-harness";
import type { TelegramTestUser } from "../../support/telegram-user";

const reference = /DFT-[2-9A-HJKMNP-Z]{6}/;

type Person = { name: string; nik: string; phone: string };

/** A trader registers themself, paying JKK + JKM on their own; returns what the bot said last. */
async function registersThemself(user: TelegramTestUser, person: Person): Promise<string> {
  await user.says("daftar");
  expect(user.lastText()).toContain("Apakah Anda setuju");
  await user.presses("Ya, saya setuju");
  expect(user.lastText()).toContain("nama lengkap");
  await user.says(`${person.name} ${person.nik}`);
  expect(user.lastText()).toContain("Kirim nomor HP");
  expect(user.replies().at(-1)?.replyMarkup?.keyboard?.[0]?.[0]).toMatchObject({ request_contact: true });
  await user.sharesContact(person.phone);
  expect(user.lastText()).toContain("kelurahan");
  await user.says("jelutung");
  await user.presses("Lebak Bandung");
  expect(user.lastText()).toContain("RT dan RW");
  await user.says("022/003");
  await user.presses("Pedagang");
  await user.says("ok");
  await user.presses("Bayar sendiri JKK + JKM:");
  expect(user.texts().join("\n")).toContain("Periksa data Anda");
  await user.presses("Kirim pendaftaran");
  return user.texts().join("\n");
}

describe("Telegram registration, end to end", () => {
  let tg: TelegramHarness;
  beforeAll(async () => {
    tg = await startTelegramHarness();
  });
  afterAll(async () => {
    await tg?.stop();
  });

  it("a user completes a registration and asks a question", async () => {
    const sari = tg.user({ id: 5001, firstName: "Sari" });
    await sari.says("halo");
    const done = await registersThemself(sari, {
      name: "Sari Wulandari",
      nik: "1571 0845 1290 0002",
      phone: "6281234567001",
    });
    expect(done).toContain("Pendaftaran terkirim");
    expect(done).toMatch(reference);
    const [person] = await tg.app.services.people.findByContact({ channel: "telegram", userId: "5001" });
    expect(person).toMatchObject({
      status: "pending",
      name: "Sari Wulandari",
      phone: "+6281234567001",
      sex: "P",
      address: { kecamatan: "Jelutung", kelurahan: "Lebak Bandung", rt: "22", rw: "3" },
      occupation: { code: "pedagang" },
      fundedBy: "self",
      programmes: ["JKK", "JKM"],
    });
    expect(done).toContain(person?.reference);

    await sari.says("brp iuran nya?");
    expect(sari.texts().join("\n")).toContain("Rp 16.800");
  });

  it("two users register at the same time without interfering", async () => {
    const andi = tg.user({ id: 5002, firstName: "Andi" });
    const tini = tg.user({ id: 5003, firstName: "Tini" });
    const [andiDone, tiniDone] = await Promise.all([
      registersThemself(andi, { name: "Andi Saputra", nik: "1571081505850003", phone: "6281234567002" }),
      registersThemself(tini, { name: "Tini Rahayu", nik: "1571085203920004", phone: "6281234567003" }),
    ]);
    const people = tg.app.services.people;
    const [andiPerson] = await people.findByContact({ channel: "telegram", userId: "5002" });
    const [tiniPerson] = await people.findByContact({ channel: "telegram", userId: "5003" });
    expect(andiPerson).toMatchObject({ name: "Andi Saputra", phone: "+6281234567002", sex: "L" });
    expect(tiniPerson).toMatchObject({ name: "Tini Rahayu", phone: "+6281234567003", sex: "P" });
    expect(andiDone).toContain(andiPerson?.reference);
    expect(tiniDone).toContain(tiniPerson?.reference);
    expect(andiPerson?.reference).not.toBe(tiniPerson?.reference);
  });
});
