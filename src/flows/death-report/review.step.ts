/**
 * The review before filing: everything the heir typed (or the opening message said) shown back in
 * one message, to send as it is or to change one thing; a change asks that question again and
 * comes back here.
 */
import type { FlowContext, Step, StepResult } from "../../core/flow";
import { done, next } from "../../core/flow";
import type { Reply } from "../../core/messages";
import { choose } from "../../core/steps";
import { formatPhone } from "../../domain/phone";
import { toDisplayDate } from "../../domain/working-days";
import type { DeathReportData } from "./death-report.data";
import { advance } from "./next-step";

type D = DeathReportData;

const edits = {
  deceased: ["deceasedNik", "deceasedNikMasked", "kpj", "deceasedName", "kelurahan", "rt", "match"],
  deathDate: ["deathDate"],
  cause: ["cause"],
  membership: ["membership"],
  relationship: ["relationship", "closestLiving"],
  heir: ["heirName", "heirNik", "heirNikMasked"],
  children: ["schoolChildren"],
} as const satisfies Record<string, readonly (keyof D)[]>;
type Edit = keyof typeof edits | "phone";

function toIdentity(data: D, ctx: FlowContext): string {
  const t = (key: Parameters<typeof ctx.translator.t>[1], params?: Record<string, unknown>) =>
    ctx.translator.t(ctx.language, key, params);
  const id = data.deceasedNikMasked
    ? `NIK ${data.deceasedNikMasked}`
    : data.kelurahan
      ? `${data.kelurahan}, RT ${data.rt ?? "-"}`
      : "";
  const found = data.match ? t("deathReport:review.registered") : t("deathReport:review.notRegistered");
  return [id, found].filter(Boolean).join(" · ");
}

function toSummary(data: D, ctx: FlowContext): Reply {
  const t = (key: Parameters<typeof ctx.translator.t>[1]) => ctx.translator.t(ctx.language, key);
  const children =
    data.schoolChildren === undefined
      ? ""
      : t(data.schoolChildren ? "deathReport:review.childrenYes" : "deathReport:review.childrenNo");
  return {
    key: "deathReport:review.prompt",
    params: {
      deceased: data.deceasedName ?? "-",
      identity: toIdentity(data, ctx),
      date: toDisplayDate(data.deathDate ?? "1970-01-01"),
      cause: t(`deathReport:cause.${data.cause ?? "unknown"}`),
      membership: t(`deathReport:membership.${data.membership ?? "unknown"}`),
      heir: data.heirName ?? "-",
      heirNik: data.heirNikMasked ?? "-",
      relationship: t(`deathReport:relationship.${data.relationship ?? "other"}`),
      phone: data.heirPhone ? formatPhone(data.heirPhone) : "-",
      children,
    },
  };
}

const options = (data: D) => [
  {
    value: "send",
    label: "deathReport:review.send" as const,
    aliases: ["kirim", "benar", "ya", "sudah benar", "lanjut"],
  },
  { value: "deceased", label: "deathReport:review.editDeceased" as const },
  { value: "deathDate", label: "deathReport:review.editDate" as const },
  { value: "cause", label: "deathReport:review.editCause" as const },
  { value: "membership", label: "deathReport:review.editMembership" as const },
  { value: "relationship", label: "deathReport:review.editRelationship" as const },
  { value: "heir", label: "deathReport:review.editHeir" as const },
  { value: "phone", label: "deathReport:review.editPhone" as const },
  ...(data.schoolChildren === undefined
    ? []
    : [{ value: "children", label: "deathReport:review.editChildren" as const }]),
];

function edit(value: Edit, data: D, ctx: FlowContext): StepResult<D> {
  if (value === "phone") return next("heirPhone", data);
  const cleared: D = { ...data };
  for (const field of edits[value]) delete cleared[field];
  if (value === "deceased") cleared.lookedUp = false;
  return advance(cleared, ctx);
}

export const reviewStep: Step<D> = choose<D>({
  prompt: (data, ctx) => toSummary(data, ctx),
  options: (data) => options(data),
  onChoice: (value, data, ctx) => (value === "send" ? done(data) : edit(value as Edit, data, ctx)),
});
