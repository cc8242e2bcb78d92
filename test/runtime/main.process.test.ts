/**
 * The bot as an operator runs it: `src/main.ts` in its own process, configured by a `.env` in its
 * working directory, with telegram-test-api as Telegram. Exit codes and /health, /ready as
 * systemd, Docker and a load balancer see them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type TelegramServer from "telegram-test-api";
import { freePort, startEmulator } from "../support/telegram-emulator";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const token = "123456:ENVFILE-token";

type Bot = { child: ChildProcess; stderr: () => string; exited: Promise<number | null> };

/** Starts main.ts in a fresh folder holding `.env`; the environment carries no bot settings. */
function startBot(envFile: string, extraEnv: Record<string, string> = {}): Bot {
  const dir = mkdtempSync(path.join(tmpdir(), "jamsos-main-"));
  writeFileSync(path.join(dir, ".env"), envFile);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(TELEGRAM_|WHATSAPP_|MONGODB_URI|HEALTH_|CHANNEL_FAILURE|TERMINAL_CHAT|LOG_)/.test(key),
    ),
  );
  const child = spawn(tsx, [path.join(root, "src/main.ts")], {
    cwd: dir,
    env: { ...env, NODE_ENV: "development", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const getJson = async (url: string) => {
  const response = await fetch(url).catch(() => undefined);
  return response
    ? { status: response.status, body: (await response.json()) as Record<string, unknown> }
    : undefined;
};

describe("the bot as a service (main.ts in its own process)", () => {
  let emulator: TelegramServer;
  const bots: Bot[] = [];
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => {
    for (const bot of bots.splice(0)) if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it("reads the Telegram token from .env alone and answers a user through the emulator", async () => {
    const healthPort = await freePort();
    const bot = startBot(
      [
        `TELEGRAM_BOT_TOKEN=${token}`,
        `TELEGRAM_API_ROOT=${emulator.config.apiURL}`,
        "EMBEDDED_MONGO=false",
        `HEALTH_PORT=${healthPort}`,
      ].join("\n"),
    );
    bots.push(bot);
    const ready = await eventually(async () => {
      const answer = await getJson(`http://127.0.0.1:${healthPort}/ready`);
      return answer?.status === 200 ? answer : undefined;
    }, 15_000);
    expect(ready.body).toMatchObject({
      status: "ready",
      storage: { kind: "memory", reachable: true },
      channels: { telegram: "running" },
    });
    const client = emulator.getClient(token, { userId: 777, chatId: 777, firstName: "Sari" });
    await client.sendMessage(client.makeMessage("halo"));
    const reply = await eventually(
      () =>
        emulator.storage.botMessages.find((m) => String(m.message.chat_id) === "777")?.message as
          { text: string } | undefined,
      10_000,
    );
    expect(reply.text).toContain("Jamsos Bot");
    expect(await getJson(`http://127.0.0.1:${healthPort}/health`)).toEqual({
      status: 200,
      body: { status: "ok" },
    });
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  });

  it("exits with code 1, saying why, when its only channel cannot start", async () => {
    const bot = startBot(
      [
        `TELEGRAM_BOT_TOKEN=${token}`,
        `TELEGRAM_API_ROOT=http://127.0.0.1:${await freePort()}`,
        "EMBEDDED_MONGO=false",
        "HEALTH_PORT=0",
      ].join("\n"),
    );
    bots.push(bot);
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain("jamsos-bot: no channel can run (telegram: Telegram could not start");
  });

  it("keeps retrying with CHANNEL_FAILURE=retry: alive but not ready, and stops on SIGTERM", async () => {
    const healthPort = await freePort();
    const bot = startBot(
      [
        `TELEGRAM_BOT_TOKEN=${token}`,
        `TELEGRAM_API_ROOT=http://127.0.0.1:${await freePort()}`,
        "EMBEDDED_MONGO=false",
        "CHANNEL_FAILURE=retry",
        `HEALTH_PORT=${healthPort}`,
      ].join("\n"),
    );
    bots.push(bot);
    const failed = await eventually(async () => {
      const answer = await getJson(`http://127.0.0.1:${healthPort}/ready`);
      return answer && (answer.body.channels as Record<string, string>).telegram === "failed"
        ? answer
        : undefined;
    }, 15_000);
    expect(failed.status).toBe(503);
    expect((await getJson(`http://127.0.0.1:${healthPort}/health`))?.status).toBe(200);
    expect(bot.child.exitCode).toBeNull();
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  });

  it("lets the environment win over .env", async () => {
    const healthPort = await freePort();
    const bot = startBot(`TELEGRAM_BOT_TOKEN=${token}\nEMBEDDED_MONGO=false\nHEALTH_PORT=1\n`, {
      HEALTH_PORT: String(healthPort),
      TELEGRAM_BOT_TOKEN: "",
      TERMINAL_CHAT: "false",
    });
    bots.push(bot);
    const health = await eventually(() => getJson(`http://127.0.0.1:${healthPort}/health`), 15_000);
    expect(health.status).toBe(200);
    const ready = await getJson(`http://127.0.0.1:${healthPort}/ready`);
    expect(ready?.body.channels).toEqual({});
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  });
});
