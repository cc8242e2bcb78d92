/**
 * The last check before an answer goes out: a message whose content words are mostly unknown to
 * the domain (the classifier's `domain` share below its threshold) is never answered with a
 * programme figure (a rupiah amount, a percentage, "48 ×", "42 juta"); it is declined instead.
 * Whatever the classifier thought, an unfamiliar question gets no number it may take as fact.
 */
import type { FlowContext } from "../../core/flow";
import type { Reply } from "../../core/messages";
import { thresholds } from "../../nlu/nlu-thresholds";
import type { Reading } from "../../nlu/read-message";
import type { Decision } from "../question-replies";
import { actOn } from "./intent-actions";

const programmeFigure = /Rp\s?\d|\d\s?%|\d+\s*×|\b\d+\s*(juta|ribu|million)\b/i;

function statesFigure(replies: readonly Reply[], ctx: FlowContext): boolean {
  return replies.some((r) => programmeFigure.test(ctx.translator.t(ctx.language, r.key, r.params)));
}

/** The decision, or a decline when it would state a figure to an unfamiliar message. */
export async function toGuardedDecision(
  decision: Decision,
  reading: Reading,
  text: string,
  ctx: FlowContext,
): Promise<Decision> {
  if (reading.whole.domain >= thresholds.domain) return decision;
  const replies =
    decision.type === "replies"
      ? decision.replies
      : decision.type === "start"
        ? (decision.replies ?? [])
        : [];
  return statesFigure(replies, ctx) ? actOn("outOfScope", text, ctx) : decision;
}
