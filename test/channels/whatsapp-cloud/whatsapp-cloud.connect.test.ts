import { createApp } from "../../../src/app";
import { createChannelCatalog, toChannelSettings } from "../../../src/channels/channel-catalog";
import { createTransportLease } from "../../../src/channels/whatsapp/whatsapp-transport.lease";
import { connectWhatsAppCloud } from "../../../src/channels/whatsapp-cloud/whatsapp-cloud.connect";
import { loadConfig } from "../../../src/config";
import { createVault } from "../../../src/security/vault";
import { createMemoryDocumentStore } from "../../../src/storage/memory/memory-document.store";
import { toWebhookEnvelope } from "../../fixtures/whatsapp-cloud/meta-shapes";
import { signBody, startFakeGraphApi, type FakeGraphApi } from "../../support/fake-graph-api";
import { createTestClock, testVaultKeys } from "../../support/test-chat";
import { createRecordingLogger } from "../../support/whatsapp-harness";

jest.setTimeout(20_000);

let graph: FakeGraphApi;
beforeEach(async () => {
  graph = await startFakeGraphApi();
});
afterEach(() => graph.close());

function setUp() {
  const config = loadConfig({
    WHATSAPP_ENABLED: "true",
    WHATSAPP_MODE: "cloud",
    WHATSAPP_CLOUD_PHONE_NUMBER_ID: graph.phoneNumberId,
    WHATSAPP_CLOUD_ACCESS_TOKEN: graph.token,
    WHATSAPP_CLOUD_APP_SECRET: graph.secret,
    WHATSAPP_CLOUD_VERIFY_TOKEN: "verify-me-please",
    WHATSAPP_CLOUD_API_ROOT: graph.apiRoot,
    WHATSAPP_CLOUD_WEBHOOK_PORT: "9631",
  });
  const store = createMemoryDocumentStore();
  const clock = createTestClock();
  const logger = createRecordingLogger();
  const app = createApp({
    store,
    clock,
    logger,
    vault: createVault(testVaultKeys),
    channels: createChannelCatalog(toChannelSettings(config)),
  });
  return { config, app, clock, logger, store };
}

describe("WhatsApp Cloud API from configuration", () => {
  it("refuses to start without its number, token, app secret and verify token", () => {
    expect(() => loadConfig({ WHATSAPP_ENABLED: "true", WHATSAPP_MODE: "cloud" })).toThrow(
      /WHATSAPP_CLOUD_APP_SECRET: required when WHATSAPP_MODE=cloud/,
    );
  });

  it("serves the webhook on the configured port and path and answers through the Graph API", async () => {
    const { config, app, clock, logger } = setUp();
    const stop = await connectWhatsAppCloud({ config, app, logger, clock });
    const body = JSON.stringify(
      toWebhookEnvelope({
        messages: [
          {
            from: "6281234567890",
            id: "wamid.A1",
            timestamp: "1772416800",
            type: "text",
            text: { body: "halo" },
          },
        ],
      }),
    );
    const response = await fetch("http://127.0.0.1:9631/whatsapp/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, graph.secret) },
      body,
    });
    expect(response.status).toBe(200);
    expect(graph.sent.map((m) => m.to)).toContain("6281234567890");
    await stop();
  });

  it("does not start beside a WhatsApp Web client of the same deployment", async () => {
    const { config, app, clock, logger, store } = setUp();
    const web = createTransportLease({ store, clock, mode: "web", holder: "web-1" });
    expect(await web.claim()).toEqual({ ok: true });
    const stop = await connectWhatsAppCloud({ config, app, logger, clock });
    expect(app.hub.has("whatsapp")).toBe(false);
    expect(logger.entries.map((e) => e.message)).toContainEqual(expect.stringContaining("NOT started"));
    await stop();
    await web.release();
    clock.advance(1000);
    const again = await connectWhatsAppCloud({ config, app, logger, clock });
    expect(app.hub.has("whatsapp")).toBe(true);
    await again();
  });
});
