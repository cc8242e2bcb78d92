import { createConsoleClient } from "../support/console-client";
import { passwords, startConsoleWorld, type ConsoleWorld } from "../support/console-world";

let world: ConsoleWorld;
beforeAll(async () => {
  world = await startConsoleWorld();
});
afterAll(() => world.stop());

const audited = async (action: string) =>
  (await world.chat.app.services.audit.list({ action })).map((e) => e.actor);

describe("console login", () => {
  it("logs in with the right password and sets a __Host- session cookie that is HttpOnly, Secure and SameSite=Strict", async () => {
    const client = createConsoleClient(world.url);
    const response = await client.login("admin", passwords.admin);
    expect(response.status).toBe(303);
    const cookie = response.cookies.find((c) => c.startsWith("__Host-jamsos-session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await client.get("/claims")).status).toBe(200);
    expect(await audited("console.login")).toContain("console:admin");
  });

  it("refuses a wrong password with the same message as an unknown user, and audits both", async () => {
    const client = createConsoleClient(world.url);
    const wrong = await client.login("admin", "bukan-sandinya");
    const unknown = await client.login("siapa", "bukan-sandinya");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toContain("Nama pengguna atau kata sandi salah.");
    expect(unknown.body).toContain("Nama pengguna atau kata sandi salah.");
    expect((await client.get("/claims")).location).toBe("/login");
    expect((await audited("console.login.failed")).length).toBeGreaterThanOrEqual(2);
  });

  it("locks an account after five failed tries, even against the right password, until the lock ends", async () => {
    const client = createConsoleClient(world.url);
    for (let i = 0; i < 5; i++) await client.login("klaim", `salah-${i}-xxxxx`);
    const locked = await client.login("klaim", passwords.claims);
    expect(locked.status).toBe(401);
    expect(locked.body).toContain("dikunci sementara");
    expect(await audited("console.login.locked")).toContain("console:klaim");
    world.chat.clock.advance(16 * 60_000);
    expect((await client.login("klaim", passwords.claims)).status).toBe(303);
  });

  it("refuses a login form posted without its token", async () => {
    const client = createConsoleClient(world.url);
    await client.get("/login");
    const response = await client.post(
      "/login",
      { username: "admin", password: passwords.admin },
      { csrf: "x".repeat(43) },
    );
    expect(response.status).toBe(403);
    expect(response.cookies.some((c) => c.startsWith("__Host-jamsos-session="))).toBe(false);
  });

  it("ends the session on logout: the old cookie opens nothing", async () => {
    const client = createConsoleClient(world.url);
    await client.login("admin", passwords.admin);
    const stolen = new Map(client.jar);
    await client.get("/audit");
    expect((await client.post("/logout", {})).location).toBe("/login");
    const replay = createConsoleClient(world.url);
    for (const [k, v] of stolen) replay.jar.set(k, v);
    expect((await replay.get("/audit")).location).toBe("/login");
  });
});

describe("console CSRF", () => {
  it("refuses a form without the session's CSRF token and changes nothing", async () => {
    const client = createConsoleClient(world.url);
    await client.login("admin", passwords.admin);
    const reference = world.claims.other.reference;
    const response = await client.post(
      `/claims/${reference}/move`,
      { to: "VERIFIKASI_RT_KELURAHAN" },
      { csrf: false },
    );
    expect(response.status).toBe(403);
    expect((await world.chat.app.services.claims.findByReference(reference))?.stage).toBe("LAPORAN_DITERIMA");
    expect(await audited("console.csrf.refused")).toContain("console:admin");
  });

  it("refuses a form posted from another site even with a token", async () => {
    const client = createConsoleClient(world.url);
    await client.login("admin", passwords.admin);
    await client.get(`/claims/${world.claims.other.reference}`);
    const response = await client.post(
      `/claims/${world.claims.other.reference}/move`,
      { to: "VERIFIKASI_RT_KELURAHAN" },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect((await world.chat.app.services.claims.findByReference(world.claims.other.reference))?.stage).toBe(
      "LAPORAN_DITERIMA",
    );
  });
});

describe("console roles and kelurahan scope (HTTP level)", () => {
  it("shows a kelurahan officer only their kelurahan's claims and refuses another's by URL", async () => {
    const client = createConsoleClient(world.url);
    await client.login("kel.lebak", passwords.officer);
    const board = await client.get("/claims");
    expect(board.body).toContain(world.claims.mine.reference);
    expect(board.body).not.toContain(world.claims.other.reference);
    expect((await client.get(`/claims/${world.claims.other.reference}`)).status).toBe(404);
    const move = await client.post(`/claims/${world.claims.other.reference}/move`, {
      to: "VERIFIKASI_RT_KELURAHAN",
    });
    expect(move.location).toBe(`/claims/${world.claims.other.reference}`);
    expect((await world.chat.app.services.claims.findByReference(world.claims.other.reference))?.stage).toBe(
      "LAPORAN_DITERIMA",
    );
  });

  it("hides another kelurahan's registrations from a kelurahan officer, by list, URL and NIK search", async () => {
    const client = createConsoleClient(world.url);
    await client.login("kel.lebak", passwords.officer);
    const list = await client.get("/registrations");
    expect(list.body).toContain(world.people.mine.reference);
    expect(list.body).not.toContain(world.people.other.reference);
    expect((await client.get(`/registrations/${world.people.other.reference}`)).status).toBe(404);
    await client.get("/registrations");
    expect((await client.post("/registrations/search", { q: "1571014506900002" })).body).not.toContain(
      world.people.other.reference,
    );
    expect((await client.post(`/registrations/${world.people.other.reference}/verify`, {})).status).toBe(404);
  });

  it("searches a NIK by POST only: found by its hash, shown masked, never echoed in clear nor read from a URL", async () => {
    const client = createConsoleClient(world.url);
    await client.login("admin", passwords.admin);
    await client.get("/registrations");
    const found = await client.post("/registrations/search", { q: "1571 0807 0380 0001" });
    expect(found.body).toContain(world.people.mine.reference);
    expect(found.body).toContain("1571********0001");
    expect(found.body).not.toContain("1571080703800001");
    expect(found.body).not.toContain("1571 0807 0380 0001");
    // A search in the address bar is no search: the NIK would sit in history and proxy logs.
    const byUrl = await client.get("/registrations?q=1571080703800001");
    expect(byUrl.body).not.toContain("1571********0001");
    expect(byUrl.body).not.toContain("1571080703800001");
    expect(
      (await client.post("/registrations/search", { q: "1571080703800001" }, { csrf: false })).status,
    ).toBe(403);
  });

  it("finds claims by the deceased's or heir's NIK (POST, masked, scoped) or by a KLM- reference", async () => {
    const admin = createConsoleClient(world.url);
    await admin.login("admin", passwords.admin);
    await admin.get("/claims");
    const found = await admin.post("/claims/search", { q: "1571 0201 0180 0001" });
    expect(found.body).toContain(world.claims.mine.reference);
    expect(found.body).toContain("1571********0001");
    expect(found.body).not.toContain("1571020101800001");
    expect(found.body).not.toContain("1571 0201 0180 0001");
    await admin.get("/claims");
    const asHeir = await admin.post("/claims/search", { q: "1571025203850002" });
    expect(asHeir.body).toContain(world.claims.other.reference);
    await admin.get("/claims");
    const byReference = await admin.post("/claims/search", { q: world.claims.other.reference.toLowerCase() });
    expect(byReference.location).toBe(`/claims/${world.claims.other.reference}`);
    await admin.get("/claims");
    expect((await admin.post("/claims/search", { q: "1571" })).location).toBe("/claims");
    const officer = createConsoleClient(world.url);
    await officer.login("kel.lebak", passwords.officer);
    await officer.get("/claims");
    const scoped = await officer.post("/claims/search", { q: "1571025203850002" });
    expect(scoped.body).toContain(world.claims.mine.reference);
    expect(scoped.body).not.toContain(world.claims.other.reference);
    expect(await audited("claim.search")).toEqual(
      expect.arrayContaining(["console:admin", "console:kel.lebak"]),
    );
  });

  it("refuses pages a role does not allow, and audits the attempt", async () => {
    const client = createConsoleClient(world.url);
    await client.login("kel.lebak", passwords.officer);
    expect((await client.get("/staff")).status).toBe(403);
    expect((await client.get("/broadcasts")).status).toBe(403);
    expect(await audited("console.forbidden")).toContain("console:kel.lebak");
  });

  it("shows a kelurahan officer the hand-offs of their kelurahan only, and refuses replying to another's", async () => {
    world.chat.as({ userId: "warga-lebak", channel: "telegram" });
    await world.chat.says("operator");
    world.chat.as({ userId: "warga-sipin", channel: "telegram" });
    await world.chat.says("operator");
    const mine = await world.chat.app.services.handoffs.findOpenFor("telegram", "warga-lebak");
    const other = await world.chat.app.services.handoffs.findOpenFor("telegram", "warga-sipin");
    const client = createConsoleClient(world.url);
    await client.login("kel.lebak", passwords.officer);
    const inbox = await client.get("/inbox");
    expect(inbox.body).toContain(`href="/inbox/${mine!.number}"`);
    expect(inbox.body).not.toContain(`href="/inbox/${other!.number}"`);
    expect((await client.get(`/inbox/${other!.number}`)).status).toBe(404);
    await client.get(`/inbox/${mine!.number}`);
    await client.post(`/inbox/${other!.number}/reply`, { text: "halo" });
    expect((await world.chat.app.services.handoffs.findByNumber(other!.number))?.messages).toHaveLength(1);
  });

  it("records the amount and date at DIBAYAR through the claim actions, and refuses the move without them", async () => {
    const client = createConsoleClient(world.url);
    await client.login("klaim", passwords.claims);
    const reference = world.claims.processing.reference;
    await client.get(`/claims/${reference}`);
    await client.post(`/claims/${reference}/move`, { to: "DIBAYAR", note: "" });
    expect((await world.chat.app.services.claims.findByReference(reference))?.stage).toBe("DIPROSES_BPJS");
    await client.get(`/claims/${reference}`);
    await client.post(`/claims/${reference}/move`, {
      to: "DIBAYAR",
      amount: "42.000.000",
      paidOn: "2026-03-02",
    });
    const paid = await world.chat.app.services.claims.findByReference(reference);
    expect(paid).toMatchObject({ stage: "DIBAYAR", payment: { amount: 42_000_000, paidOn: "2026-03-02" } });
    const pushed = world.chat
      .pushed("heir-paid")
      .flatMap((p) => p.messages.map((m) => m.text))
      .join("\n");
    expect(pushed).toContain(reference);
    expect((await client.get(`/claims/${reference}`)).body).toMatch(
      /Dibayar Rp\s?42\.000\.000 pada 2 Maret 2026/,
    );
  });

  it("asks the heir for a document once when the same form is sent twice (a double click)", async () => {
    const client = createConsoleClient(world.url);
    await client.login("klaim", passwords.claims);
    const reference = world.claims.other.reference;
    const page = (await client.get(`/claims/${reference}`)).body;
    const requestForm = page.slice(page.indexOf(`action="/claims/${reference}/request"`));
    const once = /name="once" value="([^"]+)"/.exec(requestForm)?.[1] ?? "";
    const before = await world.chat.app.services.claims.findByReference(reference);
    for (let i = 0; i < 2; i++)
      await client.post(`/claims/${reference}/request`, { type: "deathCertificate", note: "", once });
    const after = await world.chat.app.services.claims.findByReference(reference);
    expect(after!.requested.length - before!.requested.length).toBe(1);
    const asked = (claim: typeof after) =>
      claim!.notifications.filter((n) => n.stage === "documentRequested").length;
    expect(asked(after) - asked(before)).toBe(1);
    const audits = await world.chat.app.services.audit.list({ target: `claim:${reference}` });
    expect(audits.filter((e) => e.action === "claim.requestDocument")).toHaveLength(1);
  });

  it("records a death as verified from the claim page, and only then lets the claim go past verification", async () => {
    const client = createConsoleClient(world.url);
    await client.login("admin", passwords.admin);
    const reference = world.claims.overdue.reference;
    await client.get(`/claims/${reference}`);
    await client.post(`/claims/${reference}/verify-death`, {});
    expect(
      (await world.chat.app.services.claims.findByReference(reference))?.deceased.verifiedAt,
    ).toBeDefined();
    expect(await audited("claim.verifyDeath")).toContain("console:admin");
  });
});
