/** The chat's staff menu uses the stored accounts: role, kelurahan scope, disabling. */
import { createPeopleSeeder } from "../support/seed-people";
import { createStaffAccount } from "../support/staff-accounts";
import { setStaffStatus, toStaffAdminDeps } from "../../src/flows/staff-accounts/staff-admin";
import { createTestChat } from "../support/test-chat";

async function setup() {
  const chat = createTestChat();
  const seeder = createPeopleSeeder(chat.store);
  await seeder.seed({
    name: "Budi Lebak",
    status: "pending",
    role: "worker",
    nik: "1571080703800001",
    address: { kecamatan: "Jelutung", kelurahan: "Lebak Bandung", rw: "3", rt: "22" },
  });
  await seeder.seed({
    name: "Rina Sipin",
    status: "pending",
    role: "worker",
    nik: "1571014506900002",
    address: { kecamatan: "Telanaipura", kelurahan: "Simpang IV Sipin", rw: "1", rt: "3" },
  });
  return chat;
}

describe("staff in the chat are stored accounts", () => {
  it("shows the staff menu to a Telegram id linked to an account, and no longer once it is disabled", async () => {
    const chat = await setup();
    await createStaffAccount(chat.app.services, { username: "ani", telegramId: "7001" });
    await createStaffAccount(chat.app.services, { username: "cadangan" });
    chat.as({ userId: "7001", channel: "telegram" });
    await chat.says("menu");
    expect(chat.texts().join("\n")).toContain("Menu petugas");
    await setStaffStatus(toStaffAdminDeps(chat.app.services), "ani", "disabled", "test");
    await chat.says("menu");
    expect(chat.texts().join("\n")).not.toContain("Menu petugas");
  });

  it("lets a kelurahan officer review only registrations of their kelurahan", async () => {
    const chat = await setup();
    await createStaffAccount(chat.app.services, {
      username: "lia",
      role: "kelurahan_officer",
      kelurahan: "Lebak Bandung",
      telegramId: "7002",
    });
    chat.as({ userId: "7002", channel: "telegram" });
    for (const line of ["menu", "7"]) await chat.says(line);
    await chat.says("Verifikasi pendaftaran");
    await chat.says("1");
    const listed = chat.texts().join("\n");
    expect(listed).toContain("Budi Lebak");
    expect(listed).not.toContain("Rina Sipin");
    await chat.says("2");
    await chat.says("1571014506900002");
    await chat.says("menu");
    await chat.says("7");
    await chat.says("Verifikasi pendaftaran");
    await chat.says("2");
    await chat.says("rina");
    expect(chat.texts().join("\n")).not.toContain("Rina Sipin");
  });

  it("offers a broadcaster only the broadcast items and refuses the claims flow", async () => {
    const chat = await setup();
    await createStaffAccount(chat.app.services, {
      username: "siar",
      role: "broadcaster",
      telegramId: "7003",
    });
    chat.as({ userId: "7003", channel: "telegram" });
    await chat.says("menu");
    await chat.says("7");
    const hub = chat.texts().join("\n");
    expect(hub).toContain("Kirim siaran");
    expect(hub).not.toContain("Klaim");
    expect(hub).not.toContain("Verifikasi pendaftaran");
  });
});
