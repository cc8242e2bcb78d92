/**
 * How sure the reading of a message must be before the bot acts on it. Chosen by 5-fold
 * cross-validation on the training data (`npm run calibrate`, which prints the trade-off between
 * answering directly and answering wrongly), never on the held-out files: being wrong with
 * confidence costs more than a short choice list.
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
  midFlow: 0.85,
  suggest: 0.2,
  candidate: 0.08,
  decline: 0.2,
  domain: 0.5,
};
