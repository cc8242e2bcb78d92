/**
 * Words that work at any step, in either language. Matched on the whole message only,
 * so "batal" cancels but "saya mau batal daftar" is left to the step and the nlu.
 */
import { toComparable } from "./text";

export type GlobalCommand =
  | { type: "menu" }
  | { type: "cancel" }
  | { type: "back" }
  | { type: "help" }
  | { type: "language" }
  | { type: "flow"; flow: string };

const table: ReadonlyArray<readonly [GlobalCommand, readonly string[]]> = [
  [{ type: "menu" }, ["menu", "start", "menu utama", "main menu", "home", "beranda", "mulai dari awal"]],
  [{ type: "cancel" }, ["batal", "batalkan", "cancel", "keluar", "quit", "exit"]],
  [{ type: "back" }, ["kembali", "back", "balik", "sebelumnya", "undo"]],
  [{ type: "help" }, ["bantuan", "help", "tolong", "?", "bantu"]],
  [
    { type: "language" },
    ["bahasa", "language", "english", "bahasa indonesia", "ganti bahasa", "change language"],
  ],
  [{ type: "flow", flow: "optOut" }, ["stop", "berhenti", "unsubscribe"]],
  [{ type: "flow", flow: "optIn" }, ["mulai", "subscribe", "langganan"]],
  [{ type: "flow", flow: "claimStatus" }, ["status", "cek status"]],
];

const index = new Map<string, GlobalCommand>();
for (const [command, words] of table)
  for (const word of words) index.set(toComparable(word) || word, command);

/** The command a whole message stands for, if any. Leading "/" (Telegram commands) is ignored. */
export function toGlobalCommand(text: string): GlobalCommand | undefined {
  const trimmed = text.trim();
  if (trimmed === "?") return index.get("?");
  const word = toComparable(trimmed.replace(/^\//, "").replace(/@\w+$/, ""));
  return word === "" ? undefined : index.get(word);
}
