/**
 * The whole bot on the WhatsApp Cloud API, over real HTTP: the real app (memory store, fixed
 * clock) with WhatsApp on the Cloud transport, the Cloud channel's webhook server, and the fake
 * Graph API it sends to. A user's message is a signed webhook POST; it resolves when the bot
 * answered 200, i.e. after the turn was handled and the replies went to the fake Graph API.
 *
 *   const wa = await startCloudHarness();
 *   const siti = wa.user("6281234567890");
 *   await siti.says("daftar");
 *   expect(siti.lastText()).toContain("…");
 *   await wa.stop();
 */
import { createStaffAccount } from "./staff-accounts";
import { createApp, type AppOptions } from "../../src/app";
import { createChannelCatalog } from "../../src/channels/channel-catalog";
import { defaultWhatsAppCloudSettings } from "../../src/channels/whatsapp-cloud/whatsapp-cloud.capabilities";
import { createWhatsAppCloudChannel } from "../../src/channels/whatsapp-cloud/whatsapp-cloud.channel";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { toWebhookEnvelope } from "../fixtures/whatsapp-cloud/meta-shapes";
import { signBody, startFakeGraphApi, type FakeGraphOptions, type SentMessage } from "./fake-graph-api";
import { createTestClock, testVaultKeys, type TestClock } from "./test-chat";
import { createRecordingLogger } from "./whatsapp-harness";

export const verifyToken = "verify-me-please";
const path = "/whatsapp/webhook";

export type CloudHarnessOptions = {
  clock?: TestClock;
  /** WhatsApp numbers that get an admin staff account. */
  staffNumbers?: string[];
  graph?: FakeGraphOptions;
  /** Messages per second to the Graph API (default: fast, so tests do not wait). */
  ratePerSecond?: number;
  app?: Partial<Pick<AppOptions, "store" | "people" | "claims" | "scheduler" | "broadcasting" | "files">>;
};

/** What a user reads of one message: the text, an interactive body with its choices, or a template's name. */
export function toReadable(message: SentMessage): string {
  const b = message.body;
  if (b.type === "text") return b.text?.body ?? "";
  if (b.type === "template") return `[template ${b.template?.name}]`;
  return `${b.interactive?.body?.text}\n[${toChoices(message)
    .map((c) => c.title)
    .join(" | ")}]`;
}

/** The buttons or list rows of an interactive message. */
export function toChoices(message: SentMessage | undefined): { id: string; title: string }[] {
  const action = message?.body.interactive?.action;
  return action?.buttons?.map((b) => b.reply) ?? action?.sections?.[0]?.rows ?? [];
}

export async function startCloudHarness(options: CloudHarnessOptions = {}) {
  const clock = options.clock ?? createTestClock();
  const logger = createRecordingLogger();
  const graph = await startFakeGraphApi(options.graph);
  const channels = createChannelCatalog({
    whatsappMode: "cloud",
    whatsappCloud: {
      ...defaultWhatsAppCloudSettings,
      ratePerSecond: options.ratePerSecond ?? 2000,
      pairIntervalMs: 0,
    },
  });
  const store = options.app?.store ?? createMemoryDocumentStore();
  const app = createApp({
    ...options.app,
    store,
    clock,
    logger,
    vault: createVault(testVaultKeys),
    channels,
  });
  const channel = createWhatsAppCloudChannel({
    webhook: { port: 0, host: "127.0.0.1", path, appSecret: graph.secret, verifyToken },
    graph: {
      apiRoot: graph.apiRoot,
      version: "v23.0",
      phoneNumberId: graph.phoneNumberId,
      accessToken: graph.token,
      retry: { attempts: 5, baseMs: 5, maxMs: 50 },
    },
    capabilities: channels.capabilitiesOf("whatsapp"),
    inbound: app.inbound,
    sessions: app.services.sessions,
    translator: app.translator,
    logger,
    clock,
    receipts: app.broadcasting.receipts,
  });
  for (const [index, number] of (options.staffNumbers ?? []).entries())
    await createStaffAccount(app.services, { username: `wa-cloud-${index}`, whatsappNumber: number });
  await channel.start();
  const webhookUrl = `http://127.0.0.1:${channel.port}${path}`;
  graph.setWebhookUrl(webhookUrl);
  app.hub.register(channel.sender);
  let counter = 0;

  /** Posts a payload as Meta would, signed with the app secret (or with `signature` as given). */
  async function post(payload: unknown, signature?: string | null): Promise<Response> {
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (signature !== null) headers["x-hub-signature-256"] = signature ?? signBody(body, graph.secret);
    return fetch(webhookUrl, { method: "POST", headers, body });
  }

  function user(waId: string, name = "Warga") {
    const to = (m: SentMessage) => m.to === waId;
    async function sends(content: Record<string, unknown>, id = `wamid.IN${waId}.${++counter}`) {
      const message = {
        from: waId,
        id,
        timestamp: String(Math.floor(clock.now().getTime() / 1000)),
        ...content,
      };
      const response = await post(
        toWebhookEnvelope({ contacts: [{ profile: { name }, wa_id: waId }], messages: [message] }),
      );
      clock.advance(1000);
      return { response, message };
    }
    return {
      waId,
      sends,
      says: (text: string) => sends({ type: "text", text: { body: text } }),
      presses: (id: string, title = id) =>
        sends({ type: "interactive", interactive: { type: "button_reply", button_reply: { id, title } } }),
      picks: (id: string, title = id) =>
        sends({ type: "interactive", interactive: { type: "list_reply", list_reply: { id, title } } }),
      sendsPhoto: (bytes: Uint8Array, caption?: string, mimeType = "image/jpeg") =>
        sends({
          type: "image",
          image: {
            id: graph.addMedia(bytes, mimeType),
            mime_type: mimeType,
            ...(caption ? { caption } : {}),
          },
        }),
      sharesContact: (waNumber: string) =>
        sends({
          type: "contacts",
          contacts: [{ name: { formatted_name: "Saya" }, phones: [{ wa_id: waNumber }] }],
        }),
      /** Taps the button or list row whose title contains `label` in the bot's last message. */
      async taps(label: string) {
        const message = graph.sent.filter(to).at(-1);
        const last = message?.body.interactive;
        const options = toChoices(message);
        const option = options.find((o) => o.title.toLowerCase().includes(label.toLowerCase()));
        if (!option)
          throw new Error(`No button "${label}" in the last message: ${JSON.stringify(last ?? null)}`);
        const kind = last?.type === "button" ? "button_reply" : "list_reply";
        return sends({ type: "interactive", interactive: { type: kind, [kind]: option } });
      },
      /** Everything the bot sent this user, in order. */
      messages: () => graph.sent.filter(to),
      texts: () => graph.sent.filter(to).map(toReadable),
      lastText: () => graph.sent.filter(to).map(toReadable).at(-1) ?? "",
      last: () => graph.sent.filter(to).at(-1),
    };
  }

  return {
    app,
    graph,
    channel,
    clock,
    logger,
    store,
    webhookUrl,
    post,
    user,
    errors: () => logger.entries.filter((e) => e.level === "error"),
    async stop() {
      await channel.stop();
      await graph.close();
    },
  };
}

export type CloudHarness = Awaited<ReturnType<typeof startCloudHarness>>;
