/** Unanswered questions over the document store, pseudonymised on the way in. */
import { randomUUID } from "node:crypto";
import type { CollectionSpec, DocumentStore } from "../../core/document-store.port";
import type { UnansweredQuestion, UnansweredQuestions } from "../../core/unanswered.port";
import { pseudonymise } from "../../security/pseudonymise";

export const unansweredCollection: CollectionSpec = {
  name: "unanswered_questions",
  indexes: [
    // list(): the questions not labelled yet, oldest first
    { fields: { label: 1, at: 1 } },
    // list({ all: true }): every question, oldest first
    { fields: { at: 1 } },
  ],
};

export function createUnansweredQuestions(store: DocumentStore): UnansweredQuestions {
  const questions = store.collection<UnansweredQuestion>(unansweredCollection);
  return {
    async record(input) {
      await questions.insert({
        _id: randomUUID(),
        text: pseudonymise(input.text),
        guesses: input.guesses.slice(0, 3),
        channel: input.channel,
        language: input.language,
        at: input.at,
      });
    },
    list: (options = {}) =>
      questions.find(options.all ? {} : { label: { $exists: false } }, {
        sort: { at: 1 },
        limit: options.limit ?? 50,
      }),
    findById: (id) => questions.findById(id),
    async markLabelled(id, label, by, at) {
      const changed = await questions.update(
        { _id: id },
        { $set: { label, labelledAt: at, labelledBy: by } },
        { multi: false },
      );
      return changed > 0;
    },
  };
}
