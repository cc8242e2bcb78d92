/**
 * `npm run train`: trains the intent model from nlu/train/*.tsv and writes nlu/intent-model.json.
 * Deterministic: the same data gives the same file. Prints the counts and the time taken.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { trainIntentModel } from "../src/nlu/train-intent-model";
import { readTrainingData } from "../src/nlu/training-data";

const root = path.resolve(__dirname, "..");
const started = Date.now();
const rows = readTrainingData(path.join(root, "nlu/train"));
const model = trainIntentModel(rows);
const file = path.join(root, "nlu/intent-model.json");
writeFileSync(file, JSON.stringify(model));
const weights = model.weights.values.length;
console.log(
  `trained on ${rows.length} utterances, ${model.labels.length} intents, ${model.weights.features.length} features, ${weights} weights in ${Date.now() - started} ms → nlu/intent-model.json`,
);
