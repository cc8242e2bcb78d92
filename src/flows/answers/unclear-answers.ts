/**
 * What the bot says when a message asks nothing clearly (read-message.ts gives the verdict): a
 * greeting or thanks back, a polite decline, a short list of the closest topics, or nothing.
 */
import type { FlowContext } from "../../core/flow";
import { isFaqTopic, type FaqTopic } from "../../nlu/faq-topics";
import { thresholds } from "../../nlu/nlu-thresholds";
import type { Reading } from "../../nlu/read-message";
import type { Decision } from "../question-replies";
import { actOn, topicOfIntent } from "./intent-actions";

/** Topics to offer when unsure: the best two or three distinct FAQ topics. */
function toSuggestions(reading: Reading): FaqTopic[] {
  const topics: FaqTopic[] = [];
  for (const { intent, p } of reading.candidates) {
    const topic = isFaqTopic(intent) ? intent : topicOfIntent[intent];
    if (p >= thresholds.candidate && topic && !topics.includes(topic)) topics.push(topic);
    if (topics.length === 3) break;
  }
  return topics;
}

/** The decision for a reading whose verdict is not "answer". */
export async function toUnclearDecision(text: string, reading: Reading, ctx: FlowContext): Promise<Decision> {
  switch (reading.verdict) {
    case "framing":
      return actOn(reading.whole.ranked[0]?.intent ?? "greeting", text, ctx);
    case "decline":
      return actOn("outOfScope", text, ctx);
    case "suggest": {
      const topics = toSuggestions(reading);
      return topics.length > 0 ? { type: "suggest", topics } : { type: "none" };
    }
    default:
      return { type: "none" };
  }
}
