/**
 * Claims found by a NIK (the deceased's or an heir's, matched by its keyed hash, shown only
 * masked) or a KLM- reference. Posted, never a query string, so a NIK typed is in no URL,
 * browser history or proxy log; a kelurahan officer's services find only their kelurahan's claims.
 */
import type { Claim } from "../../core/claims.port";
import { maskNik } from "../../domain/nik";
import { claimPrefix, parseReference } from "../../domain/reference";
import { page, readForm, redirectWith } from "../console-http";
import type { ConsoleContext, View } from "../console.types";
import { CsrfField } from "../pages/layout";
import { toTypedNik } from "../typed-nik";
import { ClaimCard } from "../pages/claim-card";

export function ClaimSearchForm({ view }: { view: View }) {
  return (
    <form method="post" action="/claims/search" class="card" id="claim-search">
      <CsrfField view={view} />
      <label>
        {view.t("console:claims.searchLabel")}
        <input name="q" minlength={6} maxlength={40} autocomplete="off" />
      </label>
      <button type="submit">{view.t("console:common.search")}</button>
    </form>
  );
}

type Found = { claim: Claim; as: "deceased" | "heir" };

/** The claims about the person with this NIK, then the claims they are heir in, each once. */
async function findByNik(c: ConsoleContext, nik: string): Promise<Found[]> {
  const { services } = c.var;
  const hash = services.vault.hash(nik);
  const person = await services.people.findByNikHash(hash);
  const [deceased, heir] = await Promise.all([
    services.claims.findByDeceased({ nikHash: hash, ...(person ? { personId: person._id } : {}) }),
    services.claims.findByHeirNikHash(hash),
  ]);
  const seen = new Set(deceased.map((claim) => claim.reference));
  return [
    ...deceased.map((claim) => ({ claim, as: "deceased" as const })),
    ...heir.filter((claim) => !seen.has(claim.reference)).map((claim) => ({ claim, as: "heir" as const })),
  ];
}

export async function searchClaims(c: ConsoleContext) {
  const { services, view, principal } = c.var;
  const q = (await readForm(c))("q", 40);
  const reference = parseReference(q.replace(/\s+/g, ""), claimPrefix);
  if (reference && (await services.claims.findByReference(reference)))
    return c.redirect(`/claims/${reference}`, 303);
  const nik = toTypedNik(q);
  if (!nik) return redirectWith(c, "/claims", { error: view.t("console:claims.searchInvalid") });
  const found = await findByNik(c, nik);
  await services.audit.record({
    at: view.now,
    actor: principal.actor,
    action: "claim.search",
    target: "claims",
    details: { by: "nik", results: found.length },
  });
  return page(
    c,
    view.t("console:claims.title"),
    <>
      <ClaimSearchForm view={view} />
      <section id="claim-results">
        <h2>{view.t("console:claims.resultsForNik", { nik: maskNik(nik) })}</h2>
        {found.length === 0 ? <p class="muted">{view.t("console:claims.noResults")}</p> : null}
        {found.map(({ claim, as }) => (
          <div>
            <span class="badge">{view.t(`console:claims.as.${as}`)}</span>
            <ClaimCard claim={claim} view={view} calendar={services.calendar} />
          </div>
        ))}
      </section>
    </>,
  );
}
