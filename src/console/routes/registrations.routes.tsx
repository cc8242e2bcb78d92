/**
 * Registrations: the pending list, search by name, full NIK (matched by its keyed hash, shown
 * masked) or DFT- reference, one record, verify or reject with a reason. Decisions go through
 * the same review functions as the chat flow and the CLI (flows/staff-registrations/review.ts).
 */
import type { Hono } from "hono";
import type { Person } from "../../core/people.port";
import type { Services } from "../../core/services";
import { maskNik } from "../../domain/nik";
import {
  rejectRegistration,
  verifyRegistration,
  type ReviewOutcome,
} from "../../flows/staff-registrations/review";
import { toStaffSearch } from "../../flows/staff-registrations/staff-query";
import { notFound, page, readForm, redirectWith, requires } from "../console-http";
import type { ConsoleContext, ConsoleEnv, View } from "../console.types";
import { CsrfField } from "../pages/layout";
import { toTypedNik } from "../typed-nik";

const listSize = 50;

/** A 16-digit NIK typed as the search: looked up by its keyed hash, shown only masked. */
const toNik = toTypedNik;

async function find(services: Services, text: string): Promise<Person[]> {
  const nik = toNik(text);
  if (nik) {
    const person = await services.people.findByNikHash(services.vault.hash(nik));
    return person ? [person] : [];
  }
  const search = toStaffSearch(text);
  if (search.type === "reference") {
    const person = await services.people.findByReference(search.reference);
    return person ? [person] : [];
  }
  return services.people.search(
    { ...search.query, status: ["pending", "active", "rejected", "inactive"] },
    { limit: listSize },
  );
}

function PeopleTable({ people, view }: { people: Person[]; view: View }) {
  if (people.length === 0) return <p class="muted">{view.t("console:common.none")}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>{view.t("console:registrations.reference")}</th>
          <th>{view.t("console:registrations.name")}</th>
          <th>{view.t("console:registrations.area")}</th>
          <th class="opt">{view.t("console:registrations.status")}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr>
            <td>
              <a href={`/registrations/${p.reference}`}>{p.reference}</a>
            </td>
            <td>{p.name}</td>
            <td>{`${p.address.kelurahan}, RT ${p.address.rt}/RW ${p.address.rw}`}</td>
            <td class="opt">{p.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The list, and the results of a search posted with the form (POST, so a NIK typed is in no URL,
 * browser history or proxy log); the search box never shows a NIK back, only its mask.
 */
async function list(c: ConsoleContext, q = "") {
  const { services, view, principal } = c.var;
  const nik = toNik(q);
  const [pending, count, found] = await Promise.all([
    services.people.search({ status: "pending" }, { limit: listSize }),
    services.people.count({ status: "pending" }),
    q.length >= 2 ? find(services, q) : Promise.resolve(undefined),
  ]);
  if (found)
    await services.audit.record({
      at: view.now,
      actor: principal.actor,
      action: "person.search",
      target: "people",
      details: { results: found.length },
    });
  return page(
    c,
    view.t("console:registrations.title"),
    <>
      <form method="post" action="/registrations/search" class="card">
        <CsrfField view={view} />
        <label>
          {view.t("console:registrations.searchLabel")}
          <input name="q" value={nik ? "" : q} minlength={2} maxlength={100} autocomplete="off" />
        </label>
        <button type="submit">{view.t("console:common.search")}</button>
      </form>
      {found ? (
        <section>
          <h2>
            {nik
              ? view.t("console:registrations.resultsForNik", { nik: maskNik(nik) })
              : view.t("console:registrations.results")}
          </h2>
          <PeopleTable people={found} view={view} />
        </section>
      ) : null}
      <section>
        <h2>{view.t("console:registrations.pending", { count })}</h2>
        <PeopleTable people={pending} view={view} />
      </section>
    </>,
  );
}

async function show(c: ConsoleContext) {
  const { services, view, principal } = c.var;
  const person = await services.people.findByReference(c.req.param("reference") ?? "");
  if (!person) return notFound(c);
  await services.audit.record({
    at: view.now,
    actor: principal.actor,
    action: "person.viewed",
    target: `person:${person.reference}`,
    details: { console: true },
  });
  const occupation =
    person.occupation.other ?? view.t(`registration:occupation.${person.occupation.code}` as never);
  return page(
    c,
    `${person.reference} · ${person.name}`,
    <>
      <section class="card">
        <p>
          {`${person.address.kelurahan}, ${person.address.kecamatan} · RT ${person.address.rt}/RW ${person.address.rw}`}
          <br />
          {view.t("console:registrations.details", {
            nik: maskNik(services.vault.open(person.nik)),
            birthDate: person.birthDate,
            occupation,
            programmes: person.programmes.join("+"),
            funded: person.fundedBy === "apbd" ? "APBD" : "Mandiri",
          })}
          <br />
          {view.t("console:registrations.status")}: <strong>{person.status}</strong>
          {person.reviewNote ? ` · ${person.reviewNote}` : ""}
        </p>
        {person.flags.length > 0 ? (
          <p class="muted">{view.t("console:registrations.flags", { list: person.flags.join(", ") })}</p>
        ) : null}
      </section>
      {person.status === "pending" ? (
        <div class="grid2">
          <form method="post" action={`/registrations/${person.reference}/verify`} class="card">
            <CsrfField view={view} />
            <button type="submit">{view.t("console:registrations.verify")}</button>
          </form>
          <form method="post" action={`/registrations/${person.reference}/reject`} class="card">
            <CsrfField view={view} />
            <label>
              {view.t("console:registrations.rejectReason")}
              <input name="note" required minlength={3} maxlength={300} />
            </label>
            <button type="submit" class="danger">
              {view.t("console:registrations.reject")}
            </button>
          </form>
        </div>
      ) : null}
    </>,
  );
}

function afterReview(
  c: ConsoleContext,
  reference: string,
  outcome: ReviewOutcome,
  done: "verified" | "rejected",
) {
  const { view } = c.var;
  if (outcome.type === "notFound") return notFound(c);
  if (outcome.type === "notPending")
    return redirectWith(c, `/registrations/${reference}`, {
      error: view.t("console:registrations.notPending", { reference, status: outcome.person.status }),
    });
  return redirectWith(c, "/registrations", { ok: view.t(`console:registrations.${done}`, { reference }) });
}

async function decide(c: ConsoleContext, decision: "verify" | "reject") {
  const { services, view, principal } = c.var;
  const reference = c.req.param("reference") ?? "";
  const person = await services.people.findByReference(reference);
  if (!person) return notFound(c);
  if (decision === "verify")
    return afterReview(
      c,
      reference,
      await verifyRegistration(services, person._id, principal.actor, view.now),
      "verified",
    );
  const note = (await readForm(c))("note", 300);
  if (note.length < 3)
    return redirectWith(c, `/registrations/${reference}`, {
      error: view.t("console:error.invalid", { what: view.t("console:registrations.rejectReason") }),
    });
  return afterReview(
    c,
    reference,
    await rejectRegistration(services, person._id, principal.actor, view.now, note),
    "rejected",
  );
}

export function registerRegistrations(app: Hono<ConsoleEnv>): void {
  app.use("/registrations", requires("registrations.review"));
  app.use("/registrations/*", requires("registrations.review"));
  app.get("/registrations", (c) => list(c));
  app.post("/registrations/search", async (c) => list(c, (await readForm(c))("q", 100)));
  app.get("/registrations/:reference", show);
  app.post("/registrations/:reference/verify", (c) => decide(c, "verify"));
  app.post("/registrations/:reference/reject", (c) => decide(c, "reject"));
}
