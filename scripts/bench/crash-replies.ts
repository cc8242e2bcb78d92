/**
 * Replies sent twice or never, found by comparing a user's transcript with one from a bot that was
 * never killed. Texts are compared paragraph by paragraph: the Telegram adapter joins a turn's
 * messages with a blank line when they fit one message, and how it splits them depends on state
 * a restart forgets (an open contact keyboard), so whole messages would not compare.
 */

/** A transcript as comparable paragraphs: references and masked NIKs differ from user to user. */
export function toParagraphs(texts: readonly string[]): string[] {
  return texts
    .join("\n\n")
    .replace(/\b(DFT|KLM)-[2-9A-HJKMNP-Z]{6}\b/g, "$1-*")
    .replace(/(\d{4}\*{8})\d{4}/g, "$1****")
    .split(/\n\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** For each item of `a`, whether it is part of a longest common subsequence with `b`. */
function toCommonMarks(a: readonly string[], b: readonly string[]): boolean[] {
  const table = a.map(() => new Array<number>(b.length + 1).fill(0));
  table.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i]![j] =
        a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const marks = a.map(() => false);
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) [marks[i], i, j] = [true, i + 1, j + 1];
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i += 1;
    else j += 1;
  }
  return marks;
}

/**
 * What the user got beyond the reference (`extra` paragraphs, in `resends` runs: a run is one
 * turn's replies sent again) and what the reference has that the user never got (`missing`).
 */
export function compareReplies(got: readonly string[], reference: readonly string[]) {
  const marks = toCommonMarks(got, reference);
  const common = marks.filter(Boolean).length;
  const resends = marks.filter((mark, i) => !mark && (i === 0 || marks[i - 1])).length;
  return { extra: got.length - common, resends, missing: reference.length - common };
}
