/**
 * WhatsApp on the official Cloud API: the webhook (verified, signed) feeds users' messages to the
 * inbound pipeline and statuses to the delivery receipts; replies and proactive messages go out
 * through the Graph API at the account's rate. The same `whatsapp` channel and identity as the web
 * client (a person keeps one conversation whichever transport runs); several instances may run
 * behind a load balancer, since nothing here is kept in memory but pacing and recent message ids.
 */
import type { ChannelCapabilities } from "../../core/channel-contract";
import type { InboundHandler } from "../../core/handle-inbound";
import { toLoggedMessageId } from "../../core/handle-inbound";
import { toConversationKey, type Reply } from "../../core/messages";
import type { Clock, DeliveryReceipts, Logger, Translator } from "../../core/ports";
import { renderReplies } from "../../core/render";
import type { SessionStore } from "../../core/session.store";
import { createGraphClient, type FetchFn, type RetryPolicy } from "./graph-api.client";
import { createRateGate, type GateTimer } from "./graph-api.pace";
import { createCloudMediaLoader } from "./whatsapp-cloud.media";
import { toDeliveryReceipt, toInboundFromCloud, type CloudMappingContext } from "./whatsapp-cloud.mapping";
import { toWebhookBatch, webhookPayloadSchema, type CloudMessage } from "./whatsapp-cloud.payload";
import { createCloudSender } from "./whatsapp-cloud.sender";
import { startCloudWebhookServer, type CloudWebhookServer } from "./whatsapp-cloud.webhook";

export type WhatsAppCloudOptions = {
  webhook: { port: number; host?: string; path: string; appSecret: string; verifyToken: string };
  graph: {
    apiRoot: string;
    version: string;
    phoneNumberId: string;
    accessToken: string;
    fetch?: FetchFn;
    retry?: RetryPolicy;
  };
  capabilities: ChannelCapabilities;
  inbound: Pick<InboundHandler, "handle">;
  sessions: Pick<SessionStore, "load">;
  translator: Translator;
  logger: Logger;
  clock: Clock;
  /** Where statuses of broadcast messages go (delivered, read, failed). */
  receipts?: DeliveryReceipts;
  /** Real time for pacing (tests pass a fast one). */
  timer?: GateTimer;
};

/** Message ids handled here lately: a redelivered webhook is dropped before any work. */
function createRecentIds(limit: number) {
  const ids = new Set<string>();
  return {
    has: (id: string) => ids.has(id),
    add(id: string) {
      ids.add(id);
      if (ids.size > limit) ids.delete(ids.values().next().value as string);
    },
  };
}

export function createWhatsAppCloudChannel(options: WhatsAppCloudOptions) {
  const log = options.logger.child({ channel: "whatsapp", transport: "cloud" });
  const rate = options.capabilities.unsolicited.ratePerSecond ?? 80;
  const client = createGraphClient({ ...options.graph, gate: createRateGate(rate, options.timer) });
  const cloud = createCloudSender({ ...options, client });
  const recent = createRecentIds(5_000);
  const mapping: Omit<CloudMappingContext, "names"> = {
    receives: options.capabilities.media.receives,
    loadMedia: createCloudMediaLoader(client),
  };
  let server: CloudWebhookServer | undefined;

  async function refuse(userId: string, reply: Reply): Promise<void> {
    const session = await options.sessions.load(toConversationKey("whatsapp", userId)).catch(() => null);
    await cloud.reply(userId, renderReplies([reply], session?.language ?? "id", options.translator));
  }

  async function handleMessage(message: CloudMessage, names: ReadonlyMap<string, string>): Promise<void> {
    if (recent.has(message.id))
      return log.debug({ messageId: toLoggedMessageId(message.id) }, "redelivered message dropped");
    const mapped = toInboundFromCloud(message, { ...mapping, names });
    if (mapped.type === "ignored")
      log.debug({ reason: mapped.reason, type: message.type }, "whatsapp message ignored");
    else if (mapped.type === "refused") await refuse(mapped.userId, mapped.reply);
    else
      await options.inbound.handle(mapped.message, (messages) =>
        cloud.reply(mapped.message.userId, messages),
      );
    recent.add(message.id);
  }

  async function onPayload(payload: unknown): Promise<void> {
    const parsed = webhookPayloadSchema.safeParse(payload);
    if (!parsed.success)
      return log.warn({ issues: parsed.error.issues.length }, "whatsapp webhook payload not understood");
    const batch = toWebhookBatch(parsed.data, options.graph.phoneNumberId);
    if (batch.unreadable > 0 || batch.errors.length > 0)
      log.warn(
        { unreadable: batch.unreadable, errors: batch.errors },
        "whatsapp webhook carried items the bot cannot read",
      );
    const receipts = batch.statuses.flatMap((s) => toDeliveryReceipt(s) ?? []);
    // Messages of one person are queued in order by the pipeline; different people run side by side.
    await Promise.all([
      ...receipts.map((r) => options.receipts?.record(r)),
      ...batch.messages.map((m) => handleMessage(m, batch.names)),
    ]);
  }

  return {
    sender: cloud.sender,
    /** Sends a photo or document to a user (no flow sends files yet; staff tools may). */
    sendFile: cloud.sendFile,
    client,
    /** Starts the webhook server; Meta then delivers to the public URL configured in its console. */
    async start(): Promise<void> {
      server = await startCloudWebhookServer({ ...options.webhook, onPayload, logger: log });
      log.info({ port: server.port, path: options.webhook.path }, "whatsapp cloud webhook listening");
    },
    async stop(): Promise<void> {
      await server?.close();
    },
    get port(): number {
      return server?.port ?? 0;
    },
  };
}

export type WhatsAppCloudChannel = ReturnType<typeof createWhatsAppCloudChannel>;
