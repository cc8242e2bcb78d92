/** Staff alerts reach the accounts whose role receives them, or the configured contacts while there are none. */
import { createStaffAccount } from "../support/staff-accounts";
import { createTestChat } from "../support/test-chat";

const configured = { channel: "whatsapp" as const, userId: "+6281200000001" };
const alert = (at: Date) => ({
  kind: "claim.secondReport",
  target: "claim:KLM-1",
  at,
  replies: [{ key: "staffClaims:alert.secondReport" as const, params: { reference: "KLM-1" } }],
});

async function raised(setup: (chat: ReturnType<typeof createTestChat>) => Promise<void>) {
  const chat = createTestChat({ app: { staffRecipients: [configured] } });
  await setup(chat);
  await chat.app.services.staffAlerts.raise(alert(chat.clock.now()));
  return chat.pushed().map((p) => `${p.channel}:${p.userId}`);
}

describe("who gets staff alerts", () => {
  it("goes to the STAFF_* contacts while no account receives alerts (a new installation)", async () => {
    expect(await raised(async () => undefined)).toEqual(["whatsapp:+6281200000001"]);
  });

  it("goes to linked accounts whose role receives alerts, and then no longer to the contacts", async () => {
    const told = await raised(async (chat) => {
      await createStaffAccount(chat.app.services, {
        username: "klaim",
        role: "claims_officer",
        telegramId: "7101",
      });
      await createStaffAccount(chat.app.services, {
        username: "siar",
        role: "broadcaster",
        telegramId: "7102",
      });
      await createStaffAccount(chat.app.services, { username: "tanpa", role: "supervisor" });
    });
    expect(told).toEqual(["telegram:7101"]);
  });

  it("skips disabled accounts: with none left the contacts get it again", async () => {
    const told = await raised(async (chat) => {
      const account = await createStaffAccount(chat.app.services, {
        username: "klaim",
        role: "claims_officer",
        telegramId: "7101",
      });
      await chat.app.services.staff.update(account._id, { status: "disabled" }, chat.clock.now());
    });
    expect(told).toEqual(["whatsapp:+6281200000001"]);
  });
});
