/**
 * Approved message templates: what the Cloud channel sends instead of free text to someone whose
 * 24-hour customer service window is closed. Each broadcast template has its own (same text as
 * the locale, with positional parameters); staff's own text goes in an announcement; anything
 * else (a claim stage change, a registration decision) in a generic notice carrying the rendered
 * text. Names and texts to submit in Meta's console are listed in the README, generated from this
 * table and the locale files (a test compares them).
 */
import type { I18nKey } from "../../i18n/keys";
import type { Language, Params, Reply } from "../../core/messages";
import type { SendContext } from "../../core/ports";
import { formatDate } from "../../domain/jakarta-time";

type TemplateParam = { name: string; format?: "date" };

export type CloudTemplate = {
  /** The name submitted to Meta (lowercase, underscores). */
  name: string;
  /** The reply this template stands in for. */
  replyKey: I18nKey;
  /** The locale text submitted as the template body, `{{name}}` becoming `{{1}}`, `{{2}}`… */
  textKey: I18nKey;
  params: readonly TemplateParam[];
  /** Meta's category to choose when submitting it. */
  category: "UTILITY" | "MARKETING";
};

/** Meta's language codes for the bot's languages. */
export const templateLanguages: Record<Language, string> = { id: "id", en: "en" };

const byName = (...names: string[]) => names.map((name) => ({ name }));

export const cloudTemplates: readonly CloudTemplate[] = [
  ...(
    [
      ["jamsos_pengingat_aktif", "activeReminder", byName("name")],
      ["jamsos_cakupan_berakhir", "coverageEnding", [{ name: "name" }, { name: "deadline", format: "date" }]],
      ["jamsos_menunggu_verifikasi", "verificationPending", byName("name")],
      ["jamsos_pendaftaran_belum_selesai", "registrationUnfinished", byName("name")],
      ["jamsos_dokumen_klaim", "claimDocuments", byName("name", "reference", "count")],
    ] as const
  ).map(([name, template, params]) => ({
    name,
    replyKey: `broadcast:templates.${template}` as const,
    textKey: `broadcast:templates.${template}` as const,
    params,
    category: "UTILITY" as const,
  })),
  {
    name: "jamsos_pengumuman",
    replyKey: "broadcast:freeText",
    textKey: "whatsapp:cloud.announcement",
    params: byName("text"),
    category: "MARKETING",
  },
];

export const noticeTemplate: CloudTemplate = {
  name: "jamsos_pemberitahuan",
  replyKey: "whatsapp:cloud.notice",
  textKey: "whatsapp:cloud.notice",
  params: byName("text"),
  category: "UTILITY",
};

/** Longest notice text put in a parameter (a template body stops at 1,024 characters). */
const maxNoticeText = 700;

/**
 * A template parameter as Meta takes it: no line breaks, tabs or runs of spaces (paragraphs
 * become " · "), never empty.
 */
export function toParamText(value: string): string {
  const flat = value
    .replace(/\s*\n\s*\n\s*/g, " · ")
    .replace(/\s+/g, " ")
    .trim();
  return flat === "" ? "-" : flat;
}

function toParamValue(value: Params[string], param: TemplateParam, language: Language): string {
  if (value instanceof Date) return formatDate(value, language);
  if (param.format === "date" && typeof value === "string") return formatDate(new Date(value), language);
  return toParamText(value === undefined ? "-" : String(value));
}

/**
 * The template message for a proactive send: the matching template when the send is one reply
 * that has one, else the notice with the rendered text (shortened to fit).
 */
export function toTemplatePayload(context: SendContext, renderedText: string): Record<string, unknown> {
  const [only] = context.replies;
  const match = context.replies.length === 1 && only ? findTemplate(only) : undefined;
  const template = match ?? noticeTemplate;
  const flat = toParamText(renderedText);
  const values: Params = match
    ? (only?.params ?? {})
    : { text: flat.length > maxNoticeText ? `${flat.slice(0, maxNoticeText - 1)}…` : flat };
  return {
    type: "template",
    template: {
      name: template.name,
      language: { code: templateLanguages[context.language] },
      components: [
        {
          type: "body",
          parameters: template.params.map((p) => ({
            type: "text",
            text: toParamValue(values[p.name], p, context.language),
          })),
        },
      ],
    },
  };
}

function findTemplate(reply: Reply): CloudTemplate | undefined {
  return cloudTemplates.find((t) => t.replyKey === reply.key);
}

/**
 * A locale text as a template body for Meta's console: `{{name}}` / `{{deadline, date}}`
 * become `{{1}}`, `{{2}}` in the template's parameter order.
 */
export function toMetaTemplateText(localeText: string, template: CloudTemplate): string {
  return localeText.replace(/\{\{\s*(\w+)(?:\s*,[^}]*)?\}\}/g, (whole, name: string) => {
    const index = template.params.findIndex((p) => p.name === name);
    return index >= 0 ? `{{${index + 1}}}` : whole;
  });
}

export const templatesStart = "<!-- cloud-templates:start (npm run docs:channels) -->";
export const templatesEnd = "<!-- cloud-templates:end -->";

/** The templates to submit, one text block each, in id and en (`text` reads a locale text). */
export function toTemplateDocs(text: (key: I18nKey, language: Language) => string): string {
  return [...cloudTemplates, noticeTemplate]
    .map((t) => {
      const params = t.params.map((p, i) => `{{${i + 1}}} ${p.name}`).join(", ");
      const bodies = (["id", "en"] as const).map(
        (l) => `[${l}]\n${toMetaTemplateText(text(t.textKey, l), t)}`,
      );
      return ["```text", `${t.name} (${t.category}; ${params})`, ...bodies, "```"].join("\n");
    })
    .join("\n\n");
}
