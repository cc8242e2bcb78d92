/** Small helpers every console route uses: permission guard, page rendering, flash after redirect, form fields. */
import type { Child } from "hono/jsx";
import type { MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { can, type StaffPermission } from "../domain/staff-roles";
import type { ConsoleContext, ConsoleEnv } from "./console.types";
import { Flash, Layout } from "./pages/layout";

const flashCookie = "__Host-jamsos-flash";

/** Refuses (403, audited) an account whose role lacks the permission. */
export function requires(permission: StaffPermission): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (can(c.var.principal.role, permission)) return next();
    await c.var.services.audit.record({
      at: c.var.view.now,
      actor: c.var.principal.actor,
      action: "console.forbidden",
      target: c.req.path,
      details: { permission },
    });
    return page(
      c,
      c.var.view.t("console:error.title"),
      <Flash error={c.var.view.t("console:error.forbidden")} />,
      403,
    );
  };
}

/** Renders a page in the layout, with the flash left by the last redirect. */
export function page(c: ConsoleContext, title: string, body: Child, status: 200 | 400 | 403 | 404 = 200) {
  const raw = getCookie(c, flashCookie);
  if (raw) deleteCookie(c, flashCookie, { path: "/", secure: true });
  const flash = raw ? (JSON.parse(decodeURIComponent(raw)) as { ok?: string; error?: string }) : {};
  return c.html(
    <Layout view={c.var.view} title={title}>
      <Flash ok={flash.ok} error={flash.error} />
      {body}
    </Layout>,
    status,
  );
}

export function notFound(c: ConsoleContext) {
  return page(
    c,
    c.var.view.t("console:error.title"),
    <Flash error={c.var.view.t("console:error.notFound")} />,
    404,
  );
}

/** Redirects (303) after a form, leaving a one-time message for the next page. */
export function redirectWith(c: ConsoleContext, path: string, flash: { ok?: string; error?: string }) {
  setCookie(c, flashCookie, encodeURIComponent(JSON.stringify(flash)), {
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    path: "/",
    maxAge: 60,
  });
  return c.redirect(path, 303);
}

/** The posted form as trimmed strings (files and missing fields: ""). */
export async function readForm(c: ConsoleContext): Promise<(name: string, max?: number) => string> {
  const body = await c.req.parseBody();
  return (name, max = 500) => {
    const value = body[name];
    return typeof value === "string" ? value.trim().slice(0, max) : "";
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The idempotency key of one action from a form: its one-time token (`OnceField`), bound to the
 * staff member, the action and its target, so the same form sent twice acts once. Null: no token.
 */
export function toOnceKey(c: ConsoleContext, token: string, action: string, target: string): string | null {
  if (!uuidPattern.test(token)) return null;
  return `console-${action}:${c.var.principal.id}:${target}:${token}`;
}
