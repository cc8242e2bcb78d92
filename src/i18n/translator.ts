/**
 * i18next set up from locales/<lng>/<ns>.json, read once at start-up (no backend, no network).
 * Formatters: {{amount, rupiah}}, {{date, date}}, {{date, time}}. Texts without parameters are
 * kept once rendered (the locales do not change while the bot runs), and dates use one
 * Intl.DateTimeFormat per language: every message renders several replies, so each call counts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import i18next, { type Resource } from "i18next";
import { formatDate, formatTime } from "../domain/jakarta-time";
import { formatRupiah } from "../domain/money";
import type { Language } from "../core/messages";
import { languages } from "../core/messages";
import type { Translator } from "../core/ports";

/**
 * The project's locales/ folder, seen from src/i18n (tsx, jest) or dist/src/i18n (compiled). The
 * compiled tree has a partial dist/locales (tsc copies the JSON that keys.ts imports), so a folder
 * counts only when it holds every language.
 */
export function findLocalesDir(fromDir: string): string {
  const candidates = [path.resolve(fromDir, "../../locales"), path.resolve(fromDir, "../../../locales")];
  const complete = candidates.find((dir) => languages.every((lng) => existsSync(path.join(dir, lng))));
  return complete ?? candidates[0]!;
}

export const defaultLocalesDir = findLocalesDir(__dirname);

/** Reads every namespace file of every language. */
export function loadResources(dir = defaultLocalesDir): Resource {
  const resources: Resource = {};
  for (const language of languages) {
    const folder = path.join(dir, language);
    resources[language] = {};
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".json"))) {
      const namespace = file.replace(/\.json$/, "");
      (resources[language] as Record<string, unknown>)[namespace] = JSON.parse(
        readFileSync(path.join(folder, file), "utf8"),
      );
    }
  }
  return resources;
}

function asLanguage(lng: string | undefined): Language {
  return lng === "en" ? "en" : "id";
}

export function createTranslator(resources: Resource = loadResources()): Translator {
  const instance = i18next.createInstance();
  const namespaces = Object.keys(resources.id ?? {});
  void instance.init({
    initAsync: false,
    resources,
    lng: "id",
    fallbackLng: "id",
    supportedLngs: [...languages],
    ns: namespaces,
    defaultNS: "common",
    nsSeparator: ":",
    keySeparator: ".",
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  const formatter = instance.services.formatter;
  formatter?.add("rupiah", (value: unknown, lng) => formatRupiah(Number(value), asLanguage(lng)));
  formatter?.add("date", (value: unknown, lng) =>
    formatDate(new Date(value as string | number | Date), asLanguage(lng)),
  );
  formatter?.add("time", (value: unknown, lng) =>
    formatTime(new Date(value as string | number | Date), asLanguage(lng)),
  );
  const fixed = new Map(languages.map((lng) => [lng, instance.getFixedT(lng)] as const));
  const render = (language: Language, key: string, params?: Record<string, unknown>): string =>
    (fixed.get(language) ?? instance.t)(key, params ?? {});
  const plain = new Map<string, string>();
  const known = new Map<string, boolean>();
  return {
    t(language, key, params) {
      if (params && Object.keys(params).length > 0) return render(language, key, params);
      const cacheKey = `${language}\u0000${key}`;
      let text = plain.get(cacheKey);
      if (text === undefined) plain.set(cacheKey, (text = render(language, key)));
      return text;
    },
    has(language, key) {
      const cacheKey = `${language}\u0000${key}`;
      let exists = known.get(cacheKey);
      if (exists === undefined) known.set(cacheKey, (exists = instance.exists(key, { lng: language })));
      return exists;
    },
  };
}
