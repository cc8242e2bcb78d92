/**
 * Sends through the Cloud API: replies at once; unsolicited messages (reminders, status pushes,
 * broadcasts) spaced per person (Meta's pair rate) and, when the person's last message is older
 * than the 24-hour service window, as an approved template. A Graph API failure becomes the
 * AppError the rest of the bot understands: retry later (`retryAfterSeconds`), a policy skip
 * (NOT_ALLOWED), a final failure (`final`), or the channel unavailable until staff act.
 */
import { AppError } from "../../core/errors";
import { isOutsideServiceWindow, type ChannelCapabilities } from "../../core/channel-contract";
import { toConversationKey, type OutboundMessage } from "../../core/messages";
import type { ChannelSender, Clock, SendContext, SendKind, Translator } from "../../core/ports";
import type { SessionStore } from "../../core/session.store";
import { GraphApiError } from "./graph-api.errors";
import { realGateTimer, type GateTimer } from "./graph-api.pace";
import type { GraphClient } from "./graph-api.client";
import { toCloudPayloads, toPlainText } from "./whatsapp-cloud.render";
import { toTemplatePayload } from "./whatsapp-cloud.templates";

/** A file to send: a photo (JPEG/PNG, ≤ 5 MB) or a document (PDF…). */
export type OutboundFile = {
  kind: "photo" | "document";
  bytes: Uint8Array;
  mimeType: string;
  fileName: string;
  caption?: string;
};

export type CloudSenderDeps = {
  client: Pick<GraphClient, "sendMessage" | "uploadMedia">;
  capabilities: ChannelCapabilities;
  sessions: Pick<SessionStore, "load">;
  translator: Translator;
  /** The app's clock, for the service window. */
  clock: Clock;
  /** Real time, for spacing messages to one person (default: performance.now and setTimeout). */
  timer?: GateTimer;
};

/** "+6281…" → "6281…": the Cloud API's recipient form. */
export const toRecipient = (userId: string) => userId.replace(/^\+/, "");

/** Turns a Graph API failure into the bot's AppError; other errors (connection lost mid-way) stay uncertain. */
export function toSendError(error: unknown): AppError {
  if (!(error instanceof GraphApiError))
    return new AppError(
      "CHANNEL_SEND_FAILED",
      "Cloud API request failed",
      { reason: "network" },
      { cause: error },
    );
  const { failure, code } = error;
  const base = { channel: "whatsapp", code, reason: failure.reason };
  switch (failure.action) {
    case "retry":
      return new AppError(
        "CHANNEL_SEND_FAILED",
        "Cloud API asked to wait",
        {
          ...base,
          retryAfterSeconds: Math.ceil(failure.waitMs / 1000),
        },
        { cause: error },
      );
    case "unavailable":
      return new AppError(
        "CHANNEL_SEND_FAILED",
        "Cloud API refused the account",
        { ...base, unavailable: true },
        { cause: error },
      );
    case "giveUp":
      return failure.skip
        ? new AppError("NOT_ALLOWED", "Meta limits what this person receives", base, { cause: error })
        : new AppError(
            "CHANNEL_SEND_FAILED",
            "The recipient cannot get this message",
            { ...base, final: true },
            { cause: error },
          );
    case "template":
      return new AppError("NOT_ALLOWED", "Outside the 24-hour window and no template to send", base, {
        cause: error,
      });
  }
}

export function createCloudSender(deps: CloudSenderDeps) {
  const timer = deps.timer ?? realGateTimer;
  const nextForUser = new Map<string, number>();
  const interval = deps.capabilities.unsolicited.perUserIntervalMs ?? 0;

  /** Waits until this person may get another unsolicited message (Meta's pair rate). */
  async function pairSlot(userId: string): Promise<void> {
    if (interval <= 0) return;
    const now = timer.now();
    const slot = Math.max(now, nextForUser.get(userId) ?? 0);
    nextForUser.set(userId, slot + interval);
    if (nextForUser.size > 10_000) for (const [id, at] of nextForUser) if (at <= now) nextForUser.delete(id);
    if (slot > now) await timer.sleep(slot - now);
  }

  const render = (messages: readonly OutboundMessage[], language: SendContext["language"]) =>
    toCloudPayloads(messages, {
      capabilities: deps.capabilities,
      listButtonLabel: deps.translator.t(language, "whatsapp:cloud.listButton"),
    });

  async function post(userId: string, payloads: readonly Record<string, unknown>[], reference?: string) {
    for (const payload of payloads)
      await deps.client.sendMessage({
        to: toRecipient(userId),
        ...payload,
        ...(reference ? { biz_opaque_callback_data: reference } : {}),
      });
  }

  /** Whether this proactive message must be a template (closed window) for this person now. */
  async function needsTemplate(userId: string): Promise<boolean> {
    const session = await deps.sessions.load(toConversationKey("whatsapp", userId)).catch(() => null);
    return isOutsideServiceWindow(deps.capabilities, session?.lastActivityAt, deps.clock.now());
  }

  async function send(userId: string, messages: OutboundMessage[], kind: SendKind, context?: SendContext) {
    const language = context?.language ?? "id";
    try {
      if (kind === "unsolicited") await pairSlot(userId);
      if (context && kind === "unsolicited" && (await needsTemplate(userId)))
        return await post(userId, [toTemplatePayload(context, toPlainText(messages))], context.reference);
      try {
        await post(userId, render(messages, language), context?.reference);
      } catch (error) {
        // The window closed sooner than the session says (131047): send the template instead.
        if (!(error instanceof GraphApiError && error.failure.action === "template" && context)) throw error;
        await post(userId, [toTemplatePayload(context, toPlainText(messages))], context.reference);
      }
    } catch (error) {
      throw toSendError(error);
    }
  }

  /** Uploads a file and sends it (within the service window: files cannot go as templates). */
  async function sendFile(userId: string, file: OutboundFile): Promise<void> {
    try {
      const id = await deps.client.uploadMedia(file.bytes, file.mimeType, file.fileName);
      const type = file.kind === "photo" ? "image" : "document";
      const media = {
        id,
        ...(file.caption ? { caption: file.caption } : {}),
        ...(type === "document" ? { filename: file.fileName } : {}),
      };
      await post(userId, [{ type, [type]: media }]);
    } catch (error) {
      throw toSendError(error);
    }
  }

  const sender: ChannelSender = { channel: "whatsapp", send };
  /** Replies to a message the user just sent (the inbound pipeline's `respond`). */
  const reply = (userId: string, messages: OutboundMessage[]) => send(userId, messages, "reply");
  return { sender, reply, sendFile };
}
