/**
 * The "data saya" home: shows one's registration with what can be done, offers to take over a
 * record an RT head made for this phone number, or offers a NIK lookup when nothing is found.
 * The lookup runs on prompt and on answer, so what is offered always matches what is stored.
 */
import { matchChoice, type ChoiceOption } from "../../core/choice-match";
import type { FlowContext, Step, StepInput } from "../../core/flow";
import { exit, invalid, next, startFlow } from "../../core/flow";
import { reply, type Reply } from "../../core/messages";
import { noAliases, yesAliases } from "../../core/steps";
import { statusKey } from "../registration/labels";
import { takeOver } from "../registration/takeover";
import { locate, toView, type Located } from "./locate";
import type { MyData, MyDataResult } from "./my-data.data";
import type { Person } from "../../core/people.port";

const ownOptions: ChoiceOption[] = [
  { value: "correct", label: "myData:home.correct", aliases: ["ubah", "koreksi", "perbaiki", "correct"] },
  { value: "withdraw", label: "myData:home.withdraw", aliases: ["hapus", "tarik", "delete", "withdraw"] },
  { value: "menu", label: "myData:home.menu", aliases: ["selesai", "done"] },
];
/** RT heads also reach the residents they registered from here. */
const residentsOption: ChoiceOption = {
  value: "residents",
  label: "myData:home.residents",
  aliases: ["warga saya", "warga", "warga rt", "my residents"],
};
const isRtHead = (person: Person) =>
  person.role === "rt_head" && ["active", "pending"].includes(person.status);
const claimOptions: ChoiceOption[] = [
  { value: "yes", label: "myData:claim.yes", aliases: yesAliases },
  { value: "no", label: "myData:claim.no", aliases: noAliases },
];
const noneOptions: ChoiceOption[] = [
  { value: "nik", label: "myData:none.byNik", aliases: ["nik", "cari"] },
  { value: "register", label: "myData:none.register", aliases: ["daftar", "register"] },
  { value: "menu", label: "myData:home.menu" },
];

const aliveOption: ChoiceOption = {
  value: "alive",
  label: "myData:home.alive",
  aliases: ["saya masih hidup", "masih hidup", "hidup"],
};

/** An unverified death report about this record: the owner can say they are alive. */
const isReported = (located: Located) =>
  located.type === "own" &&
  located.person.reportedDeceased !== undefined &&
  located.person.status !== "deceased";

const optionsFor = (located: Located) => {
  if (located.type !== "own") return located.type === "claimable" ? claimOptions : noneOptions;
  const own = isRtHead(located.person) ? [...ownOptions, residentsOption] : ownOptions;
  return isReported(located) ? [aliveOption, ...own] : own;
};

function promptFor(located: Located, ctx: FlowContext): Reply[] {
  const choices = optionsFor(located).map(({ value, label }) => ({ value, label }));
  if (located.type === "own")
    return [
      toView(located.person, ctx),
      { key: statusKey(located.person.status) },
      ...(isReported(located) ? [{ key: "myData:home.reported" as const }] : []),
      { key: "myData:home.prompt", choices },
    ];
  if (located.type === "claimable")
    return [
      reply(
        "myData:claim.prompt",
        { proxyName: located.person.consent.proxyName ?? "-", reference: located.person.reference },
        choices,
      ),
    ];
  return [{ key: "myData:none.prompt", choices }];
}

async function act(value: string, located: Located, data: MyData, ctx: FlowContext): Promise<MyDataResult> {
  const person = located.type === "none" ? undefined : located.person;
  switch (value) {
    case "correct":
      return next("correctPick", { personId: person?._id });
    case "withdraw":
      return next("withdraw", { personId: person?._id });
    case "yes":
      if (person) await takeOver(person, ctx, "phone");
      return next("home", data, [
        reply("registration:takeover.done", { reference: person?.reference ?? "" }),
      ]);
    case "nik":
      return next("findNik", data);
    case "residents":
      return startFlow("rtResidents");
    case "alive":
      return person?.reportedDeceased
        ? startFlow("aliveCheck", { reference: person.reportedDeceased.claimReference })
        : next("home", data);
    case "register":
      return startFlow("registration");
    default:
      return exit([], true);
  }
}

export const homeStep: Step<MyData> = {
  prompt: async (_data, ctx) => promptFor(await locate(ctx), ctx),
  handle: async (input: StepInput, data, ctx) => {
    const located = await locate(ctx);
    const value = matchChoice(input.content, optionsFor(located), ctx.translator);
    if (value === undefined)
      return invalid(
        { key: "common:choice.invalid", params: { count: optionsFor(located).length } },
        { reprompt: true },
      );
    return act(value, located, data, ctx);
  },
};
