/**
 * What every staff CLI shares: a commander program that speaks Indonesian (help, errors), tables
 * for lists, a yes/no confirmation, a progress bar with the estimated finish for long work, and
 * WIB date formatting. Exit codes: 0 done, 1 failed, 2 wrong usage or refused.
 */
import { createInterface } from "node:readline/promises";
import { SingleBar } from "cli-progress";
import Table from "cli-table3";
import { Command, Help } from "commander";

const headings: Array<[RegExp, string]> = [
  [/^Usage:/gm, "Pemakaian:"],
  [/^Arguments:/gm, "Argumen:"],
  [/^Options:/gm, "Pilihan:"],
  [/^Commands:/gm, "Perintah:"],
  [/\(default: /g, "(bawaan: "],
  [/, default: /g, ", bawaan: "],
  [/\(choices: /g, "(pilihan: "],
  [/\[options\]/g, "[pilihan]"],
  [/\[command\]/g, "[perintah]"],
];

const errors: Array<[RegExp, string]> = [
  [/^error: unknown command '(.*)'/, "galat: perintah '$1' tidak dikenal"],
  [/^error: unknown option '(.*)'/, "galat: pilihan '$1' tidak dikenal"],
  [/^error: missing required argument '(.*)'/, "galat: argumen '$1' belum diisi"],
  [/^error: option '(.*)' argument missing/, "galat: pilihan '$1' perlu nilai"],
  [/^error: required option '(.*)' not specified/, "galat: pilihan '$1' wajib diisi"],
  [/^error: too many arguments.*/, "galat: terlalu banyak argumen"],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./,
    "galat: nilai '$2' untuk '$1' tidak sah; pilih $3.",
  ],
];

export const toIndonesianHelp = (text: string) =>
  headings.reduce((t, [from, to]) => t.replace(from, to), text);
export const toIndonesianError = (text: string) =>
  errors.reduce((t, [from, to]) => t.replace(from, to), text);

/** Applies Indonesian help and errors to a command and every subcommand added later. */
function speakIndonesian(command: Command): Command {
  return command
    .helpOption("-h, --help", "tampilkan bantuan ini")
    .helpCommand("help [perintah]", "bantuan untuk satu perintah")
    .configureHelp({
      formatHelp: (cmd, helper) => toIndonesianHelp(Help.prototype.formatHelp.call(helper, cmd, helper)),
    })
    .configureOutput({ outputError: (text, write) => write(toIndonesianError(text)) })
    .showHelpAfterError("(ketik --help untuk bantuan)")
    .exitOverride((error) => {
      const code = error.exitCode === 0 ? 0 : 2;
      process.exit(code);
    });
}

/** A program whose subcommands (made with `subcommand`) all speak Indonesian. */
export function createProgram(name: string, description: string): Command {
  return speakIndonesian(new Command(`npm run ${name} --`).description(description));
}

export function subcommand(program: Command, spec: string, description: string): Command {
  return speakIndonesian(program.command(spec).description(description)).helpCommand(false);
}

/** A boxed table; `align` right-aligns numeric columns by index. */
export function toTable(head: string[], rows: Array<Array<string | number>>, numeric: number[] = []): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    colAligns: head.map((_, i) => (numeric.includes(i) ? "right" : "left")),
  });
  for (const row of rows)
    table.push(row.map((cell) => (typeof cell === "number" ? cell.toLocaleString("id-ID") : cell)));
  return table.toString();
}

/** Asks "… (y/N)"; true only for an unambiguous yes. Without a terminal it answers no. */
export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(`${question} (y/t) `)).trim().toLowerCase();
    return ["y", "ya", "yes"].includes(answer);
  } finally {
    rl.close();
  }
}

/** A progress bar with the estimated finish on a terminal; one line per 10 % otherwise. */
export function createProgress(label: string, total: number) {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% | {value}/{total} | sisa ± {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    });
    bar.start(total, 0);
    return { update: (done: number) => bar.update(done), stop: () => bar.stop() };
  }
  let lastTenth = -1;
  return {
    update: (done: number) => {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      process.stderr.write(`${label}: ${done}/${total} (${tenth * 10}%)\n`);
    },
    stop: () => undefined,
  };
}

const wib = new Intl.DateTimeFormat("id-ID", {
  timeZone: "Asia/Jakarta",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "01/03/2026 06.00 WIB". */
export const toWibText = (date: Date | undefined) =>
  date ? `${wib.format(date).replace(",", "")} WIB` : "-";
