/**
 * Staff review of registrations (staff only): pending list, search (name, reference, kelurahan,
 * RT), one record with the NIK masked, verify or reject with a note. Every view and decision is audited.
 */
import { z } from "zod";
import type { ChoiceOption } from "../core/choice-match";
import type { FlowContext, Step } from "../core/flow";
import { defineFlow, exit, invalid, next } from "../core/flow";
import { reply } from "../core/messages";
import type { Person } from "../core/people.port";
import { ask, choose, confirm } from "../core/steps";
import type { I18nKey } from "../i18n/keys";
import { toView } from "./my-data/locate";
import { toActor } from "./registration/registration.data";
import { rejectRegistration, verifyRegistration, type ReviewOutcome } from "./staff-registrations/review";
import { toStaffSearch } from "./staff-registrations/staff-query";
import { toStaffDetails } from "./staff-registrations/staff-view";

const listed = z.object({
  id: z.string(),
  reference: z.string(),
  name: z.string(),
  kelurahan: z.string(),
  rt: z.string(),
});
const staffData = z.object({ results: z.array(listed).optional(), personId: z.string().optional() });
type StaffData = z.infer<typeof staffData>;

const listSize = 10;
const toListed = (p: Person) => ({
  id: p._id,
  reference: p.reference,
  name: p.name,
  kelurahan: p.address.kelurahan,
  rt: p.address.rt,
});

function toResults(people: Person[], data: StaffData, empty: I18nKey) {
  if (people.length === 0) return invalid<StaffData>({ key: empty }, { reprompt: true });
  return next("results", { ...data, results: people.slice(0, listSize).map(toListed) });
}

const actions = choose<StaffData>({
  prompt: "staffRegistrations:show.prompt",
  options: [
    { value: "verify", label: "staffRegistrations:show.verify", aliases: ["verifikasi", "setuju", "verify"] },
    { value: "reject", label: "staffRegistrations:show.reject", aliases: ["tolak", "reject"] },
    { value: "back", label: "staffRegistrations:show.back", aliases: ["kembali", "back"] },
  ],
  onChoice: (value, data) =>
    value === "back"
      ? next("menu", { results: data.results })
      : next(value === "verify" ? "verify" : "reject", data),
});

const showStep: Step<StaffData> = {
  prompt: async (data, ctx) => {
    const person = data.personId ? await ctx.services.people.findById(data.personId) : null;
    if (!person) return [{ key: "staffRegistrations:show.gone" }];
    await ctx.services.audit.record(
      { at: ctx.now, actor: toActor(ctx), action: "person.viewed", target: `person:${person.reference}` },
      ctx.effectKey(`audit:person.viewed:${person.reference}`),
    );
    return [
      toView(person, ctx),
      ...(await toStaffDetails(person, ctx)),
      ...(await actions.prompt(data, ctx)),
    ];
  },
  handle: (input, data, ctx) => actions.handle(input, data, ctx),
};

function afterReview(outcome: ReviewOutcome, key: I18nKey, ctx: FlowContext) {
  if (outcome.type === "notFound")
    return next<StaffData>("menu", {}, [{ key: "staffRegistrations:show.gone" }]);
  if (outcome.type === "notPending")
    return next<StaffData>("menu", {}, [
      reply("staffRegistrations:review.notPending", {
        reference: outcome.person.reference,
        status: ctx.translator.t(ctx.language, `registration:statusWord.${outcome.person.status}` as I18nKey),
      }),
    ]);
  const replies = [reply(key, { reference: outcome.person.reference })];
  // Counts only where they mean something: an RT head who replaced someone, or had residents waiting.
  if (outcome.replaced.length > 0)
    replies.push(
      reply("staffRegistrations:review.replaced", {
        list: outcome.replaced.map((p) => `${p.reference} (${p.name})`).join(", "),
      }),
    );
  if (outcome.drafts > 0)
    replies.push(reply("staffRegistrations:review.draftsPending", { count: outcome.drafts }));
  return next<StaffData>("menu", {}, replies);
}

const menuOptions: ChoiceOption[] = [
  { value: "pending", label: "staffRegistrations:menu.pending", aliases: ["pending", "menunggu"] },
  { value: "search", label: "staffRegistrations:menu.search", aliases: ["cari", "search"] },
  { value: "done", label: "staffRegistrations:menu.done", aliases: ["selesai", "done"] },
];

async function pending(data: StaffData, ctx: FlowContext) {
  const people = await ctx.services.people.search({ status: "pending" }, { limit: listSize });
  return toResults(people, data, "staffRegistrations:menu.nonePending");
}

export const staffRegistrationsFlow = defineFlow<StaffData>({
  id: "staffRegistrations",
  version: 1,
  start: "menu",
  staffOnly: true,
  permission: "registrations.review",
  staffMenuLabel: "staffRegistrations:menuLabel",
  data: staffData,
  initial: () => ({}),
  steps: {
    menu: choose<StaffData>({
      prompt: "staffRegistrations:menu.prompt",
      options: menuOptions,
      onChoice: (value, data, ctx) =>
        value === "pending" ? pending(data, ctx) : value === "search" ? next("search", data) : exit([], true),
    }),
    search: ask<StaffData, string>({
      prompt: "staffRegistrations:search.prompt",
      maxTextLength: 200, // a name, reference or area; the search gets slow on long text
      parse: (text) => (text.length >= 2 ? { ok: true, value: text } : { ok: false, reason: "short" }),
      invalid: "staffRegistrations:search.prompt",
      onAnswer: async (text, data, ctx) => {
        const search = toStaffSearch(text);
        if (search.type === "reference") {
          const person = await ctx.services.people.findByReference(search.reference);
          return person
            ? next("show", { ...data, personId: person._id })
            : invalid({ key: "staffRegistrations:search.none" });
        }
        const people = await ctx.services.people.search(
          { ...search.query, status: ["draft", "pending", "active", "rejected", "inactive"] },
          { limit: listSize },
        );
        return people.length
          ? toResults(people, data, "staffRegistrations:search.none")
          : invalid({ key: "staffRegistrations:search.none" });
      },
    }),
    results: choose<StaffData>({
      prompt: () => reply("staffRegistrations:results.prompt"),
      options: (data) =>
        (data.results ?? []).map((r) => ({
          value: r.id,
          label: "staffRegistrations:results.item",
          params: { reference: r.reference, name: r.name, kelurahan: r.kelurahan, rt: r.rt },
        })),
      onChoice: (id, data) => next("show", { ...data, personId: id }),
    }),
    show: showStep,
    verify: confirm<StaffData>({
      prompt: "staffRegistrations:review.confirmVerify",
      onYes: async (data, ctx) =>
        afterReview(
          await verifyRegistration(ctx.services, data.personId ?? "", toActor(ctx), ctx.now),
          "staffRegistrations:review.verified",
          ctx,
        ),
      onNo: (data) => next("show", data),
    }),
    reject: ask<StaffData, string>({
      prompt: "staffRegistrations:review.askNote",
      parse: (text) =>
        text.length >= 3 && text.length <= 300 ? { ok: true, value: text } : { ok: false, reason: "note" },
      invalid: "staffRegistrations:review.askNote",
      onAnswer: async (note, data, ctx) =>
        afterReview(
          await rejectRegistration(ctx.services, data.personId ?? "", toActor(ctx), ctx.now, note),
          "staffRegistrations:review.rejected",
          ctx,
        ),
    }),
  },
});
