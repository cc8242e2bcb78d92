/**
 * Parses a transcript script: one user message per line; blank lines and `#` lines are ignored;
 * `@` lines are directives. A line starting with `\` is sent as typed without the backslash
 * (`\@halo`, `\#1`). Every mistake is reported with its line number before anything runs.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parsePhoneNumberWithError } from "libphonenumber-js";
import { channelNames, type ChannelName } from "../../src/core/messages";

/** What one script line asks for. */
export type StepBody =
  | { type: "say"; text: string }
  | { type: "user"; userId: string }
  | { type: "channel"; channel: ChannelName }
  | { type: "staff" }
  | { type: "wait"; ms: number }
  | { type: "restart" }
  | { type: "file"; kind: "photo" | "document"; file: string; fileName: string; mimeType: string }
  | { type: "contact"; phone: string };

/** A parsed line: what it asks for, where it was, and the line as written (trimmed). */
export type ScriptStep = StepBody & { line: number; source: string };

/** A malformed script; the message names the file and line. */
export class ScriptError extends Error {
  override readonly name = "ScriptError";
}

const mimeTypes: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".heic": "image/heic",
  ".pdf": "application/pdf",
  ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".txt": "text/plain",
};

/** The MIME type a platform would announce for a file name (application/octet-stream if unknown). */
export function toMimeType(fileName: string): string {
  return mimeTypes[path.extname(fileName).toLowerCase()] ?? "application/octet-stream";
}

const unitMs: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

/** "2h", "3d", "45m", "1d 2h30m" → milliseconds; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const compact = text.replace(/\s+/g, "").toLowerCase();
  if (!/^(\d+[dhm])+$/.test(compact)) return undefined;
  let total = 0;
  for (const [, amount, unit] of compact.matchAll(/(\d+)([dhm])/g)) total += Number(amount) * unitMs[unit!]!;
  return total > 0 ? total : undefined;
}

type Directive = (argument: string, fail: (message: string) => never, baseDir: string) => StepBody;
type Bare = { line: number; source: string };

function fileDirective(kind: "photo" | "document"): Directive {
  return (argument, fail, baseDir) => {
    if (!argument) fail(`@${kind} needs a file path`);
    const file = path.resolve(baseDir, argument);
    if (!existsSync(file) || !statSync(file).isFile())
      fail(`file not found: ${argument} (looked in ${file})`);
    const fileName = path.basename(file);
    return { type: "file", kind, file, fileName, mimeType: toMimeType(fileName) };
  };
}

const directives: Record<string, Directive> = {
  user: (argument, fail) => {
    if (!/^\S+$/.test(argument)) fail("@user needs one id without spaces, e.g. @user warga-2");
    return { type: "user", userId: argument };
  },
  channel: (argument, fail) => {
    const channel =
      channelNames.find((name) => name === argument) ??
      fail(`@channel must be one of ${channelNames.join(", ")}, not "${argument}"`);
    return { type: "channel", channel };
  },
  staff: (argument, fail) => {
    if (argument) fail("@staff takes no argument");
    return { type: "staff" };
  },
  wait: (argument, fail) => {
    const ms = parseDuration(argument) ?? fail(`bad duration "${argument}" (use e.g. 30m, 2h, 3d or 1d2h)`);
    return { type: "wait", ms };
  },
  restart: (argument, fail) => {
    if (argument) fail("@restart takes no argument");
    return { type: "restart" };
  },
  photo: fileDirective("photo"),
  document: fileDirective("document"),
  contact: (argument, fail) => {
    try {
      const phone = parsePhoneNumberWithError(argument, "ID");
      if (!phone.isValid()) throw new Error("invalid");
      return { type: "contact", phone: phone.number };
    } catch {
      return fail(`bad phone number "${argument}" (use e.g. +6281234567890 or 081234567890)`);
    }
  },
};

/** Parses a whole script; throws a ScriptError naming `label:line` on the first mistake. */
export function parseScript(text: string, options: { baseDir: string; label?: string }): ScriptStep[] {
  const steps: ScriptStep[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const bare: Bare = { line: index + 1, source: raw.trim() };
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    if (trimmed.startsWith("\\")) return void steps.push({ ...bare, type: "say", text: trimmed.slice(1) });
    if (!trimmed.startsWith("@")) return void steps.push({ ...bare, type: "say", text: trimmed });
    const [, name = "", argument = ""] = /^@(\S*)\s*(.*)$/.exec(trimmed) ?? [];
    const fail = (message: string): never => {
      throw new ScriptError(`${options.label ?? "script"}:${bare.line}: ${message}`);
    };
    const directive = Object.hasOwn(directives, name) ? directives[name] : undefined;
    if (!directive)
      fail(
        `unknown directive "@${name}" (known: ${Object.keys(directives)
          .map((d) => `@${d}`)
          .join(", ")})`,
      );
    steps.push({ ...directive!(argument.trim(), fail, options.baseDir), ...bare });
  });
  return steps;
}
