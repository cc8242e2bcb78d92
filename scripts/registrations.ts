/**
 * Staff CLI for registrations, over the same storage as the bot (MONGODB_URI):
 *
 *   npm run registrations -- list [--status draft|pending|active|rejected|inactive|all]
 *   npm run registrations -- search <words>          name, DFT- reference, kelurahan, "rt 22"
 *   npm run registrations -- show <DFT-…>            NIK masked
 *   npm run registrations -- verify <DFT-…> [--note "…"]
 *   npm run registrations -- reject <DFT-…> --note "…"
 *   npm run registrations -- export [--status active|all] [--out file.csv]   NIK in clear; audited
 *
 * Every action is audited with the actor "cli:<os user>".
 */
import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import type { App } from "../src/app";
import type { Person, PersonStatus } from "../src/core/people.port";
import { maskNik } from "../src/domain/nik";
import { bpjsColumns, toBpjsCsv } from "../src/flows/staff-registrations/bpjs-export";
import { rejectRegistration, verifyRegistration } from "../src/flows/staff-registrations/review";
import { toStaffSearch } from "../src/flows/staff-registrations/staff-query";
import { toFlagWords } from "../src/flows/staff-registrations/staff-view";
import { runCli } from "./lib/cli-context";

const actor = `cli:${userInfo().username}`;
const statuses: PersonStatus[] = ["draft", "pending", "active", "rejected", "inactive", "deceased"];

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

function toStatus(value: string | undefined, fallback: PersonStatus): PersonStatus | PersonStatus[] {
  if (value === "all") return statuses;
  return statuses.find((s) => s === value) ?? fallback;
}

/** One registration in words, as staff read it in the chat (Indonesian). */
function toLine(app: App, p: Person): string {
  const status = app.translator.t("id", `registration:statusWord.${p.status}`);
  const flags = p.flags.map((f) => toFlagWords(f, { translator: app.translator, language: "id" })).join("; ");
  return `${p.reference}  ${status.padEnd(19)}  ${p.name}  ·  ${p.address.kelurahan} RT ${p.address.rt}/RW ${p.address.rw}  ·  ${flags || "-"}`;
}

async function byReference(app: App, reference: string | undefined): Promise<Person> {
  const person = reference ? await app.services.people.findByReference(reference.trim()) : null;
  if (!person) throw new Error(`No registration ${reference ?? "(missing reference)"}`);
  return person;
}

async function run(app: App, [command, ...args]: string[]): Promise<void> {
  const { people, audit, vault, clock } = app.services;
  switch (command) {
    case "list":
      for (const p of await people.search({ status: toStatus(option(args, "status"), "pending") }))
        console.log(toLine(app, p));
      return;
    case "search": {
      const search = toStaffSearch(args.join(" "));
      const found =
        search.type === "reference"
          ? [await byReference(app, search.reference)]
          : await people.search(search.query);
      for (const p of found) console.log(toLine(app, p));
      return;
    }
    case "show": {
      const p = await byReference(app, args[0]);
      await audit.record({
        at: clock.now(),
        actor,
        action: "person.viewed",
        target: `person:${p.reference}`,
      });
      console.log({ ...p, nik: maskNik(vault.open(p.nik)) });
      return;
    }
    case "verify":
    case "reject": {
      const p = await byReference(app, args[0]);
      const note = option(args, "note");
      if (command === "reject" && !note) throw new Error('reject needs --note "reason"');
      const outcome =
        command === "verify"
          ? await verifyRegistration(app.services, p._id, actor, clock.now(), note)
          : await rejectRegistration(app.services, p._id, actor, clock.now(), note ?? "");
      console.log(
        outcome.type === "done"
          ? `${p.reference}: ${outcome.person.status}${outcome.drafts ? ` (${outcome.drafts} draft residents now pending)` : ""}`
          : `${p.reference}: not pending (${p.status})`,
      );
      return;
    }
    case "export": {
      const status = toStatus(option(args, "status"), "active");
      const found = await people.search({ status });
      const csv = toBpjsCsv(found, (p) => vault.open(p.nik));
      await audit.record({
        at: clock.now(),
        actor,
        action: "registrations.exported",
        target: "people",
        details: { count: found.length, status, columns: bpjsColumns.length },
      });
      const out = option(args, "out");
      if (out) writeFileSync(out, csv, { mode: 0o600 });
      else process.stdout.write(csv);
      if (out)
        console.log(
          `${found.length} rows written to ${out} (contains NIKs in clear: keep it safe, delete after use)`,
        );
      return;
    }
    default:
      console.log(
        "usage: npm run registrations -- list|search|show|verify|reject|export  (see scripts/registrations.ts)",
      );
  }
}

runCli({
  changing: new Set(["verify", "reject"]),
  run: async ({ app }, argv) => {
    await run(app, argv);
    return 0;
  },
});
