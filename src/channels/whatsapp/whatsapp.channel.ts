/**
 * The WhatsApp channel: owns one client at a time through the narrow WhatsAppClient port, starts
 * it without blocking the other channels, reconnects with backoff after a disconnect, reports
 * login problems in one clear line, and sends replies at once but unsolicited messages paced.
 */
import type { InboundHandler } from "../../core/handle-inbound";
import type { Clock, Logger, Translator } from "../../core/ports";
import type { SessionStore } from "../../core/session.store";
import type { WhatsAppClient, WhatsAppClientFactory } from "./whatsapp-client.port";
import { handleIncoming } from "./whatsapp.inbound";
import { defaultMediaLimits, type MediaLimits } from "./whatsapp.mapping";
import type { Pacer } from "./whatsapp.pacer";
import { createWhatsAppSender } from "./whatsapp.outbound";
import type { QrPresenter } from "./whatsapp.qr";
import { toStartProblem } from "./whatsapp.problems";

export type Timers = {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type WhatsAppChannelDeps = {
  createClient: WhatsAppClientFactory;
  inbound: InboundHandler;
  sessions: SessionStore;
  translator: Translator;
  logger: Logger;
  clock: Clock;
  pacer: Pacer;
  /** Where the login is kept, named in the "scan again" advice. */
  authLocation: string;
  qr?: QrPresenter;
  mediaLimits?: MediaLimits;
  /** Backoff between reconnection attempts: initial, doubled each time up to max. */
  reconnect?: { initialMs: number; maxMs: number };
  /** A start that neither succeeds nor fails in this time counts as failed. */
  startTimeoutMs?: number;
  timers?: Timers;
};

export type WhatsAppState =
  "idle" | "starting" | "waitingForLogin" | "ready" | "reconnecting" | "failed" | "stopped";
export type StartOutcome = { status: "started" } | { status: "failed"; reason: string };

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function createWhatsAppChannel(deps: WhatsAppChannelDeps) {
  const log = deps.logger.child({ channel: "whatsapp" });
  const timers = deps.timers ?? realTimers;
  const backoff = deps.reconnect ?? { initialMs: 5_000, maxMs: 5 * 60_000 };
  const incomingDeps = { ...deps, mediaLimits: deps.mediaLimits ?? defaultMediaLimits };
  let client: WhatsAppClient | undefined;
  let state: WhatsAppState = "idle";
  let readyAt: Date | undefined;
  let attempts = 0;
  let timer: unknown;
  /** Messages and disconnects being handled; stop() lets them finish before closing the client. */
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const idle = async () => {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  };

  function listen(current: WhatsAppClient): void {
    const live = () => client === current && state !== "stopped";
    current.on("qr", (qr) => {
      if (!live()) return;
      state = "waitingForLogin";
      deps.qr?.show(qr).then(
        (pngPath) => log.info({ pngPath }, "WhatsApp login QR shown in the terminal and saved as a PNG"),
        (error: unknown) => log.warn({ err: error }, "WhatsApp login QR could not be shown"),
      );
    });
    current.on("ready", () => {
      if (!live()) return;
      state = "ready";
      readyAt = deps.clock.now();
      attempts = 0;
      void deps.qr?.clear().catch(() => undefined);
      log.info({}, "WhatsApp connected and ready");
    });
    current.on("message", (message) => {
      if (live()) track(handleIncoming(incomingDeps, current, message, readyAt));
    });
    current.on("auth_failure", (message) => {
      if (!live()) return;
      state = "failed";
      readyAt = undefined;
      log.error(
        { reason: message, authLocation: deps.authLocation },
        `WhatsApp login was refused: delete ${deps.authLocation} and restart the bot to scan a new QR`,
      );
    });
    current.on("disconnected", (reason) => {
      if (live()) track(onDisconnected(current, reason));
    });
  }

  async function onDisconnected(current: WhatsAppClient, reason: string): Promise<void> {
    readyAt = undefined;
    if (reason === "LOGOUT") {
      // whatsapp-web.js keeps this client, clears the login and shows a new QR by itself.
      state = "waitingForLogin";
      log.error(
        { reason, authLocation: deps.authLocation },
        "WhatsApp was logged out (unlinked on the phone): scan the new QR to link the bot's number again",
      );
      return;
    }
    state = "reconnecting";
    await current
      .destroy()
      .catch((error: unknown) => log.debug({ err: error }, "destroy after disconnect failed"));
    scheduleReconnect(reason);
  }

  function scheduleReconnect(reason: string): void {
    if (state === "stopped") return;
    attempts += 1;
    const delayMs = Math.min(backoff.initialMs * 2 ** (attempts - 1), backoff.maxMs);
    state = "reconnecting";
    log.warn({ reason, attempt: attempts, delayMs }, "WhatsApp disconnected; reconnecting");
    timer = timers.setTimeout(() => {
      timer = undefined;
      void connect().then((outcome) => {
        if (outcome.status === "failed") scheduleReconnect(outcome.reason);
      });
    }, delayMs);
  }

  /** Builds a fresh client and initialises it; on failure the client is destroyed. */
  async function connect(): Promise<StartOutcome> {
    let current: WhatsAppClient;
    try {
      current = deps.createClient();
    } catch (error) {
      return { status: "failed", reason: toStartProblem(error) };
    }
    client = current;
    listen(current);
    const started = current.initialize();
    let timeout: unknown;
    const limit = new Promise<never>((_, reject) => {
      timeout = timers.setTimeout(
        () => reject(new Error(`initialize() did not finish within ${deps.startTimeoutMs ?? 120_000} ms`)),
        deps.startTimeoutMs ?? 120_000,
      );
    });
    try {
      await Promise.race([started, limit]);
      if (state === "starting" || state === "reconnecting") state = "waitingForLogin";
      return { status: "started" };
    } catch (error) {
      started.catch(() => undefined);
      await current.destroy().catch(() => undefined);
      if (client === current) client = undefined;
      return { status: "failed", reason: toStartProblem(error) };
    } finally {
      timers.clearTimeout(timeout);
    }
  }

  /** Starts WhatsApp; never rejects. A failure is logged in one line and leaves the channel off. */
  async function start(): Promise<StartOutcome> {
    state = "starting";
    const outcome = await connect();
    if (outcome.status === "failed" && (state as WhatsAppState) !== "stopped") {
      state = "failed";
      log.error(
        { reason: outcome.reason },
        `WhatsApp could not start: ${outcome.reason}. The other channels keep running.`,
      );
    }
    return outcome;
  }

  async function stop(): Promise<void> {
    state = "stopped";
    if (timer !== undefined) timers.clearTimeout(timer);
    await deps.pacer.stop().catch(() => undefined);
    await idle();
    const current = client;
    client = undefined;
    await current
      ?.destroy()
      .catch((error: unknown) => log.warn({ err: error }, "WhatsApp client did not close cleanly"));
  }

  const sender = createWhatsAppSender({
    sessions: deps.sessions,
    pacer: deps.pacer,
    connected: () => (state === "ready" ? client : undefined),
  });
  return {
    sender,
    start,
    stop,
    /** Resolves when every message received so far has been handled (tests, shutdown). */
    idle,
    get state() {
      return state;
    },
  };
}

export type WhatsAppChannel = ReturnType<typeof createWhatsAppChannel>;
