/**
 * Scores the bot end to end on labelled questions (the held-out files in test/nlu/heldout/ and the
 * internal validation split): each message goes to a fresh conversation of the real engine, and the
 * replies are mapped onto the catalogue's labels: a FAQ answer or a started flow is a direct answer
 * of that topic; a "Apakah salah satu ini?" list is a choice menu; "Maaf, saya hanya bisa membantu…"
 * is a decline; anything else a fallback. `a|b` passes with either, `a+b` needs both.
 */
import { createApp } from "../../src/app";
import type { Language, Reply } from "../../src/core/messages";
import type { Session } from "../../src/core/session";
import { flowOfIntent } from "../../src/flows/answers/intent-actions";
import type { LabelledRow } from "../../src/nlu/training-data";
import { silentLogger } from "../../src/security/pino.logger";
import { createVault } from "../../src/security/vault";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";

export type Outcome = "direct" | "wrong" | "partial" | "menu" | "declined" | "fallback";
export type Scored = {
  row: LabelledRow;
  outcome: Outcome;
  answered: string[];
  correct: boolean;
  text: string;
};

/** The label a started flow answers: `flowOfIntent` read the other way ("calculator" → "calculate"). */
const flowLabels: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(flowOfIntent).map(([intent, flow]) => [flow, intent]),
);
const renamed: Readonly<Record<string, string>> = { claimStatusHow: "claimStatus", pemkotPays: "whoPays" };
const framing = new Set(["greeting", "thanks"]);

/** The catalogue labels the replies (and the flow the turn started) answer. */
export function toAnsweredLabels(replies: readonly Reply[], session: Session): string[] {
  const labels = new Set<string>();
  for (const { key } of replies) {
    const [ns = "", path = ""] = key.split(":");
    const head = path.split(".")[0] ?? "";
    if (ns === "faq") labels.add(renamed[head] ?? head);
    else if (ns === "calculator" && (head === "result" || head === "words"))
      labels.add(head === "words" ? "words" : "calculate");
    else if (key === "calculator:jkkDeath.result") labels.add("jkkDeath");
    else if (ns === "claimStatus") labels.add("claimStatus");
    else if (key.startsWith("questions:registrationStatus")) labels.add("registrationStatus");
    // A person asked for: the answerer's offer, or the hand-off opened at once (core/handoff-request.ts).
    else if (key === "questions:handoff" || key === "questions:human" || ns === "handoff")
      labels.add("handoff");
    else if (key.startsWith("questions:greeting") || key === "menu:greeting") labels.add("greeting");
    else if (key === "questions:thanks") labels.add("thanks");
    // A part declined as out of scope, beside an answer to another part ("outOfScope+contribution").
    else if (key === "questions:outOfScope") labels.add("outOfScope");
  }
  const flow = session.flow?.id;
  if (flow && flowLabels[flow]) labels.add(flowLabels[flow]);
  return [...labels];
}

const programmeFigure = /Rp\s?\d|\d\s?%|\d+\s*×|\b\d+\s*(juta|ribu|million)\b/i;

function toOutcome(row: LabelledRow, replies: readonly Reply[], session: Session, text: string): Scored {
  const keys = replies.map((r) => r.key);
  const answered = toAnsweredLabels(replies, session);
  const wanted = row.label.includes("+") ? row.label.split("+") : row.label.split("|");
  const needsAll = row.label.includes("+");
  const menu = keys.includes("questions:suggest.prompt") || session.flow?.id === "questions";
  const declined = keys.includes("questions:outOfScope");
  const base = { row, answered, text };
  if (row.label === "outOfScope") {
    // Declined (or nothing but a greeting back), and never a programme figure beside it.
    const ok =
      !programmeFigure.test(text) &&
      (declined || answered.every((l) => framing.has(l) || l === "outOfScope"));
    return {
      ...base,
      outcome: declined ? "declined" : ok ? (menu ? "menu" : "fallback") : "wrong",
      correct: ok,
    };
  }
  const greetedOnly = keys.includes("common:welcome") && answered.length === 0 && !menu && !declined;
  if (wanted.includes("greeting") && greetedOnly) return { ...base, outcome: "direct", correct: true };
  const hits = wanted.filter((w) => answered.includes(w));
  const topics = answered.filter((l) => (!framing.has(l) && l !== "outOfScope") || wanted.includes(l));
  if (!menu && (needsAll ? hits.length === wanted.length : hits.length > 0))
    return { ...base, outcome: "direct", correct: true };
  if (hits.length > 0) return { ...base, outcome: menu ? "menu" : "partial", correct: false };
  if (topics.length > 0) return { ...base, outcome: "wrong", correct: false };
  return { ...base, outcome: menu ? "menu" : declined ? "declined" : "fallback", correct: false };
}

/** A bot over the memory store with a fixed clock, for scoring messages one conversation each. */
export function createScoringBot(now = new Date("2026-05-04T10:00:00+07:00")) {
  const build = (defaultLanguage: Language) =>
    createApp({
      store: createMemoryDocumentStore(),
      clock: { now: () => now },
      logger: silentLogger,
      vault: createVault({ current: "k1", keys: { k1: Buffer.alloc(32, 7) }, hashKey: Buffer.alloc(32, 9) }),
      defaultLanguage,
    });
  // English questions are asked in an English conversation (as after "bahasa"); the labels are the same.
  const apps = { id: build("id"), en: build("en") };
  let counter = 0;
  async function score(row: LabelledRow): Promise<Scored> {
    counter += 1;
    const language: Language = row.lang === "en" ? "en" : "id";
    const app = apps[language];
    const translator = app.translator;
    const result = await app.engine.handle(
      null,
      {
        channel: "terminal",
        userId: `eval-${counter}`,
        messageId: `e${counter}`,
        content: { type: "text", text: row.text },
      },
      now,
    );
    const replies = result.replies;
    const rendered = replies
      .flatMap((r) => [
        r.key === "common:welcome" ? "" : translator.t(language, r.key, r.params),
        ...(r.choices ?? []).map((c) => translator.t(language, c.label, c.params)),
      ])
      .join("\n");
    return toOutcome(row, replies, result.session, rendered);
  }
  return { score };
}

export type Figures = {
  total: number;
  direct: number;
  wrong: number;
  menu: number;
  declined: number;
  outOfScope: number;
  outOfScopeOk: number;
};

export function toFigures(scored: readonly Scored[]): Figures {
  const inScope = scored.filter((s) => s.row.label !== "outOfScope");
  const oos = scored.filter((s) => s.row.label === "outOfScope");
  const count = (o: Outcome) => inScope.filter((s) => s.outcome === o).length;
  return {
    total: inScope.length,
    direct: count("direct"),
    wrong: count("wrong"),
    menu: count("menu"),
    declined: count("declined"),
    outOfScope: oos.length,
    outOfScopeOk: oos.filter((s) => s.correct).length,
  };
}

export const share = (part: number, total: number) => (total === 0 ? 1 : part / total);
