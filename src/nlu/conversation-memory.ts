/**
 * What the answerer remembers between turns (in `session.context.nlu`) so follow-ups such as
 * "kalau 3 program?" or "terus dokumennya apa?" are read against the previous answer.
 */
import { z } from "zod";
import type { FaqTopic } from "./faq-topics";
import type { FollowUpAspect } from "./calc-request";

export const nluMemorySchema = z.object({
  /** The intent last answered (a FAQ topic or an action such as deathReport). */
  topic: z.string().optional(),
  /** The last contribution calculation. */
  calc: z
    .object({
      income: z.number(),
      programmes: z.array(z.enum(["JKK", "JKM", "JHT"])),
      sector: z.enum(["transport", "other"]),
      fundedBy: z.enum(["self", "apbd"]),
      sectorAssumed: z.boolean().optional(),
    })
    .optional(),
  /** The last amount stated, for "tulis dengan huruf". */
  amount: z.number().optional(),
});
export type NluMemory = z.infer<typeof nluMemorySchema>;

/** The memory kept in a session context; empty when absent or unreadable. */
export function toNluMemory(context: Readonly<Record<string, unknown>>): NluMemory {
  const parsed = nluMemorySchema.safeParse(context.nlu);
  return parsed.success ? parsed.data : {};
}

type Family = "join" | "pay" | "claim" | "accident" | "card";

const families: Record<Family, readonly string[]> = {
  join: [
    "whatIsBpu",
    "requirements",
    "howToRegister",
    "ageLimit",
    "programmes",
    "pemkotWho",
    "coverageStart",
    "dualMembership",
    "agenPerisai",
    "vsKesehatan",
    "registration",
    "eligibility",
  ],
  pay: [
    "contribution",
    "discount",
    "whoPays",
    "paymentDeadline",
    "paymentChannels",
    "latePayment",
    "calculate",
  ],
  claim: [
    "jkmBenefit",
    "earlyDeath",
    "scholarship",
    "heirs",
    "claimHelp",
    "claimDocuments",
    "claimWhere",
    "claimDuration",
    "claimDeadline",
    "claimStatusHow",
    "deathReport",
    "claimStatus",
  ],
  accident: ["workAccidentScope", "workAccidentSteps", "jkkBenefits", "jkkPaymentTime", "jkkDeath"],
  card: ["lostCard", "forgotKpj"],
};

const aspectTopics: Record<FollowUpAspect, Partial<Record<Family, FaqTopic>>> = {
  documents: {
    join: "requirements",
    pay: "paymentChannels",
    claim: "claimDocuments",
    accident: "workAccidentSteps",
    card: "lostCard",
  },
  where: {
    join: "howToRegister",
    pay: "paymentChannels",
    claim: "claimWhere",
    accident: "workAccidentSteps",
    card: "lostCard",
  },
  duration: {
    join: "coverageStart",
    pay: "paymentDeadline",
    claim: "claimDuration",
    accident: "jkkPaymentTime",
  },
  late: { join: "latePayment", pay: "latePayment", claim: "claimDeadline" },
  steps: {
    join: "howToRegister",
    pay: "paymentChannels",
    claim: "claimHelp",
    accident: "workAccidentSteps",
    card: "lostCard",
  },
};

/** The topic a follow-up aspect points to after `previous` ("dokumennya?" after a claim → claim documents). */
export function toFollowUpTopic(aspect: FollowUpAspect, previous: string | undefined): FaqTopic | undefined {
  if (previous === undefined) return undefined;
  const family = (Object.keys(families) as Family[]).find((f) => families[f].includes(previous));
  return family ? aspectTopics[aspect][family] : undefined;
}

/** Topics whose follow-ups with a figure mean "calculate again". */
export const calculationTopics: ReadonlySet<string> = new Set(["contribution", "calculate", "discount"]);
