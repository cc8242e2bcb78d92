import type { StaffAlert } from "../../src/core/staff-alert.port";
import type { Recipient } from "../../src/core/ports";
import { silentLogger } from "../../src/security/pino.logger";
import { createStaffAlerts } from "../../src/security/staff-alerts";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createAttempts } from "../../src/storage/repositories/attempts.repository";
import { createAuditLog } from "../../src/storage/repositories/audit.repository";
import { testVaultKeys } from "../support/test-chat";

const vault = createVault(testVaultKeys);
const rule = { name: "test.lookup", limit: 3, windowMs: 60_000 };
const t0 = new Date("2026-03-02T02:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function setup() {
  const store = createMemoryDocumentStore();
  const alerts: StaffAlert[] = [];
  const attempts = createAttempts({
    store,
    alerts: { raise: async (alert) => void alerts.push(alert) },
    logger: silentLogger,
    pseudonymise: (s) => vault.hash(s),
  });
  return { store, attempts, alerts };
}

describe("stored attempt limits", () => {
  it("allows `limit` attempts in a window, refuses the next ones and opens again when the window ends", async () => {
    const { attempts } = setup();
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await attempts.hit(rule, "telegram:1", at(i * 1000)));
    expect(outcomes.map((o) => o.allowed)).toEqual([true, true, true, false, false]);
    expect(outcomes[2]).toMatchObject({ remaining: 0 });
    expect(outcomes[3]?.resetAt).toEqual(at(60_000));
    expect((await attempts.check(rule, "telegram:1", at(59_999))).allowed).toBe(false);
    expect((await attempts.hit(rule, "telegram:1", at(60_000))).allowed).toBe(true);
  });

  it("counts each subject on its own and forgets a subject when cleared", async () => {
    const { attempts } = setup();
    for (let i = 0; i < 4; i++) await attempts.hit(rule, "telegram:1", t0);
    expect((await attempts.hit(rule, "telegram:2", t0)).allowed).toBe(true);
    await attempts.clear(rule, "telegram:1");
    expect((await attempts.hit(rule, "telegram:1", t0)).allowed).toBe(true);
  });

  it("keeps counting across two app instances on one store (nothing lives in a session or in memory)", async () => {
    const first = setup();
    const second = createAttempts({
      store: first.store,
      alerts: { raise: async () => undefined },
      logger: silentLogger,
      pseudonymise: (s) => vault.hash(s),
    });
    await Promise.all([0, 1, 2, 3].map((i) => (i % 2 ? second : first.attempts).hit(rule, "nik", t0)));
    expect((await second.check(rule, "nik", t0)).allowed).toBe(false);
    expect((await first.attempts.hit(rule, "nik", t0)).count).toBe(5);
  });

  it("check says whether one more attempt would be allowed, without counting it", async () => {
    const { attempts } = setup();
    expect(await attempts.check(rule, "x", t0)).toMatchObject({ allowed: true, remaining: 3 });
    await attempts.hit(rule, "x", t0);
    await attempts.hit(rule, "x", t0);
    expect(await attempts.check(rule, "x", t0)).toMatchObject({ allowed: true, remaining: 1 });
    await attempts.hit(rule, "x", t0);
    expect((await attempts.check(rule, "x", t0)).allowed).toBe(false);
  });

  it("raises one staff alert per window, on the first refused attempt, naming who tried", async () => {
    const { attempts, alerts } = setup();
    for (let i = 0; i < 6; i++)
      await attempts.hit(rule, "whatsapp:+6281234567890", t0, { by: "whatsapp:+628" });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: "rateLimited",
      details: { rule: "test.lookup", by: "whatsapp:+628" },
    });
    expect(alerts[0]?.target).toMatch(/^attempts:test\.lookup:[0-9a-f]{16}$/);
  });

  it("stores the subject only as a keyed hash", async () => {
    const { store, attempts } = setup();
    await attempts.hit(rule, "whatsapp:+6281234567890", t0);
    await attempts.hit(rule, "1571080703800001", t0);
    const raw = JSON.stringify(await store.collection({ name: "attempts", indexes: [] }).find({}));
    expect(raw).not.toContain("6281234567890");
    expect(raw).not.toContain("1571080703800001");
  });
});

describe("staff alerts", () => {
  const alert: StaffAlert = {
    kind: "rateLimited",
    target: "attempts:test.lookup:0123456789abcdef",
    at: t0,
    replies: [{ key: "security:staffAlert.rateLimited", params: { rule: "test.lookup", until: at(60_000) } }],
    details: { rule: "test.lookup", by: "telegram:99" },
  };

  it("audits every alert and messages each staff contact, at most a set number per hour", async () => {
    const store = createMemoryDocumentStore();
    const audit = createAuditLog(store);
    const sent: Recipient[] = [];
    const alerts = createStaffAlerts({
      audit,
      logger: silentLogger,
      notifier: { notify: async (recipient) => (sent.push(recipient), "sent") },
      recipients: async () => [
        { channel: "telegram", userId: "1" },
        { channel: "whatsapp", userId: "+6281100000000" },
      ],
      maxMessagesPerHour: 2,
    });
    for (let i = 0; i < 3; i++) await alerts.raise(alert);
    expect(sent).toHaveLength(4);
    const entries = await audit.list({ since: t0 });
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ action: "alert.rateLimited", actor: "telegram:99" });
    await alerts.raise({ ...alert, at: at(3600_000) });
    expect(sent).toHaveLength(6);
  });
});
