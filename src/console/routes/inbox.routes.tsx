/**
 * The hand-off inbox: open hand-offs (a kelurahan officer's only), one conversation with its
 * messages opened from the vault (every view audited), a reply box and closing with a note.
 * Replies and closing use the same functions as the staff chat (core/handoff-staff.ts).
 */
import type { Hono } from "hono";
import type { Handoff } from "../../core/handoff.port";
import { closeHandoff, handoffTarget, replyToHandoff } from "../../core/handoff-staff";
import { formatDate, formatTime } from "../../domain/jakarta-time";
import { notFound, page, readForm, redirectWith, requires, toOnceKey } from "../console-http";
import type { ConsoleContext, ConsoleEnv, View } from "../console.types";
import { CsrfField, OnceField } from "../pages/layout";

const when = (date: Date, view: View) =>
  `${formatDate(date, view.language)} ${formatTime(date, view.language)}`;
const reasonLabel = (h: Handoff, view: View) =>
  view.t(h.reason === "asked" ? "console:inbox.reasonAsked" : "console:inbox.reasonFailedTwice");

function Row({ handoff, view }: { handoff: Handoff; view: View }) {
  const late = !handoff.firstAnsweredAt && handoff.dueAt < view.now;
  return (
    <tr data-handoff={handoff.number} class={late ? "late" : ""}>
      <td>
        <a href={`/inbox/${handoff.number}`}>#{handoff.number}</a>
      </td>
      <td>
        {handoff.displayName ?? "-"}
        <div class="muted">{`${handoff.conversation.channel}${handoff.kelurahan ? ` · ${handoff.kelurahan}` : ""}`}</div>
      </td>
      <td class="opt">{reasonLabel(handoff, view)}</td>
      <td>
        {when(handoff.openedAt, view)}
        <div>
          {handoff.firstAnsweredAt ? (
            <span class="badge">{view.t("console:inbox.answered")}</span>
          ) : late ? (
            <span class="badge bad">{view.t("console:inbox.late")}</span>
          ) : (
            <span class="muted">{`${view.t("console:inbox.due")} ${formatTime(handoff.dueAt, view.language)}`}</span>
          )}
        </div>
      </td>
    </tr>
  );
}

async function list(c: ConsoleContext) {
  const { services, view } = c.var;
  const open = await services.handoffs.list({ status: "open" }, { limit: 100 });
  return page(
    c,
    view.t("console:inbox.title"),
    <>
      <h2>{view.t("console:inbox.open", { count: open.length })}</h2>
      {open.length === 0 ? (
        <p class="muted">{view.t("console:inbox.empty")}</p>
      ) : (
        <table id="inbox">
          <tbody>
            {open.map((handoff) => (
              <Row handoff={handoff} view={view} />
            ))}
          </tbody>
        </table>
      )}
    </>,
  );
}

async function show(c: ConsoleContext) {
  const { services, view, principal } = c.var;
  const handoff = await services.handoffs.findByNumber(Number(c.req.param("number")));
  if (!handoff) return notFound(c);
  await services.audit.record({
    at: view.now,
    actor: principal.actor,
    action: "handoff.view",
    target: handoffTarget(handoff),
  });
  const path = `/inbox/${handoff.number}`;
  return page(
    c,
    view.t("console:inbox.conversation", { number: handoff.number }),
    <>
      <p class="muted">
        {`${handoff.displayName ?? "-"} · ${handoff.conversation.channel} · ${reasonLabel(handoff, view)} · ${when(handoff.openedAt, view)}`}
      </p>
      <section class="card" id="conversation">
        {handoff.messages.map((m) => (
          <div class={`bubble ${m.from === "citizen" ? "in" : "out"}`}>
            <div class="muted">{`${view.t(`console:inbox.from.${m.from}`)}${m.name ? ` ${m.name}` : ""} · ${formatTime(m.at, view.language)}`}</div>
            {services.vault.open(m.text)}
          </div>
        ))}
      </section>
      {handoff.status === "open" ? (
        <div class="grid2">
          <form method="post" action={`${path}/reply`} class="card" id="reply-form">
            <CsrfField view={view} />
            <OnceField />
            <label>
              {view.t("console:inbox.reply")}
              <textarea name="text" required maxlength={2000}></textarea>
            </label>
            <button type="submit">{view.t("console:inbox.send")}</button>
          </form>
          <form method="post" action={`${path}/close`} class="card" id="close-form">
            <CsrfField view={view} />
            <OnceField />
            <label>
              {view.t("console:inbox.closeNote")}
              <input name="note" maxlength={500} />
            </label>
            <button type="submit" class="secondary">
              {view.t("console:inbox.close")}
            </button>
          </form>
        </div>
      ) : null}
    </>,
  );
}

export function registerInbox(app: Hono<ConsoleEnv>): void {
  app.use("/inbox", requires("handoff.answer"));
  app.use("/inbox/*", requires("handoff.answer"));
  app.get("/inbox", list);
  app.get("/inbox/:number{[0-9]+}", show);
  app.post("/inbox/:number{[0-9]+}/reply", async (c) => {
    const { view, principal, services } = c.var;
    const number = Number(c.req.param("number"));
    const form = await readForm(c);
    const text = form("text", 2000);
    const once = toOnceKey(c, form("once", 100), "reply", c.req.param("number") ?? "");
    if (!text || !once)
      return redirectWith(c, `/inbox/${number}`, {
        error: view.t("console:error.invalid", { what: view.t("console:inbox.reply") }),
      });
    const result = await replyToHandoff(services, principal, number, text, once);
    if (result.status !== "ok") return redirectWith(c, "/inbox", { error: view.t("console:inbox.notFound") });
    const key =
      result.delivery === "failed"
        ? "console:inbox.failed"
        : result.delivery === "queued"
          ? "console:inbox.queued"
          : "console:inbox.sent";
    return redirectWith(
      c,
      `/inbox/${number}`,
      result.delivery === "failed" ? { error: view.t(key, { number }) } : { ok: view.t(key, { number }) },
    );
  });
  app.post("/inbox/:number{[0-9]+}/close", async (c) => {
    const { view, principal, services } = c.var;
    const number = Number(c.req.param("number"));
    const form = await readForm(c);
    const note = form("note", 500);
    const once = toOnceKey(c, form("once", 100), "close", c.req.param("number") ?? "");
    if (!once)
      return redirectWith(c, `/inbox/${number}`, {
        error: view.t("console:error.invalid", { what: view.t("console:inbox.close") }),
      });
    const result = await closeHandoff(services, principal, number, note || undefined, once);
    if (result.status !== "ok") return redirectWith(c, "/inbox", { error: view.t("console:inbox.notFound") });
    return redirectWith(c, "/inbox", { ok: view.t("console:inbox.closed", { number }) });
  });
}
