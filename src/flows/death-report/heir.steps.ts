/** Death report, part 2: when and how the participant died, then the heir and their place in the order. */
import type { FlowContext, Step } from "../../core/flow";
import { done, invalid, next } from "../../core/flow";
import type { Parsed } from "../../core/steps";
import { ask, choose, confirm, yesAliases } from "../../core/steps";
import { toComparable } from "../../core/text";
import { parseDateInput, type DateRefusal } from "../../domain/date-input";
import { groupsBefore, heirRank, relationships, type HeirGroup, type Relationship } from "../../domain/heirs";
import { toJakartaDay } from "../../domain/jakarta-time";
import { maskNik, type ParsedNik } from "../../domain/nik";
import { parsePersonName } from "../../domain/person-name";
import { parsePhone, type PhoneRefusal } from "../../domain/phone";
import { addFlag, type DeathReportData } from "./death-report.data";
import { nikInvalid, nikParser } from "./identify.steps";

type D = DeathReportData;

const phoneParser = (text: string, ctx: FlowContext): Parsed<string> => {
  if (ctx.phone && yesAliases.includes(toComparable(text))) return { ok: true, value: ctx.phone };
  const result = parsePhone(text, { mobileOnly: true });
  return result.ok ? result : { ok: false, reason: result.reason };
};

const afterRelationship = (data: D) =>
  heirRank(data.relationship ?? "spouse") > 1 ? next("closerRelatives", data) : next("schoolChildren", data);

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
    onAnswer: (deathDate, data) => {
      const registered =
        data.match && data.matchConfirmed ? toJakartaDay(data.match.registeredAt) : undefined;
      if (registered && deathDate < registered)
        return next("cause", { ...addFlag(data, "death_before_registration"), deathDate }, [
          { key: "deathReport:deathDate.beforeRegistration" },
        ]);
      return next("cause", { ...data, deathDate });
    },
  }),
  cause: choose<D>({
    prompt: "deathReport:cause.prompt",
    options: [
      { value: "work", label: "deathReport:cause.work", aliases: ["kerja", "bekerja", "kecelakaan kerja"] },
      { value: "commute", label: "deathReport:cause.commute", aliases: ["perjalanan", "di jalan"] },
      { value: "other", label: "deathReport:cause.other", aliases: illnessWords },
      { value: "unknown", label: "deathReport:cause.unknown", aliases: ["tidak tahu", "belum tahu"] },
    ],
    onChoice: (value, data) => {
      const cause = value as NonNullable<D["cause"]>;
      if (cause === "work" || cause === "commute")
        return next("heirName", { ...data, cause }, [{ key: "deathReport:cause.jkkGuidance" }]);
      if (cause === "unknown")
        return next("heirName", { ...addFlag(data, "cause_unknown"), cause }, [
          { key: "deathReport:cause.unknownNote" },
        ]);
      return next("heirName", { ...data, cause });
    },
  }),
  heirName: ask<D, string>({
    prompt: "deathReport:heirName.prompt",
    parse: parsePersonName,
    invalid: "deathReport:nameInvalid",
    onAnswer: (heirName, data) => next("heirNik", { ...data, heirName }),
  }),
  heirNik: ask<D, ParsedNik>({
    prompt: "deathReport:heirNik.prompt",
    parse: nikParser,
    invalid: nikInvalid,
    onAnswer: (nik, data, ctx) => {
      const sealed = ctx.services.vault.seal(nik.nik);
      if (data.deceasedNik && sealed.hash === data.deceasedNik.hash)
        return invalid({ key: "deathReport:heirNik.sameAsDeceased" });
      return next("heirPhone", { ...data, heirNik: sealed }, [
        { key: "deathReport:heirNik.noted", params: { nik: maskNik(nik.nik) } },
      ]);
    },
  }),
  heirPhone: ask<D, string>({
    prompt: (_data, ctx) =>
      ctx.phone
        ? { key: "deathReport:heirPhone.promptKnown", params: { phone: ctx.phone } }
        : { key: "deathReport:heirPhone.prompt" },
    requestContact: true,
    parse: phoneParser,
    invalid: (reason) => `deathReport:heirPhone.invalid.${reason as PhoneRefusal}` as const,
    onOther: (input, data) => {
      if (input.content.type !== "contact") return undefined;
      const phone = parsePhone(input.content.phone);
      return phone.ok ? next("relationship", { ...data, heirPhone: phone.value }) : undefined;
    },
    onAnswer: (heirPhone, data) => next("relationship", { ...data, heirPhone }),
  }),
  relationship: choose<D>({
    prompt: "deathReport:relationship.prompt",
    options: relationships.map((value) => ({
      value,
      label: `deathReport:relationship.${value}` as const,
      aliases: relationshipWords[value],
    })),
    onChoice: (value, data) => afterRelationship({ ...data, relationship: value as Relationship }),
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
    onChoice: (value, data) =>
      next("schoolChildren", { ...data, closestLiving: value as HeirGroup | "none" }),
  }),
  schoolChildren: confirm<D>({
    prompt: "deathReport:schoolChildren.prompt",
    onYes: (data) => done({ ...data, schoolChildren: true }),
    onNo: (data) => done({ ...data, schoolChildren: false }),
  }),
};
