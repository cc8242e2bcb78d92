/**
 * "Data saya": see one's registration (NIK masked), correct a field, withdraw consent / ask for
 * deletion, or take over a record an RT head made (phone match, or NIK + birth date).
 */
import { defineFlow, exit, next } from "../core/flow";
import { reply } from "../core/messages";
import { ask, confirm } from "../core/steps";
import { parseNik, type ParsedNik } from "../domain/nik";
import type { I18nKey } from "../i18n/keys";
import { correctSteps } from "./my-data/correct.steps";
import { homeStep } from "./my-data/home.step";
import { myDataData, type MyData } from "./my-data/my-data.data";
import { withdrawalReplies, withdrawConsent } from "./my-data/withdraw";
import { toToday } from "./registration/registration.data";
import { refuseDuplicate } from "./registration/identity.steps";
import { canTakeOverByNik, takeoverReferenceStep } from "./registration/takeover";

export const myDataFlow = defineFlow<MyData>({
  id: "myData",
  version: 2,
  start: "home",
  data: myDataData,
  initial: () => ({}),
  steps: {
    home: homeStep,
    ...correctSteps,
    withdraw: confirm<MyData>({
      legal: true,
      prompt: "myData:withdraw.prompt",
      onYes: async (data, ctx) => {
        const person = data.personId ? await ctx.services.people.findById(data.personId) : null;
        if (!person) return exit([], true);
        return exit(withdrawalReplies[await withdrawConsent(person, ctx)]);
      },
      onNo: (data) => next("home", data),
    }),
    findNik: ask<MyData, ParsedNik>({
      prompt: "myData:findNik.prompt",
      parse: (text, ctx) => {
        const result = parseNik(text, toToday(ctx));
        return result.ok ? result : { ok: false, reason: result.reason, params: { digits: result.digits } };
      },
      invalid: (reason) => `registration:nik.${reason}` as I18nKey,
      onAnswer: async (nik, data, ctx) => {
        const person = await ctx.services.people.findByNikHash(ctx.services.vault.hash(nik.nik));
        if (!person || person.status === "deleted") return exit([{ key: "myData:findNik.notFound" }], true);
        if (!canTakeOverByNik(person)) return refuseDuplicate(person, ctx);
        return next("takeoverReference", { ...data, takeoverPersonId: person._id, takeoverTries: 0 }, [
          reply("myData:findNik.found"),
        ]);
      },
    }),
    takeoverReference: takeoverReferenceStep<MyData>(),
  },
});
