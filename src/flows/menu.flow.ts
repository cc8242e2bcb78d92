/** The main menu: the home of every conversation. Numbers, option words and free text all work. */
import { z } from "zod";
import { defineFlow, exit, invalid, startFlow, type StepInput } from "../core/flow";
import type { ChoiceOption } from "../core/choice-match";
import { choose } from "../core/steps";
import { toComparable } from "../core/text";
import { toRegistrationEntry } from "./registration/entry";

const greetings = new Set(
  [
    "halo",
    "hallo",
    "hai",
    "hi",
    "hello",
    "helo",
    "pagi",
    "siang",
    "sore",
    "malam",
    "selamat pagi",
    "selamat siang",
    "selamat sore",
    "selamat malam",
    "assalamualaikum",
    "assalamu alaikum",
    "ass",
    "p",
    "permisi",
    "tes",
    "test",
    "oi",
    "woi",
    "min",
    "halo min",
    "hai min",
  ].map(toComparable),
);

const options: ChoiceOption[] = [
  {
    value: "registration",
    label: "menu:main.register",
    aliases: ["daftar", "register", "pendaftaran", "mendaftar", "daftar baru"],
  },
  {
    value: "questions",
    label: "menu:main.questions",
    aliases: ["tanya", "syarat", "iuran", "pertanyaan", "info", "informasi", "faq", "questions"],
  },
  {
    value: "deathReport",
    label: "menu:main.deathReport",
    aliases: ["lapor", "lapor kematian", "klaim", "kematian", "claim", "report"],
  },
  {
    value: "claimStatus",
    label: "menu:main.claimStatus",
    aliases: ["cek klaim", "status klaim", "cek status klaim"],
  },
  { value: "myData", label: "menu:main.myData", aliases: ["data saya", "data", "profil", "my data"] },
  { value: "language", label: "menu:main.language", aliases: ["bahasa", "language", "english", "inggris"] },
];
const staffOption: ChoiceOption = {
  value: "staff",
  label: "menu:main.staff",
  aliases: ["petugas", "staff", "admin"],
};

/** Typed words that open a flow not listed in the menu (RT heads' residents). */
const hiddenWords = new Map(
  ["warga saya", "warga rt saya", "wargaku", "data warga", "my residents"].map((w) => [
    toComparable(w),
    "rtResidents",
  ]),
);

const onOther = (input: StepInput, data: Record<string, never>) => {
  if (greetings.has(toComparable(input.text))) return invalid([{ key: "menu:greeting" }], { reprompt: true });
  const hidden = hiddenWords.get(toComparable(input.text));
  if (hidden) return startFlow(hidden);
  if (input.content.type !== "text") return invalid([{ key: "common:notUnderstood" }], { reprompt: true });
  // Free text: the engine offers it to the question answerer (nlu) before this re-ask is used.
  return invalid([{ key: "common:notUnderstood" }], { reprompt: true, data });
};

const pick = choose({
  prompt: "menu:main.prompt",
  help: "menu:main.help",
  options: (_data, ctx) => (ctx.isStaff ? [...options, staffOption] : options),
  onChoice: async (value, _data, ctx) => {
    if (value === "language") {
      ctx.setLanguage(ctx.language === "id" ? "en" : "id");
      return invalid([{ key: "common:languageChanged" }], { reprompt: true });
    }
    if (value !== "registration") return startFlow(value);
    // Registered already: told at once; an RT head goes to his residents (registration/entry.ts).
    const entry = await toRegistrationEntry(ctx);
    return entry.type === "registered" ? exit(entry.replies, true) : startFlow(value, entry.data);
  },
  onOther,
  inSentence: false,
});

/** Three words or more are a sentence ("daftar bpjs syaratnya apa"): the nlu reads it, not the option words. */
const isSentence = (text: string) => toComparable(text).split(" ").length >= 3;

export const menuFlow = defineFlow({
  id: "menu",
  version: 1,
  start: "main",
  data: z.object({}),
  initial: () => ({}),
  steps: {
    main: {
      ...pick,
      handle: (input, data, ctx) =>
        input.content.type === "text" && isSentence(input.text)
          ? onOther(input, data)
          : pick.handle(input, data, ctx),
    },
  },
});

export const menuChoices = options;
