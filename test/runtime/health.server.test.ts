import { startHealthServer, type HealthServer, type ReadinessReport } from "../../src/runtime/health.server";
import { silentLogger } from "../../src/security/pino.logger";

describe("health server", () => {
  const servers: HealthServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });
  async function start(report: () => Promise<ReadinessReport>) {
    const server = await startHealthServer({
      port: 0,
      host: "127.0.0.1",
      logger: silentLogger,
      readiness: report,
    });
    if (!server) throw new Error("not started");
    servers.push(server);
    return (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);
  }

  it("answers /health while the process runs and /ready 503 naming what is down", async () => {
    const get = await start(async () => ({
      ready: false,
      storage: { kind: "mongo", reachable: false },
      channels: { telegram: "running" },
    }));
    expect((await get("/health")).status).toBe(200);
    const ready = await get("/ready");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: "not ready",
      ready: false,
      storage: { kind: "mongo", reachable: false },
      channels: { telegram: "running" },
    });
    expect((await get("/other")).status).toBe(404);
  });

  it("answers /ready 200 when storage and channels are up", async () => {
    const get = await start(async () => ({
      ready: true,
      storage: { kind: "mongo", reachable: true },
      channels: { telegram: "running" },
    }));
    expect((await get("/ready")).status).toBe(200);
  });

  it("warns and carries on (no server) when the port is taken", async () => {
    const first = await startHealthServer({
      port: 0,
      host: "127.0.0.1",
      logger: silentLogger,
      readiness: async () => ({ ready: true, storage: { kind: "memory", reachable: true }, channels: {} }),
    });
    if (first) servers.push(first);
    const warnings: string[] = [];
    const second = await startHealthServer({
      port: first?.port ?? 0,
      host: "127.0.0.1",
      logger: { ...silentLogger, warn: (_fields, message) => void warnings.push(message) },
      readiness: async () => ({ ready: true, storage: { kind: "memory", reachable: true }, channels: {} }),
    });
    expect(second).toBeUndefined();
    expect(warnings[0]).toContain("health server not started");
  });
});
