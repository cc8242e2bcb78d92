/**
 * Claims: a board by stage (overdue against the SLA in working days highlighted), one claim with
 * its documents (opened only by roles allowed, every view audited), moving the stage with a note,
 * and asking the heir for a document. Moves and requests go through the same claim actions as the
 * chat staff flow (flows/claims/claim-actions.ts), so the lifecycle rules live in one place.
 */
import type { Hono } from "hono";
import { claimStages, isStage } from "../../domain/claim-lifecycle";
import { moveClaim, requestDocument } from "../../flows/claims/claim-actions";
import type { MoveInput } from "../../flows/claims/claim-moves";
import { verifyDeath } from "../../flows/claims/claim-verification";
import { parseRupiah } from "../../domain/rupiah-input";
import { documentTypes, type DocumentType } from "../../domain/claim-documents";
import { notFound, page, readForm, redirectWith, requires, toOnceKey } from "../console-http";
import type { ConsoleContext, ConsoleDeps, ConsoleEnv } from "../console.types";
import { ClaimPage } from "../pages/claim.page";
import { ClaimCard, isOverdue } from "../pages/claim-card";
import { ClaimSearchForm, searchClaims } from "./claims-search";

const perStage = 50;

async function board(c: ConsoleContext) {
  const { services, view } = c.var;
  const columns = await Promise.all(
    claimStages.map(async (stage) => ({
      stage,
      claims: await services.claims.list({ stage }, { limit: perStage }),
    })),
  );
  const overdue = columns
    .flatMap((col) => col.claims)
    .filter((cl) => isOverdue(cl, services.calendar, view.now));
  await services.audit.record({
    at: view.now,
    actor: c.var.principal.actor,
    action: "claim.list",
    target: "claims",
    details: { console: true },
  });
  return page(
    c,
    view.t("console:claims.title"),
    <>
      <p class="muted">
        {overdue.length > 0 ? (
          <strong>{view.t("console:claims.overdueCount", { count: overdue.length })}. </strong>
        ) : null}
        {view.t("console:claims.legend")}
      </p>
      <ClaimSearchForm view={view} />
      <div class="board">
        {columns.map((col) => (
          <section class="column" data-stage={col.stage}>
            <h2>
              {view.t(`claimStatus:stage.${col.stage}`)} <span class="badge">{col.claims.length}</span>
            </h2>
            {col.claims.length === 0 ? <p class="muted">{view.t("console:claims.empty")}</p> : null}
            {col.claims.map((claim) => (
              <ClaimCard claim={claim} view={view} calendar={services.calendar} />
            ))}
          </section>
        ))}
      </div>
    </>,
  );
}

async function showClaim(c: ConsoleContext) {
  const { services, view, principal } = c.var;
  const claim = await services.claims.findByReference(c.req.param("reference") ?? "");
  if (!claim) return notFound(c);
  const documents = await services.claimDocuments.listByClaim(claim.reference);
  await services.audit.record({
    at: view.now,
    actor: principal.actor,
    action: "claim.view",
    target: `claim:${claim.reference}`,
    details: { console: true },
  });
  return page(
    c,
    view.t("console:claim.title", { reference: claim.reference }),
    <ClaimPage
      claim={claim}
      documents={documents}
      view={view}
      services={services}
      overdue={isOverdue(claim, services.calendar, view.now)}
    />,
  );
}

async function move(c: ConsoleContext, deps: ConsoleDeps) {
  const { services, view, principal } = c.var;
  const reference = c.req.param("reference") ?? "";
  const field = await readForm(c);
  const to = field("to");
  const back = `/claims/${reference}`;
  if (!isStage(to))
    return redirectWith(c, back, {
      error: view.t("console:error.invalid", { what: view.t("console:claim.moveTo") }),
    });
  const note = field("note", 500);
  const extra = toMoveExtra(to, field);
  if (extra === null) return redirectWith(c, back, { error: view.t("console:claim.paymentHint") });
  const key = toOnceKey(c, field("once", 100), "claim-move", reference);
  const input = {
    reference,
    to,
    actor: principal.actor,
    ...(note ? { note } : {}),
    ...extra,
    ...(key ? { key } : {}),
  };
  const result = await moveClaim({ services, translator: deps.translator }, input);
  if (result.status === "refused")
    return redirectWith(c, back, {
      error: view.t(`staffClaims:moveRefused.${result.reason}`).replace(/\*/g, ""),
    });
  const stage = view.t(`claimStatus:stage.${result.claim.stage}`);
  if (!result.notified) return redirectWith(c, back, { error: view.t("console:claim.notNotified") });
  return redirectWith(c, back, {
    ok: view.t(result.notification === "queued" ? "console:claim.movedQueued" : "console:claim.moved", {
      stage,
    }),
  });
}

/** Payment for DIBAYAR, reason and next step for DITOLAK; null when what the stage needs is missing or wrong. */
function toMoveExtra(to: string, field: (name: string, max?: number) => string): Partial<MoveInput> | null {
  if (to === "DIBAYAR") {
    const amount = parseRupiah(field("amount", 30), { min: 1 });
    const paidOn = field("paidOn", 10);
    return amount.ok && /^\d{4}-\d{2}-\d{2}$/.test(paidOn)
      ? { payment: { amount: amount.value, paidOn } }
      : null;
  }
  if (to === "DITOLAK_PERLU_TINDAK_LANJUT") {
    const reason = field("reason", 300);
    const nextStep = field("nextStep", 300);
    return reason.length >= 3 && nextStep.length >= 3 ? { rejection: { reason, nextStep } } : null;
  }
  return {};
}

async function confirmDeath(c: ConsoleContext, deps: ConsoleDeps) {
  const { services, view, principal } = c.var;
  const reference = c.req.param("reference") ?? "";
  if (!(await services.claims.findByReference(reference))) return notFound(c);
  const claim = await verifyDeath(
    { services, translator: deps.translator },
    { reference, actor: principal.actor },
  );
  const back = `/claims/${reference}`;
  return claim
    ? redirectWith(c, back, { ok: view.t("console:claim.verified", { reference }) })
    : redirectWith(c, back, { error: view.t("console:claim.refused", { reason: "-" }) });
}

async function askDocument(c: ConsoleContext, deps: ConsoleDeps) {
  const { services, view, principal } = c.var;
  const reference = c.req.param("reference") ?? "";
  const field = await readForm(c);
  const type = field("type");
  const back = `/claims/${reference}`;
  if (!(documentTypes as readonly string[]).includes(type))
    return redirectWith(c, back, {
      error: view.t("console:error.invalid", { what: view.t("console:claim.requestType") }),
    });
  const note = field("note", 300);
  const key = toOnceKey(c, field("once", 100), "claim-request", reference);
  const result = await requestDocument(
    { services, translator: deps.translator },
    {
      reference,
      type: type as DocumentType,
      actor: principal.actor,
      ...(note ? { note } : {}),
      ...(key ? { key } : {}),
    },
  );
  if (result.status === "notFound") return notFound(c);
  return redirectWith(
    c,
    back,
    result.notified
      ? { ok: view.t("console:claim.requested") }
      : { error: view.t("console:claim.notNotified") },
  );
}

/** Sends one decrypted document (image or PDF) inline; audited. */
async function openDocument(c: ConsoleContext) {
  const { services, view, principal } = c.var;
  const reference = c.req.param("reference") ?? "";
  const document = await services.claimDocuments.findById(c.req.param("id") ?? "");
  if (!document || document.claimReference !== reference) return notFound(c);
  await services.audit.record({
    at: view.now,
    actor: principal.actor,
    action: "claim.document.view",
    target: `claim:${reference}`,
    details: { document: document._id, type: document.type ?? null },
  });
  const bytes = await services.files.get(document.fileKey);
  const type = /^(image\/(jpeg|png|webp|heic)|application\/pdf)$/.test(document.mimeType)
    ? document.mimeType
    : "application/octet-stream";
  return c.body(Buffer.from(bytes), 200, {
    "Content-Type": type,
    "Content-Disposition": "inline",
    "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
  });
}

export function registerClaims(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  app.use("/claims", requires("claims.manage"));
  app.use("/claims/*", requires("claims.manage"));
  app.get("/claims", board);
  app.post("/claims/search", searchClaims);
  app.get("/claims/:reference", showClaim);
  app.post("/claims/:reference/move", (c) => move(c, deps));
  app.post("/claims/:reference/request", (c) => askDocument(c, deps));
  app.post("/claims/:reference/verify-death", (c) => confirmDeath(c, deps));
  app.get("/claims/:reference/documents/:id", requires("claims.documents"), openDocument);
}
