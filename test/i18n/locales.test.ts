import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defaultLocalesDir } from "../../src/i18n/translator";

type Tree = { [key: string]: string | Tree };

/** Every leaf key ("askNik.invalid") with its text. */
function toLeaves(tree: Tree, prefix = ""): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") leaves.set(`${prefix}${key}`, value);
    else for (const [k, v] of toLeaves(value, `${prefix}${key}.`)) leaves.set(k, v);
  }
  return leaves;
}

/** `{{name}}` and `{{amount, rupiah}}` → "name", "amount, rupiah" (sorted, formatters included). */
const toPlaceholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!.replace(/\s+/g, " ")))].sort();

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/**
 * Keys with plural variants folded into one ("items_one" + "items_other" → "items"), since
 * Indonesian has only the "other" form; the placeholders of a folded key are those of all its variants.
 */
function read(language: string, file: string): Map<string, string> {
  const leaves = toLeaves(
    JSON.parse(readFileSync(path.join(defaultLocalesDir, language, file), "utf8")) as Tree,
  );
  const folded = new Map<string, string>();
  for (const [key, text] of leaves) {
    const base = key.replace(pluralSuffix, "");
    folded.set(base, [folded.get(base), text].filter((t) => t !== undefined).join(" "));
  }
  return folded;
}

const namespaceFiles = (language: string) =>
  readdirSync(path.join(defaultLocalesDir, language))
    .filter((f) => f.endsWith(".json"))
    .sort();

describe("locales", () => {
  it("has the same namespace files in English as in Indonesian", () => {
    expect(namespaceFiles("en")).toEqual(namespaceFiles("id"));
  });

  describe.each(namespaceFiles("id"))("namespace %s", (file) => {
    const id = read("id", file);
    const en = read("en", file);

    it("has exactly the Indonesian keys in English", () => {
      expect([...en.keys()].sort()).toEqual([...id.keys()].sort());
    });

    it("uses the same placeholders in both languages for every key", () => {
      const differing = [...id.entries()]
        .filter(
          ([key, text]) =>
            en.has(key) && toPlaceholders(text).join("|") !== toPlaceholders(en.get(key)!).join("|"),
        )
        .map(([key]) => key);
      expect(differing).toEqual([]);
    });

    it("has no empty text", () => {
      const empty = [...id.entries(), ...en.entries()]
        .filter(([, text]) => text.trim() === "")
        .map(([key]) => key);
      expect(empty).toEqual([]);
    });
  });
});
