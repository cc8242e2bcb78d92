/** The audit log, newest first, filtered by actor, action, target and since when (exact values). */
import type { Hono } from "hono";
import { formatDate, formatTime } from "../../domain/jakarta-time";
import { page, requires } from "../console-http";
import type { ConsoleContext, ConsoleEnv } from "../console.types";

const pageSize = 200;

async function list(c: ConsoleContext) {
  const { services, view } = c.var;
  const q = (name: string) => (c.req.query(name) ?? "").trim().slice(0, 120);
  const since = /^\d{4}-\d{2}-\d{2}$/.test(q("since")) ? new Date(`${q("since")}T00:00:00+07:00`) : undefined;
  const filter = {
    ...(q("actor") ? { actor: q("actor") } : {}),
    ...(q("action") ? { action: q("action") } : {}),
    ...(q("target") ? { target: q("target") } : {}),
    ...(since ? { since } : {}),
  };
  const entries = await services.audit.list(filter, pageSize);
  const input = (name: string, label: string, type = "text") => (
    <label>
      {label}
      <input name={name} type={type} value={q(name)} />
    </label>
  );
  return page(
    c,
    view.t("console:audit.title"),
    <>
      <form method="get" action="/audit" class="card grid2">
        {input("actor", view.t("console:audit.actor"))}
        {input("action", view.t("console:audit.action"))}
        {input("target", view.t("console:audit.target"))}
        {input("since", view.t("console:audit.since"), "date")}
        <button type="submit">{view.t("console:audit.filter")}</button>
      </form>
      <table id="audit">
        <thead>
          <tr>
            <th>{view.t("console:audit.at")}</th>
            <th>{view.t("console:audit.actor")}</th>
            <th>{view.t("console:audit.action")}</th>
            <th>{view.t("console:audit.target")}</th>
            <th class="opt">{view.t("console:audit.details")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td>{`${formatDate(e.at, view.language)} ${formatTime(e.at, view.language)}`}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>{e.target}</td>
              <td class="opt">
                <pre>{e.details ? JSON.stringify(e.details) : ""}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>,
  );
}

export function registerAudit(app: Hono<ConsoleEnv>): void {
  app.get("/audit", requires("audit.view"), list);
}
