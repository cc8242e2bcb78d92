/**
 * Staff menu "Pertanyaan belum terjawab": the latest questions the bot could not answer
 * (pseudonymised), with the bot's guesses and an id to label them with
 * `npm run questions -- label <id> <intent>`, which adds them to the training data.
 */
import { z } from "zod";
import { defineFlow, exit } from "../core/flow";
import type { Reply } from "../core/messages";
import type { UnansweredQuestion } from "../core/unanswered.port";

const shown = 10;

export function toUnansweredLine(q: UnansweredQuestion): string {
  const guesses = q.guesses.length > 0 ? ` (tebakan: ${q.guesses.join(", ")})` : "";
  return `${q._id.slice(0, 8)} · ${q.text}${guesses}`;
}

export const unansweredFlow = defineFlow({
  id: "unanswered",
  version: 1,
  start: "list",
  staffOnly: true,
  staffMenuLabel: "questions:unanswered.menu",
  data: z.object({}),
  initial: () => ({}),
  steps: {
    list: {
      prompt: async (_data, ctx) => {
        const store = ctx.services.unanswered;
        const questions = store ? await store.list({ limit: shown }) : [];
        if (questions.length === 0) return [{ key: "questions:unanswered.empty" }];
        const list = questions.map(toUnansweredLine).join("\n");
        const replies: Reply[] = [
          { key: "questions:unanswered.list", params: { count: questions.length, list } },
        ];
        return replies;
      },
      handle: () => exit([], true),
    },
  },
});
