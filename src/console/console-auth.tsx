/**
 * Logging in and out, and who is asking: login with a scrypt-checked password (a double-submit
 * token against login CSRF, lockout after repeated failures, every outcome audited), a session
 * cookie (__Host-, HttpOnly, Secure, SameSite=Strict), and for every other page the session's
 * account, its principal and its CSRF token, checked on every form post.
 */
import { timingSafeEqual } from "node:crypto";
import type { Hono, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Language } from "../core/messages";
import { toPrincipal } from "../core/staff-directory";
import type { StaffAccount } from "../core/staff.port";
import { toStaffServices } from "../core/staff-scope";
import { hashPassword, verifyPassword } from "../security/password";
import { newToken, type ConsoleSessions } from "./console-sessions";
import type { ConsoleDeps, ConsoleEnv, ConsoleSettings, View } from "./console.types";
import { toView } from "./console-view";
import { Flash, Layout, toHomePath } from "./pages/layout";

export const sessionCookie = "__Host-jamsos-session";
const loginCookie = "__Host-jamsos-login";
export const languageCookie = "jamsos-lang";
const cookieBase = { httpOnly: true, secure: true, sameSite: "Strict", path: "/" } as const;

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export const languageOf = (value: string | undefined): Language => (value === "en" ? "en" : "id");

/** A hash to check unknown usernames against, so their answer takes as long as a wrong password. */
let decoy: Promise<string> | undefined;

function LoginPage({ view, error, username }: { view: View; error?: string; username?: string }) {
  return (
    <Layout view={view} title={view.t("console:login.title")}>
      <Flash error={error} />
      <form method="post" action="/login" class="card narrow">
        <input type="hidden" name="_csrf" value={view.csrf} />
        <label>
          {view.t("console:login.username")}
          <input name="username" autocomplete="username" required value={username ?? ""} />
        </label>
        <label>
          {view.t("console:login.password")}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <button type="submit">{view.t("console:login.submit")}</button>
      </form>
    </Layout>
  );
}

type AuthDeps = ConsoleDeps & { sessions: ConsoleSessions; settings: ConsoleSettings };

async function checkLogin(deps: AuthDeps, username: string, password: string, now: Date) {
  const { staff, audit } = deps.services;
  const account = username ? await staff.findByUsername(username) : null;
  const record = (action: string, details?: Record<string, unknown>) =>
    audit.record({
      at: now,
      actor: `console:${account?.username ?? "?"}`,
      action,
      target: "console",
      ...(details ? { details } : {}),
    });
  if (!account || account.status !== "active" || !account.passwordHash) {
    await verifyPassword(password, await (decoy ??= hashPassword(newToken())));
    await record("console.login.failed", { reason: account ? account.status : "unknown" });
    return { status: "failed" as const };
  }
  if (account.lockedUntil && account.lockedUntil > now) {
    await record("console.login.refused", { reason: "locked" });
    return { status: "locked" as const, until: account.lockedUntil };
  }
  if (!(await verifyPassword(password, account.passwordHash))) {
    const failures = await staff.countFailedLogin(account._id, now);
    await record("console.login.failed", { reason: "password", failures });
    if (failures < deps.settings.maxFailedLogins) return { status: "failed" as const };
    const until = new Date(now.getTime() + deps.settings.lockMinutes * 60_000);
    await staff.update(account._id, { lockedUntil: until, failedLogins: 0 }, now);
    await record("console.login.locked", { minutes: deps.settings.lockMinutes });
    return { status: "locked" as const, until };
  }
  await staff.update(account._id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now }, now);
  await record("console.login");
  return { status: "ok" as const, account };
}

export function registerAuth(app: Hono<ConsoleEnv>, deps: AuthDeps): void {
  const anonymousView = (c: Parameters<MiddlewareHandler>[0], csrf: string) =>
    toView(deps, {
      language: languageOf(getCookie(c, languageCookie)),
      csrf,
      principal: null,
      path: c.req.path,
    });

  app.get("/login", (c) => {
    // Kept when present: another tab (or a favicon request sent here) must not void an open form.
    const existing = getCookie(c, loginCookie);
    const csrf = existing && /^[\w-]{43}$/.test(existing) ? existing : newToken();
    setCookie(c, loginCookie, csrf, { ...cookieBase, maxAge: 3600 });
    return c.html(<LoginPage view={anonymousView(c, csrf)} />);
  });

  app.post("/login", async (c) => {
    const body = await c.req.parseBody();
    const field = (name: string) => (typeof body[name] === "string" ? body[name] : "");
    const csrf = newToken();
    setCookie(c, loginCookie, csrf, { ...cookieBase, maxAge: 3600 });
    const view = anonymousView(c, csrf);
    if (!sameToken(getCookie(c, loginCookie), field("_csrf")))
      return c.html(<LoginPage view={view} error={view.t("console:login.expired")} />, 403);
    const now = deps.services.clock.now();
    const result = await checkLogin(
      deps,
      field("username").trim().toLowerCase().slice(0, 64),
      field("password").slice(0, 200),
      now,
    );
    if (result.status !== "ok") {
      const error =
        result.status === "locked"
          ? view.t("console:login.locked", { until: result.until })
          : view.t("console:login.failed");
      return c.html(<LoginPage view={view} error={error} username={field("username").slice(0, 64)} />, 401);
    }
    const { token } = await deps.sessions.start(
      result.account._id,
      now,
      deps.settings.sessionHours * 3600_000,
    );
    setCookie(c, sessionCookie, token, { ...cookieBase, maxAge: deps.settings.sessionHours * 3600 });
    deleteCookie(c, loginCookie, cookieBase);
    return c.redirect(
      toHomePath({ principal: toPrincipal(result.account, `console:${result.account.username}`) }),
      303,
    );
  });

  app.get("/language", (c) => {
    const next = languageOf(getCookie(c, languageCookie)) === "id" ? "en" : "id";
    setCookie(c, languageCookie, next, { ...cookieBase, maxAge: 365 * 86400 });
    const back = c.req.query("back") ?? "/";
    return c.redirect(back.startsWith("/") && !back.startsWith("//") ? back : "/", 303);
  });

  app.post("/logout", requireSession(deps), async (c) => {
    const token = getCookie(c, sessionCookie) ?? "";
    await deps.sessions.end(token);
    deleteCookie(c, sessionCookie, cookieBase);
    await deps.services.audit.record({
      at: deps.services.clock.now(),
      actor: c.var.principal.actor,
      action: "console.logout",
      target: "console",
    });
    return c.redirect("/login", 303);
  });
}

/** Loads the session, its account and principal; redirects to the login page without one; checks CSRF on posts. */
export function requireSession(deps: AuthDeps): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const now = deps.services.clock.now();
    const token = getCookie(c, sessionCookie);
    const session = token ? await deps.sessions.find(token, now) : null;
    const account: StaffAccount | null = session
      ? await deps.services.staff.findById(session.accountId)
      : null;
    if (!session || !account || account.status !== "active") {
      if (token) deleteCookie(c, sessionCookie, cookieBase);
      return c.redirect("/login", 303);
    }
    const principal = toPrincipal(account, `console:${account.username}`);
    c.set("account", account);
    c.set("session", session);
    c.set("principal", principal);
    c.set("services", toStaffServices(deps.services, principal));
    c.set(
      "view",
      toView(deps, {
        language: languageOf(getCookie(c, languageCookie)),
        csrf: session.csrf,
        principal,
        path: c.req.path,
      }),
    );
    if (c.req.method === "POST") {
      const body = await c.req.parseBody();
      if (!sameToken(session.csrf, typeof body._csrf === "string" ? body._csrf : undefined)) {
        await deps.services.audit.record({
          at: now,
          actor: principal.actor,
          action: "console.csrf.refused",
          target: c.req.path,
        });
        return c.html(
          <Layout view={c.var.view} title={c.var.view.t("console:error.title")}>
            <Flash error={c.var.view.t("console:error.csrf")} />
          </Layout>,
          403,
        );
      }
    }
    c.header("Cache-Control", "no-store");
    return next();
  };
}
