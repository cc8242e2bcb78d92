/**
 * Reading a question in the light of a death: a family member's death told with a question about
 * the benefit starts the death report (condolences first), and in a message about a death
 * "documents" and "how" are the claim's, not the registration's.
 */
import type { IntentScore } from "../../nlu/intent-model";
import { thresholds } from "../../nlu/nlu-thresholds";
import type { Reading } from "../../nlu/read-message";

const familyDeath =
  /\b(suami|istri|bini|laki|bapak|bapaknya|ayah|abah|ibu|emak|umak|mak|anak|abang|kakak|adik|adek|mertua|orang tua|ortu|kakek|nenek|pak rt|ketua rt|husband|wife|father|mother|son|daughter|brother|sister)\b.{0,60}\b(meninggal|wafat|berpulang|died|passed away|tiada|sudah tidak ada|udah ga ada|udh ga ada)\b/i;

const deathQuestions = new Set(["deathReport", "jkmBenefit", "claimHelp"]);

/** A death told as something that happened ("kemaren", "sudah", "last week"), not asked about as a case. */
const toldAsFact =
  /\b(kemarin|kemaren|kmrn|kmren|tadi|barusan|baru saja|baru aja|sudah|udah|udh|sdh|telah|lalu|minggu ini|bulan ini|yesterday|last (week|month|night)|recently|this (morning|week))\b/i;
const hypothetical = /\b(kalau|kalo|klo|kl|jika|jikalau|apabila|bila|seandainya|andai|misal|misalnya|if)\b/i;

/** What a family whose member died asks first; each leads to the report, which answers it for their case. */
const benefitTopics = new Set(["deathReport", "jkmBenefit", "claimHelp", "earlyDeath", "jkkDeath"]);

/**
 * A family member's death told with a question about the benefit: condolences and the report
 * first, also when the reading hesitates between the report and the benefit (both lead there).
 * A death told as having happened ("udh meninggal bulan lalu") counts without the classifier's
 * vote when what it reads first is a benefit topic; one asked about as a case ("kalau suami
 * meninggal") never starts a report.
 */
export function toDeathReportFirst(text: string, reading: Reading): IntentScore[] | undefined {
  if (!familyDeath.test(text)) return undefined;
  const report = reading.whole.ranked.find((r) => r.intent === "deathReport");
  const [first, second] = reading.whole.ranked;
  const happened = toldAsFact.test(text) && !hypothetical.test(text);
  if (happened && first && benefitTopics.has(first.intent))
    return withOtherAsks({ intent: "deathReport", p: first.p }, reading);
  const main = reading.asks[0];
  if (main && ["jkmBenefit", "claimHelp"].includes(main.intent))
    return report && report.p >= 0.1
      ? withOtherAsks({ intent: "deathReport", p: main.p }, reading)
      : undefined;
  if (reading.verdict === "answer" || !report) return undefined;
  const both = [first, second].every((r) => r !== undefined && deathQuestions.has(r.intent));
  const p = (first?.p ?? 0) + (second?.p ?? 0);
  return both && [first, second].includes(report) && p >= thresholds.answer
    ? [{ intent: "deathReport", p }]
    : undefined;
}

/** The report, and what else the message asks beyond the benefit ("dokumennya apa aja?"). */
function withOtherAsks(report: IntentScore, reading: Reading): IntentScore[] {
  return [report, ...reading.asks.filter((a) => !benefitTopics.has(a.intent))];
}

const deathContext = new Set(["deathReport", "jkmBenefit", "earlyDeath", "jkkDeath", "claimHelp", "heirs"]);
/** In a message about a death, "documents" and "how" are the claim's, not the registration's. */
const inDeathContext: Readonly<Record<string, string>> = {
  requirements: "claimDocuments",
  howToRegister: "claimHelp",
};

export function toAsksInContext(asks: readonly IntentScore[]): IntentScore[] {
  if (!asks.some((a) => deathContext.has(a.intent))) return [...asks];
  return asks.map((a) => ({ ...a, intent: inDeathContext[a.intent] ?? a.intent }));
}
