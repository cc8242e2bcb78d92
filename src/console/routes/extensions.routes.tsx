/**
 * Questions the bot could not answer (the language issue's store, pseudonymised): list, and label
 * each with the intent it should have been, which adds it to the training data.
 */
import type { Hono } from "hono";
import type { UnansweredQuestion } from "../../core/unanswered.port";
import { formatDate } from "../../domain/jakarta-time";
import { getIntentClassifier } from "../../nlu/load-intent-model";
import { appendTrainingLine, toTrainingLine } from "../../nlu/staff-labels";
import { page, readForm, redirectWith, requires } from "../console-http";
import type { ConsoleContext, ConsoleDeps, ConsoleEnv, LabelSink, View } from "../console.types";
import { CsrfField } from "../pages/layout";

export const defaultLabelSink: LabelSink = {
  intents: () => getIntentClassifier().labels,
  append: (line) => appendTrainingLine(line),
};

function QuestionRow({
  question,
  view,
  intents,
}: {
  question: UnansweredQuestion;
  view: View;
  intents: readonly string[];
}) {
  return (
    <tr data-question={question._id}>
      <td>
        {question.text}
        <div class="muted">{`${formatDate(question.at, view.language)} · ${question.channel} · ${question.guesses.join(", ") || "-"}`}</div>
      </td>
      <td>
        <form method="post" action={`/unanswered/${encodeURIComponent(question._id)}/label`}>
          <CsrfField view={view} />
          <select name="label">
            {intents.map((intent) => (
              <option value={intent} selected={intent === (question.label ?? question.guesses[0])}>
                {intent}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary">
            {view.t("console:common.save")}
          </button>
        </form>
        {question.label ? <span class="badge">{question.label}</span> : null}
      </td>
    </tr>
  );
}

async function list(c: ConsoleContext, sink: LabelSink) {
  const { services, view } = c.var;
  const store = services.unanswered;
  if (!store)
    return page(
      c,
      view.t("console:unanswered.title"),
      <p class="muted">{view.t("console:unanswered.unavailable")}</p>,
    );
  const questions = await store.list({ all: c.req.query("all") === "1", limit: 200 });
  const intents = sink.intents();
  return page(
    c,
    view.t("console:unanswered.title"),
    <>
      <p>
        {c.req.query("all") === "1" ? (
          <a href="/unanswered">{view.t("console:unanswered.showOpen")}</a>
        ) : (
          <a href="/unanswered?all=1">{view.t("console:unanswered.showAll")}</a>
        )}
      </p>
      {questions.length === 0 ? (
        <p class="muted">{view.t("console:common.none")}</p>
      ) : (
        <table id="unanswered">
          <thead>
            <tr>
              <th>{view.t("console:unanswered.question")}</th>
              <th>{view.t("console:unanswered.label")}</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((question) => (
              <QuestionRow question={question} view={view} intents={intents} />
            ))}
          </tbody>
        </table>
      )}
    </>,
  );
}

async function label(c: ConsoleContext, sink: LabelSink) {
  const { services, view, principal } = c.var;
  const intent = (await readForm(c))("label", 60);
  const question = services.unanswered ? await services.unanswered.findById(c.req.param("id") ?? "") : null;
  if (!question || !sink.intents().includes(intent))
    return redirectWith(c, "/unanswered", {
      error: view.t("console:error.invalid", { what: view.t("console:unanswered.label") }),
    });
  sink.append(toTrainingLine(intent, question.text, sink.intents()));
  await services.unanswered!.markLabelled(question._id, intent, principal.actor, view.now);
  await services.audit.record({
    at: view.now,
    actor: principal.actor,
    action: "unanswered.label",
    target: `question:${question._id.slice(0, 8)}`,
    details: { intent },
  });
  return redirectWith(c, "/unanswered", { ok: view.t("console:unanswered.labelled", { label: intent }) });
}

export function registerExtensions(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  const sink = deps.labels ?? defaultLabelSink;
  app.get("/unanswered", requires("unanswered.label"), (c) => list(c, sink));
  app.post("/unanswered/:id/label", requires("unanswered.label"), (c) => label(c, sink));
}
