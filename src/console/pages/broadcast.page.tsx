/** The broadcast form (template or own text, segment with a live count) and the preview before scheduling. */
import type { BroadcastPreview } from "../../core/broadcast.port";
import { segmentStates } from "../../domain/broadcast-segment";
import type { I18nKey } from "../../i18n/keys";
import type { View } from "../console.types";
import { staffTemplates } from "../routes/broadcast-form";
import { CsrfField } from "./layout";

export function ComposeForm({ view, hidden }: { view: View; hidden?: Record<string, string> }) {
  const select = (name: string, options: string[], label: (o: string) => string) => (
    <select name={name}>
      {options.map((o) => (
        <option value={o} selected={hidden?.[name] === o}>
          {label(o)}
        </option>
      ))}
    </select>
  );
  return (
    <form method="post" action="/broadcasts/preview" class="card" data-count-url="/broadcasts/count">
      <h2>{view.t("console:broadcasts.new")}</h2>
      <CsrfField view={view} />
      <label>
        {view.t("console:broadcasts.template")}
        {select("template", [...staffTemplates, "text"], (t) =>
          t === "text"
            ? view.t("console:broadcasts.ownText")
            : view.t(`broadcast:templateNames.${t}` as I18nKey),
        )}
      </label>
      <label>
        {view.t("console:broadcasts.text")}
        <textarea name="text" maxlength={4000}>
          {hidden?.text ?? ""}
        </textarea>
      </label>
      <fieldset class="card">
        <legend>{view.t("console:broadcasts.segment")}</legend>
        <label>
          {view.t("console:broadcasts.state")}
          {select("state", [...segmentStates], (s) => view.t(`broadcast:create.audience.${s}` as I18nKey))}
        </label>
        <label>
          {view.t("console:broadcasts.kecamatan")}
          <input
            name="kecamatan"
            value={hidden?.kecamatan ?? ""}
            placeholder={view.t("console:broadcasts.any")}
          />
        </label>
        <label>
          {view.t("console:broadcasts.kelurahan")}
          <input
            name="kelurahan"
            value={hidden?.kelurahan ?? ""}
            placeholder={view.t("console:broadcasts.any")}
          />
        </label>
        <label>
          {view.t("console:broadcasts.rt")}
          <input
            name="rt"
            value={hidden?.rt ?? ""}
            inputmode="numeric"
            placeholder={view.t("console:broadcasts.any")}
          />
        </label>
        <label>
          {view.t("console:broadcasts.channel")}
          {select("channel", ["", "telegram", "whatsapp"], (o) => o || view.t("console:broadcasts.any"))}
        </label>
        <label>
          {view.t("console:broadcasts.language")}
          {select("language", ["", "id", "en"], (o) => o || view.t("console:broadcasts.any"))}
        </label>
        <label>
          {view.t("console:broadcasts.coverageEndsBefore")}
          <input type="date" name="coverageEndsBefore" value={hidden?.coverageEndsBefore ?? ""} />
        </label>
        <p id="live-count" aria-live="polite">
          {view.t("console:broadcasts.countHint")}
        </p>
      </fieldset>
      <button type="submit">{view.t("console:broadcasts.preview")}</button>
    </form>
  );
}

export function PreviewPage({
  view,
  preview,
  fields,
}: {
  view: View;
  preview: BroadcastPreview;
  fields: Record<string, string>;
}) {
  const { byChannel, excluded } = preview;
  return (
    <>
      <p class="card" id="preview-summary">
        {view.t("console:broadcasts.recipients", {
          recipients: preview.recipients,
          telegram: byChannel.telegram ?? 0,
          whatsapp: byChannel.whatsapp ?? 0,
          other: byChannel.terminal ?? 0,
          ...excluded,
        })}
      </p>
      {preview.renders.map((r) => (
        <section class="card">
          <h2>{r.language.toUpperCase()}</h2>
          <pre>{r.text}</pre>
          {r.tooLongFor.length > 0 ? (
            <p class="flash error">
              {view.t("console:broadcasts.tooLong", { channels: r.tooLongFor.join(", ") })}
            </p>
          ) : null}
        </section>
      ))}
      <form method="post" action="/broadcasts" class="card">
        <CsrfField view={view} />
        {Object.entries(fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <label>
          {view.t("console:broadcasts.sendAt")}
          <input type="datetime-local" name="sendAt" />
        </label>
        <p class="muted">{view.t("console:broadcasts.quietHours", { start: "20:00", end: "07:00" })}</p>
        <button type="submit" disabled={preview.recipients === 0}>
          {view.t("console:broadcasts.schedule")}
        </button>
      </form>
      <ComposeForm view={view} hidden={fields} />
    </>
  );
}
