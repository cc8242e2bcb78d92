/**
 * "Tanya syarat & iuran": topics by category, free questions answered by the question answerer,
 * and the way into the eligibility check and the calculator. Also where unsure answers land:
 * started with `{ suggestions }`, it offers those topics and a human contact as numbered choices.
 */
import { handoffFlowId } from "../core/handoff-request";
import { z } from "zod";
import type { ChoiceOption } from "../core/choice-match";
import { defineFlow, next, stay, startFlow, type FlowContext, type StepResult } from "../core/flow";
import type { Reply } from "../core/messages";
import { ask, choose } from "../core/steps";
import { toComparable } from "../core/text";
import { toFaqParams } from "../nlu/faq-params";
import { faqCategories, isFaqTopic, type FaqCategory, type FaqTopic } from "../nlu/faq-topics";
import { decideAnswer } from "./question-answerer";
import { recordUnanswered, remember } from "./questions.interject";

const questionsData = z.object({
  category: z.string().optional(),
  suggestions: z.array(z.string()).default([]),
});
type QuestionsData = z.infer<typeof questionsData>;

const categories = Object.keys(faqCategories) as FaqCategory[];
const tools = ["eligibility", "calculator", "free"] as const;
const topicWords = new Set(["topik", "topic", "topics", "daftar topik", "list"]);

function answerTopic(topic: FaqTopic, ctx: FlowContext): StepResult<QuestionsData> {
  ctx.setContext({ nlu: { topic } });
  const answer: Reply = { key: `faq:${topic}.answer`, params: toFaqParams(ctx.language) };
  return next("free", { suggestions: [] }, [answer]);
}

function humanContact(ctx: FlowContext): Reply {
  return { key: "questions:human", params: toFaqParams(ctx.language) };
}

/** Free text inside this flow: answer it here, offer topics, or hand over to another flow. */
async function answerFreeText(
  text: string,
  data: QuestionsData,
  ctx: FlowContext,
): Promise<StepResult<QuestionsData>> {
  if (topicWords.has(toComparable(text))) return next("pick", { suggestions: [] });
  const decision = await decideAnswer(text, ctx);
  remember(decision, ctx);
  switch (decision.type) {
    case "replies":
      if (decision.outOfScope) await recordUnanswered(text, ["outOfScope"], ctx);
      return stay(data, decision.replies);
    case "start":
      return startFlow(decision.flow, decision.data, decision.replies);
    case "suggest":
      return next("pick", { suggestions: decision.topics });
    case "none":
      await recordUnanswered(text, [], ctx);
      return stay(data, [{ key: "questions:free.notFound" }, humanContact(ctx)]);
  }
}

/** A topic as a choice; titles may carry numbers too ("Diskon iuran 50%"). */
const toTopicOption = (topic: FaqTopic, ctx: FlowContext): ChoiceOption => ({
  value: topic,
  label: `faq:${topic}.title`,
  params: toFaqParams(ctx.language),
});

function pickOptions(data: QuestionsData, ctx: FlowContext): ChoiceOption[] {
  if (data.suggestions.length > 0)
    return [
      ...data.suggestions.filter(isFaqTopic).map((t) => toTopicOption(t, ctx)),
      { value: "human", label: "questions:suggest.human", aliases: ["petugas", "hubungi petugas", "cs"] },
    ];
  return [...categories, ...tools].map((value) => ({ value, label: `questions:pick.${value}` as const }));
}

export const questionsFlow = defineFlow({
  id: "questions",
  version: 1,
  start: "pick",
  data: questionsData,
  initial: (_ctx, input) => questionsData.catch({ suggestions: [] }).parse(input ?? {}),
  steps: {
    pick: choose<QuestionsData>({
      prompt: (data) => ({
        key: data.suggestions.length > 0 ? "questions:suggest.prompt" : "questions:pick.prompt",
      }),
      options: pickOptions,
      onChoice: (value, _data, ctx) => {
        if (isFaqTopic(value)) return answerTopic(value, ctx);
        // "Bukan, hubungi petugas": a person takes over the conversation (core/handoff-citizen.ts).
        if (value === "human") return startFlow(handoffFlowId);
        if (value === "eligibility" || value === "calculator") return startFlow(value);
        if (value === "free") return next("free", { suggestions: [] });
        return next("topics", { category: value, suggestions: [] });
      },
      onOther: (input, data, ctx) => answerFreeText(input.text, data, ctx),
    }),
    topics: choose<QuestionsData>({
      prompt: "questions:topics.prompt",
      options: (data, ctx) =>
        (faqCategories[data.category as FaqCategory] ?? []).map((t: FaqTopic) => toTopicOption(t, ctx)),
      onChoice: (value, data, ctx) => (isFaqTopic(value) ? answerTopic(value, ctx) : next("pick", data)),
      onOther: (input, data, ctx) => answerFreeText(input.text, data, ctx),
    }),
    free: ask<QuestionsData, string>({
      prompt: "questions:free.prompt",
      parse: (text) => (/\p{L}/u.test(text) ? { ok: true, value: text } : { ok: false, reason: "empty" }),
      invalid: "questions:free.notFound",
      onAnswer: (text, data, ctx) => answerFreeText(text, data, ctx),
    }),
  },
});
