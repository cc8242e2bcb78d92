/**
 * How the bot names the person a registration is about: "Anda" when they register themselves,
 * "Pak Jumadi" / "Bu Siti" (from the NIK's sex) when their RT head registers them, "warga" before
 * the name is known; and "Bapak Budi Santoso" in greetings.
 */
import type { FlowContext } from "../../core/flow";
import type { Language } from "../../core/messages";
import type { Translator } from "../../core/ports";

/** `who` as subject or object ("penghasilan Anda", "Pak Jumadi"), `whose` before a noun in English. */
export type PersonWords = { who: string; whose: string };

type Named = {
  subject?: "self" | "resident" | undefined;
  name?: string | undefined;
  sex?: "L" | "P" | undefined;
  nik?: { sex: "L" | "P" } | undefined;
};

/** The resident by name and honorific ("Pak Jumadi"), or the name alone when the sex is not known. */
export function toResidentName(
  name: string,
  sex: "L" | "P" | undefined,
  translator: Translator,
  language: Language,
): string {
  return translator.t(language, `registration:person.named.${sex ?? "none"}`, { name });
}

export function toPersonWords(data: Named, ctx: Pick<FlowContext, "translator" | "language">): PersonWords {
  const t = ctx.translator;
  if (data.subject !== "resident")
    return {
      who: t.t(ctx.language, "registration:person.you"),
      whose: t.t(ctx.language, "registration:person.your"),
    };
  if (!data.name)
    return {
      who: t.t(ctx.language, "registration:person.resident"),
      whose: t.t(ctx.language, "registration:person.residents"),
    };
  const sex = data.sex ?? data.nik?.sex;
  const who = toResidentName(data.name, sex, t, ctx.language);
  return { who, whose: t.t(ctx.language, "registration:person.possessive", { who }) };
}

/** "Bapak Budi Santoso" / "Ibu Siti Aminah" for greetings; the name alone when the sex is unknown. */
export function toGreetingName(
  name: string,
  sex: "L" | "P" | undefined,
  translator: Translator,
  language: Language,
): string {
  return translator.t(language, `registration:person.greeting.${sex ?? "none"}`, { name });
}
