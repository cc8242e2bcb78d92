/**
 * No Docker engine runs on the test machines, so the deployment files are checked as text: the
 * compose file parses and describes the documented topology, the image installs what CI installs,
 * and the systemd unit restarts the bot when it exits with code 1.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { configSchema } from "../../src/config";

const root = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

type Service = {
  image?: string;
  build?: string;
  command?: string[];
  deploy?: { replicas?: number | string };
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: string[] };
};
const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, Service> };

describe("compose.yaml", () => {
  const { services } = compose;

  it("runs MongoDB as a replica set that the bots connect to by its name", () => {
    expect(services.mongo?.command).toEqual(expect.arrayContaining(["--replSet", "rs0"]));
    expect(services.mongo?.healthcheck?.test.join(" ")).toContain("rs.initiate");
    for (const name of ["telegram", "whatsapp"])
      expect(services[name]?.environment?.MONGODB_URI).toBe("mongodb://mongo:27017/jamsos?replicaSet=rs0");
  });

  it("runs N Telegram webhook workers and exactly one WhatsApp instance", () => {
    const telegram = services.telegram;
    expect(telegram?.deploy?.replicas).toBe("${TELEGRAM_REPLICAS:-2}");
    expect(telegram?.environment?.TELEGRAM_WEBHOOK_URL).toMatch(/^https:\/\/.+\/telegram\/hook$/);
    expect(telegram?.environment?.WHATSAPP_ENABLED).toBe("false");
    expect(services.whatsapp?.deploy?.replicas).toBe(1);
    expect(services.whatsapp?.environment).toMatchObject({
      TELEGRAM_BOT_TOKEN: "",
      WHATSAPP_ENABLED: "true",
    });
  });

  it("shares the documents folder between every bot instance and keeps the WhatsApp login", () => {
    for (const name of ["telegram", "whatsapp"])
      expect(services[name]?.volumes).toContain("documents:/data/documents");
    expect(services.whatsapp?.volumes).toContain("whatsapp:/data/whatsapp");
  });

  it("only sets variables the bot knows (besides compose's own)", () => {
    const known = new Set(Object.keys(configSchema.shape));
    for (const name of ["telegram", "whatsapp"])
      for (const key of Object.keys(services[name]?.environment ?? {})) expect(known).toContain(key);
  });

  it("sends the webhook path to the Telegram workers' webhook port", () => {
    const caddyfile = read("deploy/Caddyfile");
    expect(caddyfile).toContain("handle /telegram/hook");
    expect(caddyfile).toContain(
      `dynamic a telegram ${services.telegram?.environment?.TELEGRAM_WEBHOOK_PORT}`,
    );
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  const ci = read(".ci/run");

  it("installs Debian's Chromium and the locked packages as CI does, with puppeteer's download off", () => {
    expect(ci).toContain("apt-get install -y -qq chromium");
    expect(dockerfile).toMatch(/apt-get install -y --no-install-recommends chromium/);
    expect(ci).toContain("npm ci");
    expect(dockerfile).toContain("RUN npm ci");
    expect(dockerfile).toContain(".puppeteerrc.cjs");
  });

  it("uses the Node version of .nvmrc and package.json's engines, and runs start:prod", () => {
    const nvmrc = read(".nvmrc").trim();
    const pkg = JSON.parse(read("package.json")) as {
      engines: { node: string };
      scripts: Record<string, string>;
    };
    expect(dockerfile).toContain(`FROM node:${nvmrc}-bookworm-slim AS build`);
    expect(pkg.engines.node).toBe(`>=${nvmrc}.0`);
    expect(pkg.scripts["start:prod"]).toBe("node dist/src/main.js");
    expect(dockerfile).toContain('CMD ["node", "dist/src/main.js"]');
  });

  it("serves /health on 0.0.0.0 so Docker's HEALTHCHECK and other containers reach it", () => {
    expect(dockerfile).toContain("HEALTH_HOST=0.0.0.0");
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/health/);
  });
});

describe("systemd unit", () => {
  it("restarts the bot when it exits with code 1 and waits longer than the bot's own stop deadline", () => {
    const unit = read("deploy/jamsos-bot.service");
    expect(unit).toContain("Restart=on-failure");
    const stopSeconds = Number(/TimeoutStopSec=(\d+)/.exec(unit)?.[1]);
    expect(stopSeconds).toBeGreaterThan(configSchema.parse({}).SHUTDOWN_TIMEOUT_SECONDS);
    expect(unit).toContain("ExecStart=/usr/bin/node dist/src/main.js");
  });
});
