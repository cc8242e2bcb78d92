/**
 * Staff accounts, over the same storage as the bot (MONGODB_URI):
 *
 *   npm run staff -- add <username> --name "Ani Lestari" --role admin [--kelurahan "Lebak Bandung, Payo Lebar"]
 *                        [--telegram 123456789] [--whatsapp 0812…] [--password]
 *   npm run staff -- list [--all]
 *   npm run staff -- role <username> <role> [--kelurahan "…"]
 *   npm run staff -- disable|enable <username>
 *   npm run staff -- password <username>
 *   npm run staff -- link <username> [--telegram ID|-] [--whatsapp NUMBER|-]
 *
 * Roles: admin, supervisor, claims_officer, registration_officer, kelurahan_officer (with
 * --kelurahan), broadcaster. `--password` and `password` read the console password from the
 * terminal (hidden, typed twice) or one line of standard input, never from the command line.
 * Every change is audited with the actor "cli:<os user>".
 */
import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import type { StaffAccount } from "../src/core/staff.port";
import { maskPhone } from "../src/domain/phone";
import { staffRoles } from "../src/domain/staff-roles";
import {
  addStaff,
  linkStaff,
  setStaffPassword,
  setStaffRole,
  setStaffStatus,
  toStaffAdminDeps,
  type StaffAdminResult,
} from "../src/flows/staff-accounts/staff-admin";
import { runCli } from "./lib/cli-context";

const actor = `cli:${userInfo().username}`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

/** One line from stdin; on a terminal, typed without echo. */
function readSecret(prompt: string): Promise<string> {
  const tty = Boolean(process.stdin.isTTY);
  const rl = createInterface({
    input: process.stdin,
    output: tty ? process.stderr : undefined,
    terminal: tty,
  });
  if (tty) {
    process.stderr.write(prompt);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  }
  return new Promise((resolve) =>
    rl.once("line", (line) => {
      rl.close();
      if (tty) process.stderr.write("\n");
      resolve(line);
    }),
  );
}

async function askPassword(): Promise<string> {
  const first = await readSecret("Password: ");
  if (!process.stdin.isTTY) return first;
  const second = await readSecret("Again: ");
  if (first !== second) throw new Error("The two passwords differ; nothing was changed.");
  return first;
}

const line = (a: StaffAccount) =>
  [
    a.username.padEnd(16),
    a.status.padEnd(8),
    a.role.padEnd(20),
    a.name,
    a.kelurahan.length > 0 ? `· ${a.kelurahan.join(", ")}` : "",
    a.telegramId ? `· telegram ${a.telegramId}` : "",
    a.whatsappNumber ? `· whatsapp ${maskPhone(a.whatsappNumber)}` : "",
    a.passwordHash ? "· console" : "",
  ]
    .filter(Boolean)
    .join("  ");

const problems: Record<string, string> = {
  username: "username: 3–32 characters a-z, 0-9, '.', '_' or '-'",
  name: "--name: 2–80 characters",
  role: `--role: one of ${staffRoles.join(", ")}`,
  kelurahan: "--kelurahan: one or more Kota Jambi kelurahan, comma-separated (needed for kelurahan_officer)",
  telegramId: "--telegram: a Telegram user id (digits)",
  whatsappNumber: "--whatsapp: a phone number (0812… or +62…)",
  passwordTooShort: "password: at least 10 characters",
  passwordTooLong: "password: at most 200 characters",
  passwordTooSimple: "password: too simple (use at least 5 different characters)",
};

function report(result: StaffAdminResult, done: string): number {
  switch (result.status) {
    case "ok":
      console.log(`${done}: ${line(result.account)}`);
      return 0;
    case "invalid":
      console.error(problems[result.problem] ?? result.problem);
      return 2;
    case "duplicate":
      console.error(`Another account already has this ${result.field}.`);
      return 2;
    case "notFound":
      console.error("No such account.");
      return 2;
    case "lastAdmin":
      console.error("Refused: this is the last active admin.");
      return 2;
  }
}

runCli({
  changing: new Set(["add", "role", "disable", "enable", "password", "link"]),
  async run({ app }, [command, username = "", ...args]) {
    const deps = toStaffAdminDeps(app.services);
    const kelurahan = option(args, "kelurahan");
    switch (command) {
      case "list": {
        const accounts = await app.services.staff.list(username === "--all" ? {} : { status: "active" });
        for (const account of accounts) console.log(line(account));
        if (accounts.length === 0) console.log("No staff accounts yet: add the first admin with `add`.");
        return 0;
      }
      case "add": {
        const password = args.includes("--password") ? await askPassword() : undefined;
        const telegramId = option(args, "telegram");
        const whatsappNumber = option(args, "whatsapp");
        const input = {
          username,
          name: option(args, "name") ?? "",
          role: option(args, "role") ?? "",
          ...(kelurahan ? { kelurahan } : {}),
          ...(password ? { password } : {}),
          ...(telegramId ? { telegramId } : {}),
          ...(whatsappNumber ? { whatsappNumber } : {}),
        };
        return report(await addStaff(deps, input, actor), "Added");
      }
      case "role":
        return report(
          await setStaffRole(
            deps,
            { username, role: args[0] ?? "", ...(kelurahan ? { kelurahan } : {}) },
            actor,
          ),
          "Changed",
        );
      case "disable":
      case "enable":
        return report(
          await setStaffStatus(deps, username, command === "enable" ? "active" : "disabled", actor),
          command === "enable" ? "Enabled" : "Disabled",
        );
      case "password":
        return report(await setStaffPassword(deps, username, await askPassword(), actor), "Password set");
      case "link": {
        const telegramId = option(args, "telegram");
        const whatsappNumber = option(args, "whatsapp");
        const input = {
          username,
          ...(telegramId ? { telegramId } : {}),
          ...(whatsappNumber ? { whatsappNumber } : {}),
        };
        return report(await linkStaff(deps, input, actor), "Linked");
      }
      default:
        console.error(
          "Usage: npm run staff -- add|list|role|disable|enable|password|link … (see scripts/staff.ts)",
        );
        return 2;
    }
  },
});
