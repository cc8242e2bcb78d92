/**
 * The address (and the RT an RT head leads): the kelurahan typed with typos ("lbk bandung"), with
 * the RT/RW in the same message when given ("lebak bandung rt 22 rw 3"); a kecamatan typed, a
 * name that is unclear or unknown leads to Kota Jambi's real lists. Shared by registration and
 * "data saya"; `finish` says where to go once the address is complete.
 */
import type { ChoiceOption } from "../../core/choice-match";
import type { FlowContext, Step, StepInput, StepResult } from "../../core/flow";
import { invalid, next } from "../../core/flow";
import { reply, type Reply } from "../../core/messages";
import { ask, choose } from "../../core/steps";
import {
  findArea,
  kelurahanOf,
  kotaJambiAreas,
  matchArea,
  type AreaEntry,
  type AreaMatch,
} from "../../domain/area-match";
import { isReferenceText } from "../../domain/reference";
import { parseRtRw, type RtRw } from "../../domain/rt-rw";
import type { I18nKey } from "../../i18n/keys";
import type { AreaData } from "./registration.data";

const kecamatanEntries = kotaJambiAreas.filter((a) => a.kind === "kecamatan");
const kecamatanCode = (name: string | undefined) => kecamatanEntries.find((k) => k.name === name)?.code ?? "";

const draftOf = <D extends AreaData>(data: D) =>
  (data.areaTarget === "leadsRt" ? data.leadsRt : data.address) ?? {};

function withDraft<D extends AreaData>(data: D, draft: NonNullable<AreaData["address"]>): D {
  return data.areaTarget === "leadsRt"
    ? { ...data, leadsRt: draft, areaChoices: undefined }
    : { ...data, address: draft, areaChoices: undefined };
}

const toOption = (entry: AreaEntry): ChoiceOption => ({
  value: entry.code,
  label: "registration:area.name",
  params: { name: entry.name },
});

function toPickLabel(entry: AreaEntry): ChoiceOption {
  if (entry.kind === "kecamatan")
    return { value: entry.code, label: "registration:area.pickKecamatan", params: { name: entry.name } };
  return {
    value: entry.code,
    label: "registration:area.pickKelurahan",
    params: { name: entry.name, kecamatan: findArea(entry.kecamatan)?.name ?? "" },
  };
}

type Finish<D> = (data: D, ctx: FlowContext) => StepResult<D> | Promise<StepResult<D>>;

/** Puts notes before what `result` says. */
async function withNotes<D>(result: StepResult<D> | Promise<StepResult<D>>, notes: Reply[]) {
  const settled = await result;
  if (settled.type !== "next" && settled.type !== "start" && settled.type !== "exit") return settled;
  return { ...settled, replies: [...notes, ...(settled.replies ?? [])] };
}

/**
 * Takes a picked or matched area: a kelurahan completes the area part (with the RT/RW when they
 * came with it), a kecamatan asks its kelurahan.
 */
function takeArea<D extends AreaData>(entry: AreaEntry, data: D, finish?: Finish<D>, ctx?: FlowContext) {
  const kecamatan = findArea(entry.kecamatan)?.name ?? "";
  const { rt, rw } = draftOf(data);
  const numbers = rt && rw ? { rt, rw } : {};
  if (entry.kind === "kecamatan") return next("kelurahan", withDraft(data, { ...numbers, kecamatan }));
  const found = reply("registration:area.found", { kelurahan: entry.name, kecamatan });
  const complete = withDraft(data, { ...numbers, kecamatan, kelurahan: entry.name });
  if (rt && rw && finish && ctx) return withNotes(finish(complete, ctx), [found]);
  return next("rtRw", complete, [found]);
}

const labelledNumber = /\b(?:rt|rw)\.?\s*(?:no\.?\s*)?\d{1,4}\b/gi;
const slashedNumbers = /\b\d{1,3}\s*\/\s*\d{1,3}\b/;

/** "Lebak Bandung RT 22 RW 3", "rt 22 rw 3 lebak bandung", "lebak bandung 022/003": place and RT/RW. */
function splitRtRw(text: string, ctx: FlowContext): { place: string; rtRw?: RtRw } {
  if (!/\d/.test(text)) return { place: text };
  const place = text.replace(labelledNumber, " ").replace(slashedNumbers, " ").replace(/\s+/g, " ").trim();
  const rtRw = parseRtRw(text, ctx.services.settings.rtRwLimits);
  return rtRw.ok ? { place, rtRw: rtRw.value } : { place };
}

function onMatch<D extends AreaData>(
  match: AreaMatch,
  data: D,
  finish?: Finish<D>,
  ctx?: FlowContext,
): StepResult<D> | Promise<StepResult<D>> | undefined {
  if (match.type === "match") return takeArea(match.entry, data, finish, ctx);
  if (match.type === "ambiguous")
    return next("areaPick", { ...data, areaChoices: match.candidates.map((c) => c.entry.code) });
  return undefined;
}

function typedKelurahan<D extends AreaData>(input: StepInput, data: D, finish: Finish<D>, ctx: FlowContext) {
  const within = kelurahanOf(kecamatanCode(draftOf(data).kecamatan));
  const found =
    onMatch(matchArea(input.text, within), data, finish, ctx) ??
    onMatch(matchArea(input.text), data, finish, ctx);
  return found ?? invalid({ key: "registration:area.notFound" }, { reprompt: true });
}

/** An area name is short, and matching one gets slow on long text (area-match.ts). */
const areaMaxLength = 200;

/** The one-message answer: a place, maybe with its RT/RW; the lists when it is not clear. */
function typedArea<D extends AreaData>(input: StepInput, data: D, finish: Finish<D>, ctx: FlowContext) {
  const { place, rtRw } = splitRtRw(input.text, ctx);
  const withNumbers = rtRw ? withDraft(data, { ...rtRw }) : withDraft(data, {});
  const found = onMatch(matchArea(place), withNumbers, finish, ctx);
  if (found) return found;
  if (!/\p{L}{3}/u.test(place) || isReferenceText(input.text))
    return invalid({ key: "registration:area.notFound" });
  return next("kecamatan", withNumbers, [{ key: "registration:area.notFound" }]);
}

export function createAreaSteps<D extends AreaData>(finish: Finish<D>): Record<string, Step<D>> {
  return {
    area: {
      prompt: (data) => [
        {
          key: data.areaTarget === "leadsRt" ? "registration:area.promptLeads" : "registration:area.prompt",
        },
      ],
      handle: (input, data, ctx) => typedArea(input, data, finish, ctx),
      maxTextLength: areaMaxLength,
    },
    kecamatan: choose<D>({
      prompt: (data) => ({
        key:
          data.areaTarget === "leadsRt" ? "registration:area.kecamatanLeads" : "registration:area.kecamatan",
      }),
      options: kecamatanEntries.map(toOption),
      onChoice: (code, data) => {
        const { rt, rw } = draftOf(data);
        const numbers = rt && rw ? { rt, rw } : {};
        return next("kelurahan", withDraft(data, { ...numbers, kecamatan: findArea(code)?.name ?? "" }));
      },
      onOther: (input, data, ctx) =>
        onMatch(matchArea(input.text), data, finish, ctx) ??
        invalid({ key: "registration:area.notFound" }, { reprompt: true }),
      maxTextLength: areaMaxLength,
    }),
    kelurahan: choose<D>({
      prompt: (data) => reply("registration:area.kelurahan", { kecamatan: draftOf(data).kecamatan ?? "" }),
      options: (data) => kelurahanOf(kecamatanCode(draftOf(data).kecamatan)).map(toOption),
      onChoice: (code, data, ctx) => {
        const entry = findArea(code);
        return entry
          ? takeArea(entry, data, finish, ctx)
          : invalid({ key: "registration:area.notFound" }, { reprompt: true });
      },
      onOther: (input, data, ctx) => typedKelurahan(input, data, finish, ctx),
      maxTextLength: areaMaxLength,
    }),
    areaPick: choose<D>({
      prompt: "registration:area.pick",
      maxTextLength: areaMaxLength,
      options: (data) => [
        ...(data.areaChoices ?? []).flatMap((code) => {
          const entry = findArea(code);
          return entry ? [toPickLabel(entry)] : [];
        }),
        { value: "none", label: "registration:area.noneOfThese", aliases: ["tidak ada", "bukan", "none"] },
      ],
      onChoice: (code, data, ctx) => {
        const entry = findArea(code);
        return entry
          ? takeArea(entry, data, finish, ctx)
          : next("kecamatan", { ...data, areaChoices: undefined });
      },
      onOther: (input, data, ctx) =>
        onMatch(matchArea(input.text), data, finish, ctx) ??
        invalid({ key: "registration:area.notFound" }, { reprompt: true }),
    }),
    rtRw: ask<D, RtRw>({
      prompt: (data) => reply("registration:rtRw.prompt", { kelurahan: draftOf(data).kelurahan ?? "" }),
      parse: (text, ctx) => parseRtRw(text, ctx.services.settings.rtRwLimits),
      invalid: (reason) => `registration:rtRw.${reason}` as I18nKey,
      onAnswer: (rtRw, data, ctx) => finish(withDraft(data, { ...draftOf(data), ...rtRw }), ctx),
    }),
  };
}
