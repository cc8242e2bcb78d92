import { renderReply } from "../../src/core/render";
import { languages } from "../../src/core/messages";
import { createTranslator, loadResources } from "../../src/i18n/translator";
import { toFaqParams } from "../../src/nlu/faq-params";
import { faqTopics, uncertainTopics } from "../../src/nlu/faq-topics";

const translator = createTranslator();
const confirmWording = { id: "silakan konfirmasi ke Kantor Cabang", en: "please confirm with the" };

describe("FAQ content", () => {
  it("covers DOMAIN's thirty questions plus registration, claims, contacts, lost card and fraud", () => {
    expect(faqTopics.length).toBeGreaterThanOrEqual(35);
    expect(faqTopics).toEqual(
      expect.arrayContaining(["howToRegister", "claimHelp", "contacts", "lostCard", "fraud"]),
    );
  });

  describe.each(languages)("in %s", (language) => {
    it.each([...faqTopics])("answers %s shortly, with every figure filled in", (topic) => {
      const key = `faq:${topic}.answer` as const;
      expect(translator.has(language, key)).toBe(true);
      const { text } = renderReply({ key, params: toFaqParams(language) }, language, translator);
      expect(text.length).toBeLessThanOrEqual(600);
      expect(text).not.toMatch(/\{\{|\}\}|undefined|NaN/);
      const title = renderReply(
        { key: `faq:${topic}.title`, params: toFaqParams(language) },
        language,
        translator,
      );
      expect(title.text.length).toBeGreaterThan(3);
    });

    it("words every uncertain fact with the confirmation sentence", () => {
      for (const topic of uncertainTopics) {
        const { text } = renderReply(
          { key: `faq:${topic}.answer`, params: toFaqParams(language) },
          language,
          translator,
        );
        expect([topic, text.includes(confirmWording[language])]).toEqual([topic, true]);
      }
    });
  });

  it("states the figures of programme-facts (Rp 16.800, Rp 42 juta, Rp 174 juta)", () => {
    const say = (topic: string) =>
      renderReply(
        { key: `faq:${topic}.answer` as "faq:contribution.answer", params: toFaqParams("id") },
        "id",
        translator,
      ).text;
    expect(say("contribution")).toContain("Rp 16.800");
    expect(say("contribution")).toContain("Rp 36.800");
    expect(say("jkmBenefit")).toContain("Rp 42.000.000");
    expect(say("scholarship")).toContain("Rp 174.000.000");
    expect(say("discount")).toContain("Januari 2026–Maret 2027");
    expect(say("contacts")).toContain("175");
  });

  it("has the same keys in English as in Indonesian for every new namespace", () => {
    const resources = loadResources();
    const keys = (value: unknown, prefix = ""): string[] =>
      typeof value === "object" && value !== null
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix];
    for (const ns of ["faq", "questions", "calculator", "eligibility"])
      expect(keys(resources.en?.[ns])).toEqual(keys(resources.id?.[ns]));
  });
});
