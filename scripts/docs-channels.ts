/**
 * Rewrites the README's channel capability table from the channels' declarations:
 * `npm run docs:channels`. A test fails while the README and the declarations differ.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path, { join } from "node:path";
import { format } from "prettier";
import { toAllDeclarations } from "../src/channels/channel-catalog";
import { toCapabilityTable, toReadmeWithSection } from "../src/channels/capability-table";
import {
  templatesEnd,
  templatesStart,
  toTemplateDocs,
} from "../src/channels/whatsapp-cloud/whatsapp-cloud.templates";
import type { I18nKey } from "../src/i18n/keys";

/** A locale text as written in locales/<language>/<namespace>.json. */
function toLocaleText(key: I18nKey, language: string): string {
  const [namespace, path] = key.split(":") as [string, string];
  const file = JSON.parse(
    readFileSync(join(__dirname, "..", "locales", language, `${namespace}.json`), "utf8"),
  ) as Record<string, unknown>;
  const text = path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], file);
  if (typeof text !== "string") throw new Error(`No text for ${key} in ${language}`);
  return text;
}

async function main(): Promise<void> {
  const file = path.join(__dirname, "..", "README.md");
  const withTable = toReadmeWithSection(readFileSync(file, "utf8"), toCapabilityTable(toAllDeclarations()));
  const updated = toReadmeWithSection(withTable, toTemplateDocs(toLocaleText), templatesStart, templatesEnd);
  writeFileSync(file, await format(updated, { filepath: file }));
  console.log("README.md: channel capability table and Cloud API templates updated");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
