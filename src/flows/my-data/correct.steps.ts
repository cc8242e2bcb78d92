/** Correcting one field of one's registration: re-validated with the registration's parsers, audited. */
import type { FlowContext } from "../../core/flow";
import { next } from "../../core/flow";
import { reply } from "../../core/messages";
import type { PersonChanges, RtRef } from "../../core/people.port";
import { ask, choose, type Parsed } from "../../core/steps";
import { parseBirthDate } from "../../domain/birth-date";
import { parseNik } from "../../domain/nik";
import { parsePersonName, toNameCase } from "../../domain/person-name";
import { parsePhone } from "../../domain/phone";
import type { I18nKey } from "../../i18n/keys";
import { createAreaSteps } from "../registration/area.steps";
import { toActor, toToday } from "../registration/registration.data";
import { minimumIncome, occupationOptions, parseDeclaredIncome } from "../registration/work.steps";
import { toPersonWords } from "../registration/person-words";
import type { MyData, MyDataResult } from "./my-data.data";

async function nikBirthDate(personId: string, ctx: FlowContext): Promise<string | undefined> {
  const person = await ctx.services.people.findById(personId);
  if (!person) return undefined;
  const parsed = parseNik(ctx.services.vault.open(person.nik), toToday(ctx));
  return parsed.ok ? parsed.value.birthDate : undefined;
}

/** Saves a correction, audits it (field names only) and flags verified records for staff. */
async function applyCorrection(
  data: MyData,
  ctx: FlowContext,
  changes: PersonChanges,
): Promise<MyDataResult> {
  const before = data.personId ? await ctx.services.people.findById(data.personId) : null;
  if (!before) return next("home", { personId: data.personId });
  await ctx.services.people.update(before._id, changes, ctx.now);
  const fields = Object.keys(changes);
  await ctx.services.audit.record(
    {
      at: ctx.now,
      actor: toActor(ctx),
      action: "person.corrected",
      target: `person:${before.reference}`,
      details: { fields },
    },
    ctx.effectKey("audit:person.corrected"),
  );
  if (before.status === "active")
    await ctx.services.people.addFlag(before._id, "corrected_after_verification", ctx.now);
  if (changes.birthDate && changes.birthDate !== (await nikBirthDate(before._id, ctx)))
    await ctx.services.people.addFlag(before._id, "nik_birthdate_mismatch", ctx.now);
  return next("home", { personId: before._id }, [reply("myData:corrected")]);
}

const fields = ["name", "birthDate", "phone", "address", "occupation", "income"] as const;
const fieldSteps: Record<(typeof fields)[number], string> = {
  name: "correctName",
  birthDate: "correctBirthDate",
  phone: "correctPhone",
  address: "kecamatan",
  occupation: "correctOccupation",
  income: "correctIncome",
};

const isRtRef = (rt: MyData["address"]): rt is RtRef =>
  Boolean(rt?.kecamatan && rt.kelurahan && rt.rt && rt.rw);

export const correctSteps = {
  correctPick: choose<MyData>({
    prompt: "myData:correct.pick",
    options: fields.map((f) => ({ value: f, label: `myData:correct.fields.${f}` as I18nKey })),
    onChoice: (value, data) =>
      next(fieldSteps[value as (typeof fields)[number]] ?? "home", {
        ...data,
        areaTarget: "address",
        address: {},
      }),
  }),
  correctName: ask<MyData, string>({
    prompt: (_data, ctx) => reply("registration:name.prompt", { ...toPersonWords({}, ctx) }),
    parse: parsePersonName,
    invalid: (reason) => `registration:name.${reason}` as I18nKey,
    onAnswer: (name, data, ctx) => applyCorrection(data, ctx, { name: toNameCase(name) }),
  }),
  correctBirthDate: ask<MyData, string>({
    prompt: (_data, ctx) => reply("registration:birthDate.prompt", { ...toPersonWords({}, ctx) }),
    parse: (text, ctx) => parseBirthDate(text, toToday(ctx)),
    invalid: (reason) => `registration:birthDate.${reason}` as I18nKey,
    onAnswer: (birthDate, data, ctx) => applyCorrection(data, ctx, { birthDate }),
  }),
  correctPhone: ask<MyData, string>({
    prompt: "registration:phone.prompt",
    parse: (text): Parsed<string> => parsePhone(text, { mobileOnly: true }),
    invalid: (reason) => `registration:phone.${reason}` as I18nKey,
    onAnswer: (phone, data, ctx) => applyCorrection(data, ctx, { phone }),
  }),
  correctOccupation: choose<MyData>({
    prompt: "myData:correct.occupation",
    options: occupationOptions(false),
    onChoice: (code, data, ctx) =>
      code === "lainnya"
        ? next("correctOccupationOther", data)
        : applyCorrection(data, ctx, { occupation: { code } }),
  }),
  correctOccupationOther: ask<MyData, string>({
    prompt: "registration:occupation.otherPrompt",
    parse: (text) =>
      text.length >= 3 && text.length <= 60 ? { ok: true, value: text } : { ok: false, reason: "invalid" },
    invalid: "registration:occupation.otherInvalid",
    onAnswer: (other, data, ctx) => applyCorrection(data, ctx, { occupation: { code: "lainnya", other } }),
  }),
  correctIncome: ask<MyData, { income: number; raised: boolean }>({
    prompt: (_data, ctx) =>
      reply("registration:income.prompt", { minimum: minimumIncome, ...toPersonWords({}, ctx) }),
    parse: parseDeclaredIncome,
    invalid: (reason) => `registration:income.${reason}` as I18nKey,
    onAnswer: async ({ income, raised }, data, ctx) => {
      const result = await applyCorrection(data, ctx, { income });
      if (!raised || result.type !== "next") return result;
      return {
        ...result,
        replies: [reply("registration:income.raised", { minimum: minimumIncome }), ...(result.replies ?? [])],
      };
    },
  }),
  ...createAreaSteps<MyData>((data, ctx) =>
    isRtRef(data.address) ? applyCorrection(data, ctx, { address: data.address }) : next("kecamatan", data),
  ),
};
