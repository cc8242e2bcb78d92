import type { Classification, IntentClassifier } from "../../src/nlu/intent-model";
import { thresholds } from "../../src/nlu/nlu-thresholds";
import { readMessage } from "../../src/nlu/read-message";

/** A classifier that reads each known text as given (the rest as out of scope). */
function fakeClassifier(readings: Record<string, Record<string, number>>, domain = 1): IntentClassifier {
  const labels = [...new Set([...Object.values(readings).flatMap((r) => Object.keys(r)), "outOfScope"])];
  return {
    labels,
    classify(text: string): Classification {
      const given = readings[text] ?? { outOfScope: 1 };
      const ranked = labels.map((intent) => ({ intent, p: given[intent] ?? 0 })).sort((a, b) => b.p - a.p);
      return { ranked, known: 1, domain };
    },
  };
}

const intents = (text: string, c: IntentClassifier) => readMessage(c, text).asks.map((a) => a.intent);

describe("reading a message: what it asks, and how sure the bot must be", () => {
  it("answers a clear question", () => {
    const c = fakeClassifier({ "iuran berapa": { contribution: 0.9, whoPays: 0.05 } });
    expect(readMessage(c, "iuran berapa")).toMatchObject({
      verdict: "answer",
      asks: [{ intent: "contribution" }],
    });
  });

  it("offers choices, never an answer, when the best intent is below the bar", () => {
    const c = fakeClassifier({ "iuran berapa": { contribution: thresholds.answer - 0.1, whoPays: 0.2 } });
    expect(readMessage(c, "iuran berapa")).toMatchObject({ verdict: "suggest", asks: [] });
  });

  it("offers choices when two intents are too close to tell apart", () => {
    const c = fakeClassifier({
      "santunan berapa": { jkmBenefit: 0.8, jkkDeath: 0.8 - thresholds.margin / 2 },
    });
    expect(readMessage(c, "santunan berapa").verdict).toBe("suggest");
  });

  it("answers both questions of a message when each part is clear", () => {
    const text = "iuran berapa? bayarnya di mana?";
    const c = fakeClassifier({
      [text]: { contribution: 0.55, paymentChannels: 0.45 },
      "iuran berapa?": { contribution: 0.95 },
      "bayarnya di mana?": { paymentChannels: 0.9 },
    });
    expect(intents(text, c)).toEqual(["contribution", "paymentChannels"]);
  });

  it("answers a clear second question although the whole message leans to the first", () => {
    const text = "umur maks brp? trus syaratnya apa aja?";
    const c = fakeClassifier({
      [text]: { requirements: 0.92, ageLimit: 0.02, outOfScope: 0.06 },
      "umur maks brp?": { ageLimit: 0.95, contribution: 0.02 },
      "syaratnya apa aja?": { requirements: 0.99 },
    });
    expect(intents(text, c)).toEqual(["ageLimit", "requirements"]);
  });

  it("answers nothing more from the part the main question reads in", () => {
    const text = "halo pak. berapa hari klaim kecelakaan kerja cair?";
    const c = fakeClassifier({
      [text]: { jkkPaymentTime: 0.9, claimDuration: 0.1 },
      "halo pak.": { greeting: 1 },
      "berapa hari klaim kecelakaan kerja cair?": { claimDuration: 0.75, jkkPaymentTime: 0.25 },
    });
    expect(intents(text, c)).toEqual(["jkkPaymentTime"]);
  });

  it("never answers a second part it reads with low confidence", () => {
    const text = "iuran berapa? terus yang itu gimana?";
    const c = fakeClassifier({
      [text]: { contribution: 0.95, latePayment: 0.05 },
      "iuran berapa?": { contribution: 0.95 },
      "yang itu gimana?": { latePayment: 0.3, claimHelp: 0.25, paymentChannels: 0.2 },
    });
    expect(intents(text, c)).toEqual(["contribution"]);
  });

  it("takes the question from the part that asks it, not from the statements around it", () => {
    const text = "Saya peserta dari Pemkot. Tadi saya ditabrak motor. Apa yang harus saya lakukan?";
    const c = fakeClassifier({
      [text]: { dualMembership: 0.6, workAccidentSteps: 0.3 },
      "Saya peserta dari Pemkot.": { dualMembership: 0.95 },
      "Tadi saya ditabrak motor.": { context: 0.9 },
      "Apa yang harus saya lakukan?": { workAccidentSteps: 0.85, claimHelp: 0.1 },
    });
    expect(intents(text, c)).not.toContain("dualMembership");
  });

  it("leaves an elliptical part after an out-of-scope question unanswered", () => {
    const text = "kartu prakerja kapan dibuka? terus syaratnya apa?";
    const c = fakeClassifier({
      [text]: { outOfScope: 0.95, requirements: 0.05 },
      "kartu prakerja kapan dibuka?": { outOfScope: 0.99 },
      "syaratnya apa?": { requirements: 0.97 },
    });
    expect(readMessage(c, text)).toMatchObject({ verdict: "decline", asks: [{ intent: "outOfScope" }] });
  });

  it("asks an aspect named alone ('trus berkasnya apa aja?') of the main question's topic", () => {
    const text = "cara klaim santunan gimana? trus berkasnya apa aja?";
    const c = fakeClassifier({
      [text]: { claimHelp: 0.9, claimDocuments: 0.1 },
      "cara klaim santunan gimana?": { claimHelp: 0.95 },
      "berkasnya apa aja?": { requirements: 0.6, claimDocuments: 0.3 },
    });
    expect(intents(text, c)).toEqual(["claimHelp", "claimDocuments"]);
  });

  it("declines a message the classifier reads as out of scope", () => {
    const c = fakeClassifier({ "cuaca besok gimana": { outOfScope: 0.9, contribution: 0.05 } });
    expect(readMessage(c, "cuaca besok gimana").verdict).toBe("decline");
  });

  it("declines an unclear message whose content words are mostly unknown to the domain", () => {
    const c = fakeClassifier({ "harga tiket konser berapa": { contribution: 0.4, discount: 0.3 } }, 0.2);
    expect(readMessage(c, "harga tiket konser berapa").verdict).toBe("decline");
  });
});
