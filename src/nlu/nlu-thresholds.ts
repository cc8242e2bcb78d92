/**
 * Probability thresholds of the intent classifier, calibrated on the internal validation split
 * (test/nlu/utterances.tsv) and the dev set: at `answer` and above the bot answers directly; between
 * `suggest` and `answer` it offers the closest topics as choices; below, it declines or hands over.
 */
export const thresholds = {
  /** Answer directly. */
  answer: 0.45,
  /** A second question in the same message (a part of it) is answered too. */
  second: 0.4,
  /** …and the whole message gives it at least this probability. */
  secondSupport: 0.02,
  /** A part this clear is a second question whatever the whole message says. */
  secondAlone: 0.8,
  /** Mid-flow, text a step refused is answered only this clearly. */
  midFlow: 0.6,
  /** Offer choices. */
  suggest: 0.2,
  /** A topic offered as a choice needs at least this. */
  candidate: 0.08,
  /** Below this share of known features, an unclear message is declined as out of scope. */
  unknownShare: 0.35,
} as const;
