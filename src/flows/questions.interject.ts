/**
 * The engine's hook for free text a step (or the home menu) refused: answers questions, starts
 * the flow a request names, offers close topics when unsure, and remembers what was answered
 * in `session.context.nlu` for follow-ups. Mid-flow it answers only clear questions. What it could
 * not answer is kept (pseudonymised) for staff to label into the training data.
 */
import type { FlowRegistry, Interjection } from "../core/flow-registry";
import type { FlowContext } from "../core/flow";
import type { Reply } from "../core/messages";
import { toComparable } from "../core/text";
import { toFaqParams } from "../nlu/faq-params";
import { thresholds } from "../nlu/nlu-thresholds";
import { menuFlow } from "./menu.flow";
import { toReferenceReplies } from "./answers/status-answers";
import { decideAnswer, type Decision } from "./question-answerer";

/** Mid-flow the bar is higher: text a step refused is more often a bad answer than a question. */
export const midFlowAnswerAt = thresholds.midFlow;

const questionWords =
  /\?|\b(apa|apakah|bagaimana|gimana|gmn|berapa|brp|berapo|kapan|dimana|di mana|siapa|siapo|kenapa|ngapo|bisa|biso|boleh|how|what|when|where|who|can)\b/i;

/** True when text reads like a question rather than an answer. */
export function looksLikeQuestion(text: string): boolean {
  return questionWords.test(text);
}

/** Stores what the decision wants remembered for follow-ups. */
export function remember(decision: Decision, ctx: FlowContext): void {
  if ((decision.type === "replies" || decision.type === "start") && decision.memory)
    ctx.setContext({ nlu: decision.memory });
}

/** Keeps a message the bot could not answer (scrubbed by the port) with its guesses, for staff. */
export async function recordUnanswered(text: string, guesses: string[], ctx: FlowContext): Promise<void> {
  const store = ctx.services.unanswered;
  if (!store) return;
  try {
    await store.record({ text, guesses, channel: ctx.channel, language: ctx.language, at: ctx.now });
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not keep an unanswered question");
  }
}

function toTitleList(decision: Extract<Decision, { type: "suggest" }>, ctx: FlowContext): string {
  const params = toFaqParams(ctx.language);
  return decision.topics.map((t) => ctx.translator.t(ctx.language, `faq:${t}.title`, params)).join("; ");
}

/** Mostly digits: a NIK, phone or amount typed wrongly, never a question to answer mid-flow. */
function isMostlyDigits(text: string): boolean {
  const visible = text.replace(/\s/g, "");
  return visible.length > 0 && visible.replace(/\D/g, "").length / visible.length >= 0.5;
}

async function withMenu(replies: Reply[], ctx: FlowContext): Promise<Reply[]> {
  const menu = await menuFlow.steps.main?.prompt({}, ctx);
  return [...replies, ...(menu ?? [])];
}

const continueWords = new Set([
  "lanjut",
  "lanjutkan",
  "lanjut lagi",
  "teruskan",
  "terus",
  "lanjut daftar",
  "lanjutkan pendaftaran",
  "continue",
  "lanjut yang tadi",
]);

/** "lanjut" at the menu (e.g. the next day) goes back to the flow left most recently, answers kept. */
function toResume(text: string, ctx: FlowContext): Interjection | null {
  if (ctx.session.flow !== null || !continueWords.has(toComparable(text))) return null;
  const latest = Object.values(ctx.session.parked).sort(
    (a, b) => new Date(b.startedAt).getTime() - new Date(a.startedAt).getTime(),
  )[0];
  return latest ? { replies: [], start: { flow: latest.id } } : null;
}

async function toInterjection(text: string, ctx: FlowContext): Promise<Interjection | null> {
  const resume = toResume(text, ctx);
  if (resume) return resume;
  // A reference is recognised anywhere, before it could be read as digits or an amount.
  const status = await toReferenceReplies(text, ctx);
  if (status) {
    remember({ type: "replies", replies: status, memory: { topic: "registrationStatus" } }, ctx);
    return status;
  }
  const inFlow = ctx.session.flow !== null;
  if (inFlow && isMostlyDigits(text)) return null;
  const decision = await decideAnswer(text, ctx, inFlow ? midFlowAnswerAt : undefined);
  remember(decision, ctx);
  switch (decision.type) {
    case "none":
      if (!inFlow) await recordUnanswered(text, [], ctx);
      return null;
    case "replies": {
      // Mid-flow, text that is no clear question is a bad answer: the step re-asks with its reason.
      if (inFlow && !looksLikeQuestion(text)) return null;
      // A decline is kept for staff too: near the domain, it may be a question worth labelling.
      if (!inFlow && decision.outOfScope) await recordUnanswered(text, ["outOfScope"], ctx);
      if (inFlow || !(decision.outOfScope || decision.showMenu)) return decision.replies;
      return withMenu(decision.replies, ctx);
    }
    case "start":
      // Mid-flow, one word is an answer ("kemarin" is no death report); a request has a few words.
      if (inFlow && text.trim().split(/\s+/).length < 2) return null;
      return {
        replies: decision.replies ?? [],
        start: { flow: decision.flow, ...(decision.data === undefined ? {} : { data: decision.data }) },
      };
    case "suggest": {
      if (!inFlow) {
        await recordUnanswered(text, decision.topics, ctx);
        return { replies: [], start: { flow: "questions", data: { suggestions: decision.topics } } };
      }
      if (!looksLikeQuestion(text)) return null;
      const list: Reply = { key: "questions:suggest.list", params: { list: toTitleList(decision, ctx) } };
      return [list];
    }
  }
}

/** The interjector the registry is built with (see app.ts). */
export function createQuestionInterjector(): NonNullable<FlowRegistry["interject"]> {
  return toInterjection;
}
