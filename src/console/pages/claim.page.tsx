/** One claim for staff: who died, the heir (NIKs masked), history, documents, what is missing, and the actions. */
import type { Claim, ClaimDocument } from "../../core/claims.port";
import type { Services } from "../../core/services";
import { documentTypes, toMissing } from "../../domain/claim-documents";
import { nextStages } from "../../domain/claim-lifecycle";
import { formatDate, formatTime } from "../../domain/jakarta-time";
import { toDisplayDate } from "../../domain/working-days";
import { maskNik } from "../../domain/nik";
import { maskPhone } from "../../domain/phone";
import { can } from "../../domain/staff-roles";
import type { View } from "../console.types";
import { CsrfField, OnceField } from "./layout";

type Props = { claim: Claim; documents: ClaimDocument[]; view: View; services: Services; overdue: boolean };

function People({ claim, view, services }: Omit<Props, "documents" | "overdue">) {
  const { deceased, heir } = claim;
  return (
    <div class="grid2">
      <section class="card">
        <h2>{view.t("console:claim.deceased")}</h2>
        <p>
          {view.t("console:claim.name")}: {deceased.name}
          <br />
          {view.t("console:claim.deathDate")}: {deceased.deathDate}
          <br />
          {view.t("console:claim.nik")}: {deceased.nik ? maskNik(services.vault.open(deceased.nik)) : "-"}
          <br />
          {view.t("console:claim.kelurahan")}: {deceased.kelurahan ?? "-"}{" "}
          {deceased.rt ? `RT ${deceased.rt}` : ""}
          <br />
          {view.t("console:claim.programme")}: {claim.programme} · {deceased.personReference ?? "-"}
        </p>
      </section>
      <section class="card">
        <h2>{view.t("console:claim.heir")}</h2>
        <p>
          {view.t("console:claim.name")}: {heir.name}
          <br />
          {view.t("console:claim.relationship")}: {view.t(`deathReport:relationship.${heir.relationship}`)}
          <br />
          {view.t("console:claim.nik")}: {maskNik(services.vault.open(heir.nik))}
          <br />
          {view.t("console:claim.phone")}: {heir.phone ? maskPhone(heir.phone) : "-"} ({heir.contact.channel})
        </p>
      </section>
    </div>
  );
}

function Documents({ claim, documents, view }: Pick<Props, "claim" | "documents" | "view">) {
  const allowed = view.principal !== null && can(view.principal.role, "claims.documents");
  const missing = toMissing(claim);
  return (
    <section class="card">
      <h2>{view.t("console:claim.documents")}</h2>
      {documents.length === 0 ? <p class="muted">{view.t("console:common.none")}</p> : null}
      <ul>
        {documents.map((d) => (
          <li>
            {d.type ? view.t(`deathReport:doc.${d.type}`) : "?"} · {d.mimeType} ·{" "}
            {Math.max(1, Math.round(d.size / 1024))} KB ·{" "}
            {allowed ? (
              <a href={`/claims/${claim.reference}/documents/${d._id}`} target="_blank" rel="noopener">
                {view.t("console:claim.open")}
              </a>
            ) : (
              <span class="muted">{view.t("console:claim.noAccess")}</span>
            )}
          </li>
        ))}
      </ul>
      {missing.length > 0 ? (
        <p>
          {view.t("console:claim.missing", {
            list: missing.map((t) => view.t(`deathReport:doc.${t}`)).join(", "),
          })}
        </p>
      ) : null}
      {claim.flags.length > 0 ? (
        <p class="muted">{view.t("console:claim.flags", { list: claim.flags.join(", ") })}</p>
      ) : null}
    </section>
  );
}

function Actions({ claim, view }: Pick<Props, "claim" | "view">) {
  const targets = nextStages(claim.stage);
  return (
    <div class="grid2">
      <form method="post" action={`/claims/${claim.reference}/move`} class="card" id="move-form">
        <h2>{view.t("console:claim.move")}</h2>
        <CsrfField view={view} />
        <OnceField />
        {targets.length === 0 ? (
          <p class="muted">{view.t("console:claim.final")}</p>
        ) : (
          <>
            <label>
              {view.t("console:claim.moveTo")}
              <select name="to">
                {targets.map((stage) => (
                  <option value={stage}>{view.t(`claimStatus:stage.${stage}`)}</option>
                ))}
              </select>
            </label>
            <label>
              {view.t("console:claim.moveNote")}
              <textarea name="note" maxlength={500}></textarea>
            </label>
            <StageFields targets={targets} view={view} />
            <button type="submit">{view.t("console:claim.move")}</button>
          </>
        )}
      </form>
      <form method="post" action={`/claims/${claim.reference}/request`} class="card">
        <h2>{view.t("console:claim.request")}</h2>
        <CsrfField view={view} />
        <OnceField />
        <label>
          {view.t("console:claim.requestType")}
          <select name="type">
            {documentTypes.map((type) => (
              <option value={type}>{view.t(`deathReport:doc.${type}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {view.t("console:claim.requestNote")}
          <input name="note" maxlength={300} />
        </label>
        <button type="submit" class="secondary">
          {view.t("console:claim.request")}
        </button>
      </form>
    </div>
  );
}

/** What DIBAYAR (amount, date) and DITOLAK (reason, next step) need, when the claim can go there. */
function StageFields({ targets, view }: { targets: readonly string[]; view: View }) {
  return (
    <>
      {targets.includes("DIBAYAR") ? (
        <div class="grid2">
          <label>
            {view.t("console:claim.amount")}
            <input name="amount" inputmode="numeric" placeholder="42.000.000" />
          </label>
          <label>
            {view.t("console:claim.paidOn")}
            <input name="paidOn" type="date" />
          </label>
        </div>
      ) : null}
      {targets.includes("DITOLAK_PERLU_TINDAK_LANJUT") ? (
        <>
          <label>
            {view.t("console:claim.reason")}
            <input name="reason" maxlength={300} />
          </label>
          <label>
            {view.t("console:claim.nextStep")}
            <input name="nextStep" maxlength={300} />
          </label>
        </>
      ) : null}
    </>
  );
}

function Status({ claim, view }: Pick<Props, "claim" | "view">) {
  const { deceased } = claim;
  return (
    <section class="card" id="claim-status">
      <p>
        {deceased.verifiedAt
          ? view.t("console:claim.deathVerified", { date: deceased.verifiedAt })
          : view.t("console:claim.deathUnverified")}
        {claim.suspended ? <strong>{` ${view.t("console:claim.suspended")}`}</strong> : null}
        {claim.falseReport ? <strong>{` ${view.t("console:claim.falseReport")}`}</strong> : null}
      </p>
      {claim.payment ? (
        <p>
          {view.t("console:claim.payment", {
            amount: claim.payment.amount,
            date: toDisplayDate(claim.payment.paidOn),
          })}
        </p>
      ) : null}
      {claim.rejection ? <p>{view.t("console:claim.rejection", claim.rejection)}</p> : null}
      {!deceased.verifiedAt && !claim.falseReport ? (
        <form method="post" action={`/claims/${claim.reference}/verify-death`}>
          <CsrfField view={view} />
          <button type="submit" class="secondary">
            {view.t("console:claim.verifyDeath")}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function ClaimPage(props: Props) {
  const { claim, view } = props;
  return (
    <>
      <p>
        {view.t("console:claim.stage", {
          stage: view.t(`claimStatus:stage.${claim.stage}`),
          date: claim.stageAt,
        })}{" "}
        {props.overdue ? <span class="badge bad">{view.t("console:claims.overdue")}</span> : null}
        {claim.slaDue ? <span class="badge">SLA {claim.slaDue}</span> : null}
      </p>
      <Status claim={claim} view={view} />
      <People claim={claim} view={view} services={props.services} />
      <Documents claim={claim} documents={props.documents} view={view} />
      <Actions claim={claim} view={view} />
      <section class="card">
        <h2>{view.t("console:claim.history")}</h2>
        <table>
          <tbody>
            {[...claim.history].reverse().map((h) => (
              <tr>
                <td>{`${formatDate(h.at, view.language)} ${formatTime(h.at, view.language)}`}</td>
                <td>{view.t(`claimStatus:stage.${h.stage}`)}</td>
                <td class="opt">{h.by}</td>
                <td>{h.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
