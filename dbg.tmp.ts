import { getIntentClassifier } from "./src/nlu/load-intent-model";
import { readMessage } from "./src/nlu/read-message";
import { toMessageParts } from "./src/nlu/message-parts";
const c = getIntentClassifier();
for (const t of process.argv.slice(2)) {
  console.log(t, toMessageParts(t));
  const r = readMessage(c, t);
  console.log(" whole", r.whole.ranked.slice(0,3).map(x=>`${x.intent}:${x.p.toFixed(2)}`).join(" "), "asks", r.asks.map(x=>`${x.intent}:${x.p.toFixed(2)}`).join(" "));
  for (const p of toMessageParts(t)) console.log("  part", p, c.classify(p).ranked.slice(0,2).map(x=>`${x.intent}:${x.p.toFixed(2)}`).join(" "));
}
