/** The hand-off on Telegram, end to end against the Bot API emulator: citizen asks, staff answers from their chat. */
import { startTelegramHarness, type TelegramHarness } from "../../support/telegram-harness";

async function eventually(found: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100 && !found(); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  if (!found()) throw new Error(`Never happened: ${what}`);
}

describe("hand-off on Telegram", () => {
  let tg: TelegramHarness;
  beforeAll(async () => {
    tg = await startTelegramHarness({ staffIds: ["4242"] });
  });
  afterAll(async () => {
    await tg?.stop();
  });

  it("tells staff in their chat, delivers 'balas #1' to the citizen, and 'tutup #1' ends it", async () => {
    const citizen = tg.user({ id: 3101, firstName: "Wati" });
    const staff = tg.user({ id: 4242, firstName: "Ani" });
    await citizen.says("halo");
    await citizen.says("saya mau bicara dengan petugas");
    expect(citizen.texts().join("\n")).toContain("kami teruskan ke petugas (nomor #1)");
    const toStaff = () =>
      staff
        .all()
        .map((m) => m.text)
        .join("\n");
    await eventually(() => toStaff().includes("Wati"), "staff told of the hand-off");
    await citizen.says("kapan iuran dibayar pemkot?");
    expect(citizen.texts().join("\n")).not.toContain("iuran");
    await eventually(() => toStaff().includes("kapan iuran dibayar pemkot?"), "message forwarded to staff");
    await staff.says("balas #1 Iuran APBD dibayar tiap bulan, Bu.");
    expect(staff.lastText()).toContain("Terkirim ke #1");
    const toCitizen = () =>
      citizen
        .all()
        .map((m) => m.text)
        .join("\n");
    await eventually(() => toCitizen().includes("Iuran APBD dibayar tiap bulan, Bu."), "reply delivered");
    await staff.says("tutup #1 terjawab");
    await eventually(() => toCitizen().includes("menutup percakapan #1"), "closing told");
    await citizen.says("menu");
    expect(citizen.buttons()).toContain("1. Daftar");
  });
});
