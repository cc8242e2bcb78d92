/**
 * The FAQ topics (DOMAIN §6 plus registration and claim help, contacts, lost card, fraud),
 * grouped in the categories the questions flow lists. Texts live in locales/<lng>/faq.json.
 */
export const faqCategories = {
  join: [
    "whatIsBpjsTk",
    "whatIsBpu",
    "requirements",
    "howToRegister",
    "rtRegistersResidents",
    "ageLimit",
    "interns",
    "programmes",
    "jkpForBpu",
    "pemkotWho",
    "coverageStart",
    "dualMembership",
    "vsKesehatan",
    "agenPerisai",
  ],
  pay: ["contribution", "whoPays", "discount", "paymentDeadline", "paymentChannels", "latePayment"],
  benefits: [
    "jkmBenefit",
    "earlyDeath",
    "jkkDeath",
    "jkkBenefits",
    "jkkPaymentTime",
    "scholarship",
    "workAccidentScope",
    "workAccidentSteps",
    "jhtBalance",
  ],
  claims: [
    "claimHelp",
    "claimDocuments",
    "heirs",
    "claimWhere",
    "claimDuration",
    "claimDeadline",
    "claimStatusHow",
  ],
  other: ["contacts", "fraud", "lostCard", "forgotKpj", "privacy"],
} as const;

export type FaqCategory = keyof typeof faqCategories;
export type FaqTopic = (typeof faqCategories)[FaqCategory][number];

export const faqTopics: readonly FaqTopic[] = Object.values(faqCategories).flat();

/** Topics whose answer carries a [U] fact, worded "sesuai ketentuan BPJS, silakan konfirmasi…". */
export const uncertainTopics: ReadonlySet<FaqTopic> = new Set<FaqTopic>([
  "requirements",
  "ageLimit",
  "whoPays",
  "latePayment",
  "coverageStart",
  "earlyDeath",
  "jkkDeath",
  "jkkBenefits",
  "claimDuration",
  "dualMembership",
  "interns",
]);

export function isFaqTopic(value: string): value is FaqTopic {
  return (faqTopics as readonly string[]).includes(value);
}

/** The category a topic is listed under. */
export function toFaqCategory(topic: FaqTopic): FaqCategory {
  for (const [category, topics] of Object.entries(faqCategories))
    if ((topics as readonly string[]).includes(topic)) return category as FaqCategory;
  return "other";
}
