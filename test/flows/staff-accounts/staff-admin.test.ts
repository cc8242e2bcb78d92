import {
  addStaff,
  linkStaff,
  setStaffRole,
  setStaffStatus,
  toStaffAdminDeps,
} from "../../../src/flows/staff-accounts/staff-admin";
import { bootstrapStaff } from "../../../src/flows/staff-accounts/staff-bootstrap";
import { cheapScrypt } from "../../support/staff-accounts";
import { createTestChat } from "../../support/test-chat";

function setup() {
  const chat = createTestChat();
  return { chat, deps: toStaffAdminDeps(chat.app.services, cheapScrypt), services: chat.app.services };
}

describe("staff accounts", () => {
  it("adds a kelurahan officer with the official names of loosely typed kelurahan, and audits it", async () => {
    const { deps, services } = setup();
    const result = await addStaff(
      deps,
      { username: "Lia.Kel", name: "Lia", role: "kelurahan_officer", kelurahan: "lebak bandung, payo lebar" },
      "cli:ani",
    );
    expect(result).toMatchObject({
      status: "ok",
      account: { username: "lia.kel", kelurahan: ["Lebak Bandung", "Payo Lebar"] },
    });
    expect(await services.audit.list({ action: "staff.add" })).toEqual([
      expect.objectContaining({ actor: "cli:ani", target: "staff:lia.kel" }),
    ]);
  });

  it("refuses a kelurahan officer without a kelurahan, an unknown role and a weak password", async () => {
    const { deps } = setup();
    expect(await addStaff(deps, { username: "lia", name: "Lia", role: "kelurahan_officer" }, "t")).toEqual({
      status: "invalid",
      problem: "kelurahan",
    });
    expect(await addStaff(deps, { username: "lia", name: "Lia", role: "lurah" }, "t")).toEqual({
      status: "invalid",
      problem: "role",
    });
    expect(
      await addStaff(deps, { username: "lia", name: "Lia", role: "admin", password: "pendek" }, "t"),
    ).toEqual({ status: "invalid", problem: "passwordTooShort" });
  });

  it("refuses a Telegram id or WhatsApp number another account already has", async () => {
    const { deps } = setup();
    await addStaff(
      deps,
      { username: "ani", name: "Ani", role: "admin", telegramId: "1001", whatsappNumber: "0812-1111-2222" },
      "t",
    );
    expect(
      await addStaff(deps, { username: "budi", name: "Budi", role: "admin", telegramId: "1001" }, "t"),
    ).toEqual({ status: "duplicate", field: "telegramId" });
    await addStaff(deps, { username: "budi", name: "Budi", role: "broadcaster" }, "t");
    expect(await linkStaff(deps, { username: "budi", whatsappNumber: "+6281211112222" }, "t")).toMatchObject({
      status: "duplicate",
    });
  });

  it("never disables or demotes the last active admin", async () => {
    const { deps } = setup();
    await addStaff(deps, { username: "ani", name: "Ani", role: "admin" }, "t");
    expect(await setStaffStatus(deps, "ani", "disabled", "t")).toEqual({ status: "lastAdmin" });
    expect(await setStaffRole(deps, { username: "ani", role: "broadcaster" }, "t")).toEqual({
      status: "lastAdmin",
    });
    await addStaff(deps, { username: "budi", name: "Budi", role: "admin" }, "t");
    expect(await setStaffStatus(deps, "ani", "disabled", "t")).toMatchObject({ status: "ok" });
  });

  it("makes the STAFF_* lists admins only while no account exists", async () => {
    const { deps, services } = setup();
    const first = await bootstrapStaff(deps, { telegramIds: ["4242"], whatsappNumbers: ["0812-3456-7890"] });
    expect(first).toEqual({ created: ["tg-4242", "wa-6281234567890"], ignored: false });
    expect(await services.staff.findByChannel("whatsapp", "+6281234567890")).toMatchObject({ role: "admin" });
    expect(await bootstrapStaff(deps, { telegramIds: ["9999"], whatsappNumbers: [] })).toEqual({
      created: [],
      ignored: true,
    });
    expect(await services.staff.findByChannel("telegram", "9999")).toBeNull();
  });
});
