import { randomUUID } from "node:crypto";
/** The frame of every console page: header with who is logged in, navigation by permission, content. */
import type { Child } from "hono/jsx";
import { can, type StaffPermission } from "../../domain/staff-roles";
import type { I18nKey } from "../../i18n/keys";
import type { View } from "../console.types";

const sections: { path: string; label: I18nKey; permission: StaffPermission }[] = [
  { path: "/inbox", label: "console:nav.inbox", permission: "handoff.answer" },
  { path: "/claims", label: "console:nav.claims", permission: "claims.manage" },
  { path: "/registrations", label: "console:nav.registrations", permission: "registrations.review" },
  { path: "/broadcasts", label: "console:nav.broadcasts", permission: "broadcasts.manage" },
  { path: "/reports", label: "console:nav.reports", permission: "reports.view" },
  { path: "/unanswered", label: "console:nav.unanswered", permission: "unanswered.label" },
  { path: "/audit", label: "console:nav.audit", permission: "audit.view" },
  { path: "/staff", label: "console:nav.staff", permission: "staff.manage" },
];

/** The first section a role may open (the landing page after login). */
export function toHomePath(view: Pick<View, "principal">): string {
  const principal = view.principal;
  return sections.find((s) => principal && can(principal.role, s.permission))?.path ?? "/audit";
}

export function CsrfField({ view }: { view: View }) {
  return <input type="hidden" name="_csrf" value={view.csrf} />;
}

/** A form's one-time token: the same form sent twice (a double click, a resend) acts once. */
export function OnceField() {
  return <input type="hidden" name="once" value={randomUUID()} />;
}

/** A flash line after a redirect (`?ok=` / `?error=` carry a text already translated on the server). */
export function Flash({ ok, error }: { ok?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {ok ? (
        <p class="flash ok" role="status">
          {ok}
        </p>
      ) : null}
      {error ? (
        <p class="flash error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

function Who({ view }: { view: View }) {
  const p = view.principal;
  if (!p) return null;
  const scope = p.scope.type === "city" ? view.t("console:city") : p.scope.kelurahan.join(", ");
  return (
    <span class="who">
      {view.t("console:who", { name: p.name, role: view.t(`console:role.${p.role}`), scope })}
    </span>
  );
}

export function Layout({ view, title, children }: { view: View; title: string; children?: Child }) {
  const p = view.principal;
  return (
    <html lang={view.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${view.t("console:title")}`}</title>
        <link rel="stylesheet" href="/assets/console.css" />
        <script src="/assets/console.js" defer></script>
      </head>
      <body>
        <header>
          <strong class="brand">{view.t("console:title")}</strong>
          <Who view={view} />
          {p ? (
            <form method="post" action="/logout" class="inline">
              <CsrfField view={view} />
              <button type="submit" class="link">
                {view.t("console:nav.logout")}
              </button>
            </form>
          ) : null}
          <a class="lang" href={`/language?back=${encodeURIComponent(view.path)}`}>
            {view.t("console:nav.language")}
          </a>
        </header>
        {p ? (
          <nav>
            {sections
              .filter((s) => can(p.role, s.permission))
              .map((s) => (
                <a href={s.path} class={view.path.startsWith(s.path) ? "current" : ""}>
                  {view.t(s.label)}
                </a>
              ))}
          </nav>
        ) : null}
        <main>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}
