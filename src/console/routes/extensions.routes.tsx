/**
 * Pages that show what other features provide: unanswered questions (the language issue's store,
 * through `UnansweredSource`) and reports. Without the source a page says so.
 */
import type { Hono } from "hono";
import { formatDate } from "../../domain/jakarta-time";
import { page, readForm, redirectWith, requires } from "../console-http";
import type { ConsoleContext, ConsoleDeps, ConsoleEnv, UnansweredSource } from "../console.types";
import { CsrfField } from "../pages/layout";

async function unanswered(c: ConsoleContext, source: UnansweredSource | undefined) {
  const { view } = c.var;
  if (!source)
    return page(
      c,
      view.t("console:unanswered.title"),
      <p class="muted">{view.t("console:unanswered.unavailable")}</p>,
    );
  const items = await source.list(
    c.req.query("all") === "1" ? { limit: 100 } : { labelled: false, limit: 100 },
  );
  return page(
    c,
    view.t("console:unanswered.title"),
    <table id="unanswered">
      <thead>
        <tr>
          <th>{view.t("console:unanswered.question")}</th>
          <th>{view.t("console:unanswered.times")}</th>
          <th>{view.t("console:unanswered.label")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr>
            <td>
              {item.text}
              <div class="muted">{formatDate(item.at, view.language)}</div>
            </td>
            <td>{item.count}</td>
            <td>
              <form method="post" action={`/unanswered/${encodeURIComponent(item.id)}/label`}>
                <CsrfField view={view} />
                <select name="label">
                  {source.labels().map((label) => (
                    <option value={label} selected={label === item.label}>
                      {label}
                    </option>
                  ))}
                </select>
                <button type="submit" class="secondary">
                  {view.t("console:common.save")}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>,
  );
}

export function registerExtensions(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  app.get("/unanswered", requires("unanswered.label"), (c) => unanswered(c, deps.unanswered));
  app.post("/unanswered/:id/label", requires("unanswered.label"), async (c) => {
    const source = deps.unanswered;
    const label = (await readForm(c))("label", 60);
    if (!source || !source.labels().includes(label))
      return redirectWith(c, "/unanswered", {
        error: c.var.view.t("console:error.invalid", { what: "label" }),
      });
    await source.label(c.req.param("id"), label, c.var.principal.actor);
    return redirectWith(c, "/unanswered", { ok: c.var.view.t("console:unanswered.labelled", { label }) });
  });
  app.get("/reports", requires("reports.view"), (c) =>
    page(
      c,
      c.var.view.t("console:reports.title"),
      <p class="muted">{c.var.view.t("console:reports.unavailable")}</p>,
    ),
  );
}
