/**
 * "Data saya": see one's registration (NIK masked), correct a field, withdraw consent / ask for
 * deletion, or take over a record an RT head made (phone match, or NIK + the DFT- reference; the
 * answers do not tell whether a NIK is registered until the reference matches).
 */
import type { AttemptRule } from "../core/attempts.port";
import { defineFlow, exit, next } from "../core/flow";
import { ask, confirm } from "../core/steps";
import { parseNik, type ParsedNik } from "../domain/nik";
import type { I18nKey } from "../i18n/keys";
import { correctSteps } from "./my-data/correct.steps";
import { homeStep } from "./my-data/home.step";
import { myDataData, type MyData } from "./my-data/my-data.data";
import { withdrawalReplies, withdrawConsent } from "./my-data/withdraw";
import { checkAttempts, dayMs, guardAttempts, nikSubject, toWaitReply } from "./attempt-guard";
import { toActor, toToday } from "./registration/registration.data";
import { takeoverChecks, takeoverReferenceStep } from "./registration/takeover";

/** NIK searches: per chat account, and per NIK whoever searches. */
export const nikLookupByUser: AttemptRule = { name: "myData.nikLookup.user", limit: 5, windowMs: dayMs };
export const nikLookupOfNik: AttemptRule = { name: "myData.nikLookup.nik", limit: 5, windowMs: dayMs };

export const myDataFlow = defineFlow<MyData>({
  id: "myData",
  version: 3,
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
      // Not looked up here: the same question follows whether or not the NIK is registered.
      onAnswer: async ({ nik }, data, ctx) => {
        const counted = await guardAttempts(ctx, [
          [nikLookupByUser, toActor(ctx)],
          [nikLookupOfNik, nikSubject(ctx, nik)],
        ]);
        const open = counted.allowed ? await checkAttempts(ctx, takeoverChecks(ctx, nik)) : counted;
        if (!open.allowed) return exit([toWaitReply(open.until)], true);
        return next("takeoverReference", { ...data, takeoverNik: ctx.services.vault.seal(nik) });
      },
    }),
    takeoverReference: takeoverReferenceStep<MyData>(),
  },
});
