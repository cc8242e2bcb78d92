/**
 * What the bot does for each intent the classifier knows: a FAQ answer (some depend on who asks
 * and when), a flow to start, a status lookup, a greeting back, thanks, a decline.
 */
import { handoffFlowId } from "../../core/handoff-request";
import type { FlowContext } from "../../core/flow";
import type { Reply } from "../../core/messages";
import { toAmount } from "../../nlu/calc-request";
import { toFaqParams } from "../../nlu/faq-params";
import { isFaqTopic, type FaqTopic } from "../../nlu/faq-topics";
import { faqAnswer, jkkDeath, type Decision } from "../question-replies";
import { toAskerSituation } from "./asker-situation";
import { toContributionReplies, toDiscountReplies, toWhoPaysReplies } from "./payment-answers";
import { toRegistrationStatusReplies } from "./status-answers";
import { toRegistrationEntry } from "../registration/entry";

/** Intents that start a flow. */
export const flowOfIntent: Readonly<Record<string, string>> = {
  registration: "registration",
  eligibility: "eligibility",
  deathReport: "deathReport",
  claimStatus: "claimStatus",
  myData: "myData",
  optOut: "optOut",
  calculate: "calculator",
};

/** The FAQ topic offered in a choice list for an intent that is no FAQ topic itself. */
export const topicOfIntent: Readonly<Record<string, FaqTopic>> = {
  registration: "howToRegister",
  eligibility: "requirements",
  deathReport: "claimHelp",
  claimStatus: "claimStatusHow",
  registrationStatus: "howToRegister",
  myData: "privacy",
  calculate: "contribution",
  handoff: "contacts",
};

const salam = /\b(ass?alamu?\s?'?alaikum|asalamualaikum|assalamualaikum|samlekom|ass wr|aslm|salam)\b/i;
const accident =
  /\b(kecelakaan|celaka|celako|accident|jatuh|ditabrak|tabrakan|tertimpa|kesetrum|tersetrum)\b/i;

/** True when the text carries a salam ("assalamualaikum", "ass wr wb"). */
export const hasSalam = (text: string): boolean => salam.test(text);

/** "Waalaikumsalam" for a salam, "Halo" otherwise; the very first message already got the welcome. */
export function toGreeting(text: string, ctx: FlowContext): Reply[] {
  if (salam.test(text)) return [{ key: "questions:greeting.salam" }];
  const firstTurn = ctx.session.version === 0;
  return firstTurn ? [] : [{ key: "questions:greeting.hello" }];
}

async function answerTopic(topic: FaqTopic, text: string, ctx: FlowContext): Promise<Decision> {
  const base = faqAnswer(topic, ctx);
  if (base.type !== "replies") return base;
  const situational = async (replies: Reply[]) => ({ ...base, replies });
  switch (topic) {
    case "contribution":
      return situational(toContributionReplies(text, await toAskerSituation(ctx), ctx));
    case "whoPays":
      return situational(toWhoPaysReplies(await toAskerSituation(ctx), ctx));
    case "discount":
      return situational(toDiscountReplies(await toAskerSituation(ctx), ctx));
    case "jkkDeath": {
      const income = toAmount(text);
      return income === undefined ? base : jkkDeath(income);
    }
    case "jkmBenefit":
    case "earlyDeath":
      // A death with an accident may be JKK: state both, never the JKM figure alone.
      if (!accident.test(text)) return base;
      return situational([
        { key: "faq:jkkDeath.answer", params: toFaqParams(ctx.language) },
        ...base.replies,
      ]);
    default:
      return base;
  }
}

/** The decision for one intent the message asks. */
export async function actOn(intent: string, text: string, ctx: FlowContext): Promise<Decision> {
  if (isFaqTopic(intent)) return answerTopic(intent, text, ctx);
  const flow = flowOfIntent[intent];
  if (flow === "registration" && ctx.session.flow?.id !== flow) {
    const entry = await toRegistrationEntry(ctx, text);
    if (entry.type === "registered") return { type: "replies", replies: entry.replies, showMenu: true };
    return { type: "start", flow, memory: { topic: intent }, ...(entry.data ? { data: entry.data } : {}) };
  }
  if (flow)
    return ctx.session.flow?.id === flow
      ? { type: "none" }
      : {
          type: "start",
          flow,
          memory: { topic: intent },
          // The death report reads what the heir already said ("suami sy meninggal kemarin").
          ...(flow === "deathReport" ? { data: { said: text } } : {}),
        };
  switch (intent) {
    case "registrationStatus":
      return {
        type: "replies",
        replies: await toRegistrationStatusReplies(text, ctx),
        memory: { topic: intent },
      };
    case "handoff":
      // A person takes over the conversation (core/handoff-citizen.ts).
      return { type: "start", flow: handoffFlowId };
    case "greeting":
      return { type: "replies", replies: toGreeting(text, ctx), showMenu: true };
    case "thanks":
      return { type: "replies", replies: [{ key: "questions:thanks" }] };
    case "outOfScope":
      return { type: "replies", replies: [{ key: "questions:outOfScope" }], outOfScope: true };
    default:
      return { type: "none" };
  }
}
