/**
 * Broadcasts: compose from a template or own text, pick the segment with a live count, preview
 * (exact counts, exclusions, each language's text), create and schedule (quiet hours respected by
 * the broadcast service), and follow progress with an estimated finish; pause, resume, cancel.
 */
import type { Hono } from "hono";
import type { Broadcast, BroadcastProgress } from "../../core/broadcast.port";
import type { I18nKey } from "../../i18n/keys";
import { canApply } from "../../domain/broadcast-lifecycle";
import { page, readForm, redirectWith, requires } from "../console-http";
import type { ConsoleContext, ConsoleEnv, View } from "../console.types";
import { ComposeForm, PreviewPage } from "../pages/broadcast.page";
import { CsrfField } from "../pages/layout";
import { parseSendAt, toDraft, toSegment } from "./broadcast-form";

/** When the rest will have gone at the pace so far; undefined before sending started. */
export function toEstimatedFinish(
  broadcast: Broadcast,
  progress: BroadcastProgress,
  now: Date,
): Date | undefined {
  const done = progress.sent + progress.failed + progress.skipped;
  if (!broadcast.startedAt || done === 0 || progress.remaining === 0 || broadcast.status !== "sending")
    return undefined;
  const perItem = (now.getTime() - new Date(broadcast.startedAt).getTime()) / done;
  return new Date(now.getTime() + perItem * progress.remaining);
}

const actor = (c: ConsoleContext) => ({ actor: c.var.principal.actor });

function BroadcastRow({
  item,
  view,
}: {
  item: { broadcast: Broadcast; progress: BroadcastProgress };
  view: View;
}) {
  const { broadcast, progress } = item;
  const eta = toEstimatedFinish(broadcast, progress, view.now);
  const action = (name: "pause" | "resume" | "cancel") =>
    canApply(name, broadcast.status) && broadcast.kind === "broadcast" ? (
      <form method="post" action={`/broadcasts/${broadcast._id}/${name}`} class="inline">
        <CsrfField view={view} />
        <button type="submit" class={name === "cancel" ? "danger" : "secondary"}>
          {view.t(`console:broadcasts.${name}`)}
        </button>{" "}
      </form>
    ) : null;
  return (
    <tr data-broadcast={broadcast._id}>
      <td>
        <strong>{broadcast._id}</strong>
        <div class="muted">{view.t(`broadcast:status.${broadcast.status}`)}</div>
      </td>
      <td>
        {view.t("console:broadcasts.progress", progress)}
        {eta ? <div class="muted">{view.t("console:broadcasts.eta", { at: eta })}</div> : null}
        <progress max={Math.max(1, progress.total)} value={progress.total - progress.remaining}></progress>
      </td>
      <td>
        {action("pause")}
        {action("resume")}
        {action("cancel")}
      </td>
    </tr>
  );
}

async function list(c: ConsoleContext) {
  const { services, view } = c.var;
  const items = await services.broadcasts.list(20);
  return page(
    c,
    view.t("console:broadcasts.title"),
    <>
      <ComposeForm view={view} />
      <h2>{view.t("console:broadcasts.list")}</h2>
      {items.length === 0 ? (
        <p class="muted">{view.t("console:common.none")}</p>
      ) : (
        <table>
          <tbody>
            {items.map((item) => (
              <BroadcastRow item={item} view={view} />
            ))}
          </tbody>
        </table>
      )}
    </>,
  );
}

async function count(c: ConsoleContext) {
  const segment = toSegment((name, max = 100) => (c.req.query(name) ?? "").trim().slice(0, max));
  if (!segment.ok) return c.text("", 400);
  const preview = await c.var.services.broadcasts.preview(
    { segment: segment.segment, message: { type: "template", template: "activeReminder" } },
    0,
  );
  return c.text(c.var.view.t("console:broadcasts.count", { count: preview.recipients }));
}

const formFields = [
  "template",
  "text",
  "state",
  "kecamatan",
  "kelurahan",
  "rt",
  "channel",
  "language",
  "coverageEndsBefore",
];

async function preview(c: ConsoleContext) {
  const { services, view } = c.var;
  const field = await readForm(c);
  const parsed = toDraft(field);
  if (!parsed.ok)
    return redirectWith(c, "/broadcasts", { error: view.t("console:error.invalid", { what: parsed.field }) });
  const result = await services.broadcasts.preview(parsed.draft);
  const fields = Object.fromEntries(formFields.map((name) => [name, field(name, 4000)]));
  return page(
    c,
    view.t("console:broadcasts.previewTitle"),
    <PreviewPage view={view} preview={result} fields={fields} />,
  );
}

async function create(c: ConsoleContext) {
  const { services, view } = c.var;
  const field = await readForm(c);
  const parsed = toDraft(field);
  const at = parseSendAt(field("sendAt"));
  if (!parsed.ok || !at)
    return redirectWith(c, "/broadcasts", {
      error: view.t("console:error.invalid", { what: parsed.ok ? "sendAt" : parsed.field }),
    });
  const refused = (reason: string) =>
    redirectWith(c, "/broadcasts", {
      error: view.t("console:broadcasts.refused", {
        reason: view.t(`broadcast:create.reasons.${reason}` as I18nKey),
      }),
    });
  const created = await services.broadcasts.create(parsed.draft, actor(c));
  if (created.status === "refused") return refused(created.reason);
  const scheduled = await services.broadcasts.schedule(created.broadcast._id, at, actor(c));
  if (scheduled.status === "refused") return refused(scheduled.reason);
  return redirectWith(c, "/broadcasts", {
    ok: view.t("console:broadcasts.created", { id: created.broadcast._id }),
  });
}

async function act(c: ConsoleContext, action: "pause" | "resume" | "cancel") {
  const { services, view } = c.var;
  const id = c.req.param("id") ?? "";
  const result = await services.broadcasts[action](id, actor(c));
  if (result.status === "refused")
    return redirectWith(c, "/broadcasts", {
      error: view.t("console:broadcasts.refused", {
        reason: view.t(`broadcast:create.reasons.${result.reason}`),
      }),
    });
  return redirectWith(c, "/broadcasts", {
    ok: view.t("console:broadcasts.actionDone", {
      id,
      status: view.t(`broadcast:status.${result.broadcast.status}`),
    }),
  });
}

export function registerBroadcasts(app: Hono<ConsoleEnv>): void {
  app.use("/broadcasts", requires("broadcasts.manage"));
  app.use("/broadcasts/*", requires("broadcasts.manage"));
  app.get("/broadcasts", list);
  app.get("/broadcasts/count", count);
  app.post("/broadcasts/preview", preview);
  app.post("/broadcasts", create);
  app.post("/broadcasts/:id/pause", (c) => act(c, "pause"));
  app.post("/broadcasts/:id/resume", (c) => act(c, "resume"));
  app.post("/broadcasts/:id/cancel", (c) => act(c, "cancel"));
}
