/**
 * Rewrites the README's channel capability table from the channels' declarations:
 * `npm run docs:channels`. A test fails while the README and the declarations differ.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { format } from "prettier";
import { toAllDeclarations } from "../src/channels/channel-catalog";
import { toCapabilityTable, toReadmeWithTable } from "../src/channels/capability-table";

async function main(): Promise<void> {
  const file = path.join(__dirname, "..", "README.md");
  const updated = toReadmeWithTable(readFileSync(file, "utf8"), toCapabilityTable(toAllDeclarations()));
  writeFileSync(file, await format(updated, { filepath: file }));
  console.log(`README.md: channel capability table updated (${toAllDeclarations().length} columns)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
