/**
 * Death report, part 2: when and how the participant died, whether he was a BPJS participant, and
 * the heir (relationship, place in the order of heirs, name and NIK, phone, children at school).
 */
import type { FlowContext, Step, StepResult } from "../../core/flow";
import { invalid } from "../../core/flow";
import type { Parsed } from "../../core/steps";
import { ask, choose, confirm, yesAliases } from "../../core/steps";
import { toComparable } from "../../core/text";
import { parseDateInput, type DateRefusal } from "../../domain/date-input";
import { groupsBefore, relationships, type HeirGroup, type Relationship } from "../../domain/heirs";
import { toJakartaDay } from "../../domain/jakarta-time";
import { membershipAnswers, toMembershipAnswer, type MembershipAnswer } from "../../domain/membership";
import { maskNik } from "../../domain/nik";
import { parsePersonName } from "../../domain/person-name";
import { parsePhone, type PhoneRefusal } from "../../domain/phone";
import { programmeFacts } from "../../domain/programme-facts";
import { addFlag, type DeathReportData } from "./death-report.data";
import { nikInvalid } from "./identify.steps";
import { advance } from "./next-step";
import { parseHeirIdentity, type HeirIdentity } from "./parsers";

type D = DeathReportData;

const phoneParser = (text: string, ctx: FlowContext): Parsed<string> => {
  if (ctx.phone && yesAliases.includes(toComparable(text))) return { ok: true, value: ctx.phone };
  const result = parsePhone(text, { mobileOnly: true });
  return result.ok ? result : { ok: false, reason: result.reason };
};

const daysSince = (day: string, now: Date) =>
  Math.round((Date.parse(toJakartaDay(now)) - Date.parse(day)) / (24 * 60 * 60 * 1000));

/** JKK guidance that never reads as a missed deadline: the 2×24 h rule only while it can still be met. */
function jkkGuidance(data: D, ctx: FlowContext) {
  const hours = programmeFacts.accidentReportHours.value;
  const recent = data.deathDate !== undefined && daysSince(data.deathDate, ctx.now) * 24 < hours;
  return {
    key: recent ? ("deathReport:cause.jkkRecent" as const) : ("deathReport:cause.jkkLater" as const),
    params: { years: programmeFacts.jkkClaimLapseYears.value },
  };
}

function setHeir(identity: HeirIdentity, data: D, ctx: FlowContext): StepResult<D> {
  const sealed = identity.nik ? ctx.services.vault.seal(identity.nik.nik) : undefined;
  if (sealed && data.deceasedNik && sealed.hash === data.deceasedNik.hash)
    return invalid({ key: "deathReport:heirIdentity.sameAsDeceased" });
  return advance(
    {
      ...data,
      ...(identity.name ? { heirName: identity.name } : {}),
      ...(sealed && identity.nik ? { heirNik: sealed, heirNikMasked: maskNik(identity.nik.nik) } : {}),
      ...(identity.phone ? { heirPhone: identity.phone } : {}),
    },
    ctx,
  );
}

const membershipOptions = membershipAnswers.map((value) => ({
  value,
  label: `deathReport:membership.${value}` as const,
}));

function onMembership(answer: MembershipAnswer, data: D, ctx: FlowContext): StepResult<D> {
  const updated =
    answer === "never"
      ? addFlag({ ...data, membership: answer }, "heir_says_not_a_participant")
      : { ...data, membership: answer };
  const note =
    answer === "never" || answer === "unknown"
      ? [{ key: `deathReport:membership.${answer}Note` as const }]
      : [];
  return advance(updated, ctx, note);
}

/** Words that name an illness: "kena DBD", "serangan jantung" pick "sakit". */
const illnessWords = [
  "sakit", "lainnya", "lain", "penyakit", "jantung", "serangan jantung", "stroke", "dbd", "demam berdarah",
  "kanker", "diabetes", "gula", "ginjal", "paru", "covid", "tbc", "hipertensi", "darah tinggi", "illness", "sick",
]; // prettier-ignore

/** What people call their relationship ("sy istrinya", "bini", "kakak"). */
const relationshipWords: Record<Relationship, string[]> = {
  spouse: ["suami", "istri", "bini", "laki", "janda", "duda", "wife", "husband", "pasangan"],
  child: ["anak", "anak kandung", "putra", "putri", "son", "daughter", "budak"],
  parent: ["ayah", "ibu", "bapak", "emak", "abah", "umak", "orang tua", "ortu", "father", "mother"],
  grandparent: ["kakek", "nenek", "datuk", "grandfather", "grandmother"],
  grandchild: ["cucu", "grandchild"],
  sibling: ["kakak", "adik", "abang", "adek", "ayuk", "saudara", "brother", "sister"],
  parentInLaw: ["mertua", "in law"],
  willNamed: ["wasiat", "will"],
  other: ["tetangga", "keponakan", "paman", "bibi", "tante", "teman", "kawan", "pengurus", "neighbour"],
};

export const heirSteps: Record<string, Step<D>> = {
  deathDate: ask<D, string>({
    prompt: "deathReport:deathDate.prompt",
    parse: (text, ctx) => {
      const result = parseDateInput(text, ctx.now, { relativeWords: true, yearOptional: true });
      return result.ok ? result : { ok: false, reason: result.reason };
    },
    invalid: (reason) => `deathReport:deathDate.invalid.${reason as DateRefusal}` as const,
    onAnswer: (deathDate, data, ctx) => advance({ ...data, deathDate }, ctx),
  }),
  cause: choose<D>({
    prompt: "deathReport:cause.prompt",
    options: [
      { value: "work", label: "deathReport:cause.work", aliases: ["kerja", "bekerja", "kecelakaan kerja"] },
      {
        value: "road",
        label: "deathReport:cause.road",
        aliases: ["lalu lintas", "tabrakan", "di jalan", "perjalanan"],
      },
      { value: "other", label: "deathReport:cause.other", aliases: illnessWords },
      { value: "unknown", label: "deathReport:cause.unknown", aliases: ["tidak tahu", "belum tahu"] },
    ],
    onChoice: (value, data, ctx) => {
      const cause = value as NonNullable<D["cause"]>;
      if (cause === "work" || cause === "road")
        return advance({ ...data, cause }, ctx, [jkkGuidance(data, ctx)]);
      if (cause === "unknown")
        return advance(addFlag({ ...data, cause }, "cause_unknown"), ctx, [
          { key: "deathReport:cause.unknownNote" },
        ]);
      return advance({ ...data, cause }, ctx);
    },
  }),
  membership: choose<D>({
    prompt: "deathReport:membership.prompt",
    options: membershipOptions,
    onChoice: (value, data, ctx) => onMembership(value as MembershipAnswer, data, ctx),
    onOther: (input, data, ctx) => {
      const answer = toMembershipAnswer(input.text);
      return answer
        ? onMembership(answer, data, ctx)
        : invalid(
            { key: "common:choice.invalid", params: { count: membershipOptions.length } },
            { reprompt: true },
          );
    },
  }),
  relationship: choose<D>({
    prompt: "deathReport:relationship.prompt",
    options: relationships.map((value) => ({
      value,
      label: `deathReport:relationship.${value}` as const,
      aliases: relationshipWords[value],
    })),
    onChoice: (value, data, ctx) => {
      const updated: D = { ...data, relationship: value as Relationship };
      delete updated.closestLiving;
      return advance(updated, ctx);
    },
  }),
  closerRelatives: choose<D>({
    prompt: "deathReport:closerRelatives.prompt",
    options: (data) => [
      ...groupsBefore(data.relationship ?? "other").map((group) => ({
        value: group,
        label: `deathReport:group.${group}` as const,
      })),
      { value: "none", label: "deathReport:closerRelatives.none" as const, aliases: ["tidak ada", "none"] },
    ],
    onChoice: (value, data, ctx) => advance({ ...data, closestLiving: value as HeirGroup | "none" }, ctx),
  }),
  heirIdentity: ask<D, HeirIdentity>({
    prompt: (_data, ctx) => ({
      key: ctx.phone ? "deathReport:heirIdentity.prompt" : "deathReport:heirIdentity.promptWithPhone",
    }),
    parse: (text, ctx) => parseHeirIdentity(text, ctx.now),
    invalid: (reason) => (reason === "name" ? "deathReport:nameInvalid" : nikInvalid(reason)),
    onAnswer: (identity, data, ctx) => setHeir(identity, data, ctx),
  }),
  heirName: ask<D, string>({
    prompt: "deathReport:heirName.prompt",
    parse: parsePersonName,
    invalid: "deathReport:nameInvalid",
    onAnswer: (name, data, ctx) => setHeir({ name }, data, ctx),
  }),
  heirNik: ask<D, HeirIdentity>({
    prompt: "deathReport:heirNik.prompt",
    parse: (text, ctx) => parseHeirIdentity(text, ctx.now),
    invalid: (reason) => (reason === "name" ? "deathReport:heirNik.prompt" : nikInvalid(reason)),
    onAnswer: (identity, data, ctx) =>
      identity.nik ? setHeir(identity, data, ctx) : invalid({ key: "deathReport:heirNik.prompt" }),
  }),
  heirPhone: ask<D, string>({
    prompt: (_data, ctx) =>
      ctx.phone
        ? { key: "deathReport:heirPhone.promptKnown", params: { phone: ctx.phone } }
        : { key: "deathReport:heirPhone.prompt" },
    requestContact: true,
    parse: phoneParser,
    invalid: (reason) => `deathReport:heirPhone.invalid.${reason as PhoneRefusal}` as const,
    onOther: (input, data, ctx) => {
      if (input.content.type !== "contact") return undefined;
      const phone = parsePhone(input.content.phone);
      return phone.ok ? advance({ ...data, heirPhone: phone.value }, ctx) : undefined;
    },
    onAnswer: (heirPhone, data, ctx) => advance({ ...data, heirPhone }, ctx),
  }),
  schoolChildren: confirm<D>({
    prompt: "deathReport:schoolChildren.prompt",
    onYes: (data, ctx) => advance({ ...data, schoolChildren: true }, ctx),
    onNo: (data, ctx) => advance({ ...data, schoolChildren: false }, ctx),
  }),
};
