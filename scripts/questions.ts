/**
 * Staff CLI for the questions the bot could not answer, over the same storage as the bot:
 *
 *   npm run questions -- unanswered [--all]      pseudonymised, oldest first, with the bot's guesses
 *   npm run questions -- label <id> <intent>     adds the question to nlu/train/staff-labelled.tsv
 *   npm run questions -- intents                 the intents a question can be labelled with
 *
 * After labelling, `npm run train` retrains the model (seconds, deterministic).
 */
import { userInfo } from "node:os";
import type { App } from "../src/app";
import { readIntentModel } from "../src/nlu/load-intent-model";
import { toUnansweredLine } from "../src/flows/unanswered.flow";
import { appendTrainingLine, toTrainingLine } from "../src/nlu/staff-labels";

export { toTrainingLine } from "../src/nlu/staff-labels";
import { runCli } from "./lib/cli-context";

const actor = `cli:${userInfo().username}`;
async function run(app: App, [command, ...args]: string[]): Promise<number> {
  const store = app.services.unanswered;
  if (!store) throw new Error("This bot keeps no unanswered questions");
  const intents = readIntentModel().labels;
  switch (command) {
    case "unanswered":
      for (const q of await store.list({ all: args.includes("--all"), limit: 500 }))
        console.log(`${toUnansweredLine(q)}${q.label ? `  → ${q.label}` : ""}`);
      return 0;
    case "label": {
      const [id = "", intent = ""] = args;
      const found = (await store.list({ all: true, limit: 5000 })).find(
        (q) => q._id.startsWith(id) && id.length >= 6,
      );
      if (!found) throw new Error(`No unanswered question ${id}`);
      const line = toTrainingLine(intent, found.text, intents);
      appendTrainingLine(line);
      await store.markLabelled(found._id, intent, actor, app.services.clock.now());
      console.log(`Labelled ${found._id.slice(0, 8)} as ${intent}; run \`npm run train\` to retrain.`);
      return 0;
    }
    case "intents":
      console.log(intents.join("\n"));
      return 0;
    default:
      console.log("usage: npm run questions -- unanswered [--all] | label <id> <intent> | intents");
      return 0;
  }
}

if (require.main === module) runCli({ changing: new Set(["label"]), run: ({ app }, argv) => run(app, argv) });
