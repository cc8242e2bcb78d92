/**
 * The engine's hook for free text a step (or the home menu) refused: answers questions, starts
 * the flow a request names, offers close topics when unsure, and remembers what was answered
 * in `session.context.nlu` for follow-ups. Mid-flow it answers only clear questions.
 */
import type { FlowRegistry, Interjection } from "../core/engine";
import type { FlowContext } from "../core/flow";
import type { Reply } from "../core/messages";
import { menuFlow } from "./menu.flow";
import { decideAnswer, type Decision } from "./question-answerer";

/** Mid-flow the bar is higher: text a step refused is more often a bad answer than a question. */
export const midFlowAnswerAt = 0.55;

const questionWords =
  /\?|\b(apa|apakah|bagaimana|gimana|gmn|berapa|brp|kapan|dimana|di mana|siapa|kenapa|bisa|boleh|how|what|when|where|who|can)\b/i;

/** True when text reads like a question rather than an answer. */
export function looksLikeQuestion(text: string): boolean {
  return questionWords.test(text);
}

/** Stores what the decision wants remembered for follow-ups. */
export function remember(decision: Decision, ctx: FlowContext): void {
  if ((decision.type === "replies" || decision.type === "start") && decision.memory)
    ctx.setContext({ nlu: decision.memory });
}

function toTitleList(decision: Extract<Decision, { type: "suggest" }>, ctx: FlowContext): string {
  return decision.topics.map((t) => ctx.translator.t(ctx.language, `faq:${t}.title`)).join("; ");
}

async function toInterjection(text: string, ctx: FlowContext): Promise<Interjection | null> {
  const inFlow = ctx.session.flow !== null;
  const decision = decideAnswer(text, ctx, inFlow ? midFlowAnswerAt : undefined);
  remember(decision, ctx);
  switch (decision.type) {
    case "none":
      return null;
    case "replies": {
      if (inFlow || !decision.outOfScope) return decision.replies;
      const menu = await menuFlow.steps.main?.prompt({}, ctx);
      return [...decision.replies, ...(menu ?? [])];
    }
    case "start":
      return {
        replies: [],
        start: { flow: decision.flow, ...(decision.data === undefined ? {} : { data: decision.data }) },
      };
    case "suggest": {
      if (!inFlow)
        return { replies: [], start: { flow: "questions", data: { suggestions: decision.topics } } };
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
