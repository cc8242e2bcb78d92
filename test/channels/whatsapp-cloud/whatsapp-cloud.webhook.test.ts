import { textMessageValue, toWebhookEnvelope } from "../../fixtures/whatsapp-cloud/meta-shapes";
import { signBody } from "../../support/fake-graph-api";
import { startCloudHarness, verifyToken, type CloudHarness } from "../../support/whatsapp-cloud-harness";

jest.setTimeout(20_000);

let wa: CloudHarness;
beforeEach(async () => {
  wa = await startCloudHarness();
});
afterEach(() => wa.stop());

const challengeUrl = (token: string) =>
  `${wa.webhookUrl}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`;

describe("WhatsApp Cloud webhook", () => {
  it("answers Meta's verification challenge with the right verify token, and refuses any other", async () => {
    const ok = await fetch(challengeUrl(verifyToken));
    expect([ok.status, await ok.text()]).toEqual([200, "1158201444"]);
    const wrong = await fetch(challengeUrl("not-the-token"));
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toBe("");
  });

  it("refuses a payload with a bad or missing signature, and the bot does nothing with it", async () => {
    const payload = toWebhookEnvelope({
      ...textMessageValue,
      messages: [{ ...textMessageValue.messages[0], from: "6281234567890", text: { body: "halo" } }],
    });
    const forged = await wa.post(payload, signBody(JSON.stringify(payload), "another-app-secret-000000"));
    const unsigned = await wa.post(payload, null);
    expect([forged.status, unsigned.status]).toEqual([401, 401]);
    expect(wa.graph.sent).toHaveLength(0);
    expect(await wa.app.services.sessions.load("whatsapp:+6281234567890")).toBeNull();
  });

  it("answers a text message in Indonesian, knowing the sender's number from the webhook", async () => {
    const siti = wa.user("6281234567890", "Siti");
    const { response } = await siti.says("halo");
    expect(response.status).toBe(200);
    expect(siti.texts().join("\n")).toMatch(/Selamat datang|Halo/i);
    const session = await wa.app.services.sessions.load("whatsapp:+6281234567890");
    expect(session).toMatchObject({ phone: "+6281234567890", displayName: "Siti" });
  });

  it("handles a redelivered webhook once: the same message id gets one answer", async () => {
    const siti = wa.user("6281234567890");
    const first = await siti.says("halo");
    const answers = siti.messages().length;
    const again = await wa.post(
      toWebhookEnvelope({
        contacts: [{ profile: { name: "Siti" }, wa_id: "6281234567890" }],
        messages: [first.message],
      }),
    );
    expect(again.status).toBe(200);
    expect(siti.messages()).toHaveLength(answers);
    const session = await wa.app.services.sessions.load("whatsapp:+6281234567890");
    expect(session?.recentMessageIds.filter((id) => id === first.message.id)).toHaveLength(1);
  });

  it("answers once when Meta redelivers the message to another instance on the same store", async () => {
    const other = await startCloudHarness({ app: { store: wa.store }, clock: wa.clock });
    try {
      const first = await wa.user("6281234567890").says("halo");
      const again = await other.post(
        toWebhookEnvelope({
          contacts: [{ profile: { name: "Siti" }, wa_id: "6281234567890" }],
          messages: [first.message],
        }),
      );
      expect(again.status).toBe(200);
      expect(other.graph.sent).toHaveLength(0);
    } finally {
      await other.stop();
    }
  });

  it("ignores another phone number's events and tells a voice note it cannot be read", async () => {
    const other = toWebhookEnvelope(textMessageValue);
    (other.entry[0]!.changes[0]!.value.metadata as { phone_number_id: string }).phone_number_id = "999";
    expect((await wa.post(other)).status).toBe(200);
    expect(wa.graph.sent).toHaveLength(0);
    const budi = wa.user("6281299990000");
    await budi.sends({ type: "audio", audio: { id: "123", mime_type: "audio/ogg" } });
    expect(budi.lastText()).toContain("pesan suara");
  });
});
