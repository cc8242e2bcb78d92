/**
 * The trained intent model (nlu/intent-model.json, written by `npm run train`), read once from the
 * project folder whether running from src/ (tsx, jest) or dist/src/ (compiled). No download, ever.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createIntentClassifier, type IntentClassifier, type IntentModel } from "./intent-model";

/** The project's nlu/ folder (training data and model). */
export function findNluDir(fromDir = __dirname): string {
  const candidates = [path.resolve(fromDir, "../../nlu"), path.resolve(fromDir, "../../../nlu")];
  return candidates.find((dir) => existsSync(path.join(dir, "intent-model.json"))) ?? candidates[0]!;
}

export function readIntentModel(file = path.join(findNluDir(), "intent-model.json")): IntentModel {
  const model = JSON.parse(readFileSync(file, "utf8")) as IntentModel;
  if (model.version !== 3 || !Array.isArray(model.labels) || !Array.isArray(model.weights.features))
    throw new Error(`${file} is not an intent model of version 3: run \`npm run train\` to rebuild it`);
  return model;
}

let shared: IntentClassifier | undefined;

/** The classifier over the stored model, built on first use. */
export function getIntentClassifier(): IntentClassifier {
  shared ??= createIntentClassifier(readIntentModel());
  return shared;
}
