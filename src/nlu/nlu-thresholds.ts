/**
 * How sure the reading of a message must be before the bot acts on it. `answer`, `margin`,
 * `second`, `secondMargin`, `secondOwn` and `domain` are chosen by cross-validation on the training data
 * (`npm run calibrate`: 5-fold, repeated; never the held-out files) under one rule: a wrong answer,
 * or an out-of-scope question answered with a programme figure, costs three missed direct answers
 * (the asker then gets a short choice list instead). At the chosen point the cross-validated
 * figures are about 77 % direct, 1.7 % wrong, 16 % choice list. `midFlow` is a policy (a step's
 * refused answer is more often a bad answer than a question: `answer` + 0.1); `suggest`,
 * `candidate` and `decline` only shape the choice list and the decline.
 */
export type NluThresholds = {
  /** A question is answered directly at this probability (whole message, or a part read in context)… */
  answer: number;
  /** …when it leads the next intent by at least this much. */
  margin: number;
  /** Another asking part is answered too at this probability… */
  second: number;
  /** …leading its own runner-up by this much. */
  secondMargin: number;
  /** A part reading this clearly on its own is weighed against what the whole asks besides the main question. */
  secondOwn: number;
  /** Mid-flow, text a step refused is answered only this clearly. */
  midFlow: number;
  /** Below a direct answer, choices are offered from this probability. */
  suggest: number;
  /** A topic offered as a choice needs at least this. */
  candidate: number;
  /** An out-of-scope reading this likely is declined. */
  decline: number;
  /** Below this share of content words known to the domain, no programme figure is stated. */
  domain: number;
};

export const thresholds: NluThresholds = {
  answer: 0.75,
  margin: 0.2,
  second: 0.5,
  secondMargin: 0.1,
  secondOwn: 0.7,
  midFlow: 0.85,
  suggest: 0.2,
  candidate: 0.08,
  decline: 0.2,
  domain: 0.5,
};
