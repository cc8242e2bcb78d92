/**
 * Step 7 (and the RT an RT head leads): kecamatan and kelurahan from Kota Jambi's real list,
 * picked by number or typed with typos ("lbk bandung"), then the RT/RW numbers. Shared by
 * registration and "data saya"; `finish` says where to go once the address is complete.
 */
import type { ChoiceOption } from "../../core/choice-match";
import type { FlowContext, Step, StepInput, StepResult } from "../../core/flow";
import { invalid, next } from "../../core/flow";
import { reply } from "../../core/messages";
import { ask, choose } from "../../core/steps";
import {
  findArea,
  kelurahanOf,
  kotaJambiAreas,
  matchArea,
  type AreaEntry,
  type AreaMatch,
} from "../../domain/area-match";
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

/** Takes a picked or matched area: a kelurahan completes the area part, a kecamatan asks its kelurahan. */
function takeArea<D extends AreaData>(entry: AreaEntry, data: D): StepResult<D> {
  const kecamatan = findArea(entry.kecamatan)?.name ?? "";
  if (entry.kind === "kecamatan") return next("kelurahan", withDraft(data, { kecamatan }));
  return next("rtRw", withDraft(data, { ...draftOf(data), kecamatan, kelurahan: entry.name }), [
    reply("registration:area.found", { kelurahan: entry.name, kecamatan }),
  ]);
}

function onMatch<D extends AreaData>(match: AreaMatch, data: D): StepResult<D> | undefined {
  if (match.type === "match") return takeArea(match.entry, data);
  if (match.type === "ambiguous")
    return next("areaPick", { ...data, areaChoices: match.candidates.map((c) => c.entry.code) });
  return undefined;
}

function typedKelurahan<D extends AreaData>(input: StepInput, data: D): StepResult<D> {
  const within = kelurahanOf(kecamatanCode(draftOf(data).kecamatan));
  const found = onMatch(matchArea(input.text, within), data) ?? onMatch(matchArea(input.text), data);
  return found ?? invalid({ key: "registration:area.notFound" }, { reprompt: true });
}

/** An area name is short, and matching one gets slow on long text (area-match.ts). */
const areaMaxLength = 200;

export function createAreaSteps<D extends AreaData>(
  finish: (data: D, ctx: FlowContext) => StepResult<D> | Promise<StepResult<D>>,
): Record<string, Step<D>> {
  return {
    kecamatan: choose<D>({
      prompt: (data) => ({
        key:
          data.areaTarget === "leadsRt" ? "registration:area.kecamatanLeads" : "registration:area.kecamatan",
      }),
      options: kecamatanEntries.map(toOption),
      onChoice: (code, data) => next("kelurahan", withDraft(data, { kecamatan: findArea(code)?.name ?? "" })),
      onOther: (input, data) =>
        onMatch(matchArea(input.text), data) ??
        invalid({ key: "registration:area.notFound" }, { reprompt: true }),
      maxTextLength: areaMaxLength,
    }),
    kelurahan: choose<D>({
      prompt: (data) => reply("registration:area.kelurahan", { kecamatan: draftOf(data).kecamatan ?? "" }),
      options: (data) => kelurahanOf(kecamatanCode(draftOf(data).kecamatan)).map(toOption),
      onChoice: (code, data) => {
        const entry = findArea(code);
        return entry
          ? takeArea(entry, data)
          : invalid({ key: "registration:area.notFound" }, { reprompt: true });
      },
      onOther: typedKelurahan,
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
      onChoice: (code, data) => {
        const entry = findArea(code);
        return entry ? takeArea(entry, data) : next("kecamatan", { ...data, areaChoices: undefined });
      },
      onOther: (input, data) =>
        onMatch(matchArea(input.text), data) ??
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
