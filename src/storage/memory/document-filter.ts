/**
 * MongoDB filter semantics over plain objects, compiled once per query: each path is split once and
 * each operator turned into a test before the documents are walked. A condition on an array holds
 * when one element satisfies it; comparisons only compare values of the same kind (numbers with
 * numbers, Dates with Dates), as MongoDB does; null equals a missing field.
 */
import type { FieldCondition, Filter } from "../../core/document-store.port";
import { toParts, valuesAtParts } from "./document-match";

type Test = (value: unknown) => boolean;
type ValuesTest = (values: unknown[]) => boolean;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);

/** Equality with one operand, specialised by its kind. */
function toEquals(operand: unknown): Test {
  if (operand instanceof Date) {
    const time = operand.getTime();
    return (v) => v instanceof Date && v.getTime() === time;
  }
  if (operand === null || operand === undefined) return (v) => v === null || v === undefined;
  return (v) => v === operand;
}

/** Ordering within one kind only: MongoDB's $lt/$gt never compare a number with a Date or a string. */
function order(a: unknown, b: unknown): number | undefined {
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  if (a instanceof Date || b instanceof Date || a === null || b === null) return undefined;
  if (typeof a !== typeof b || !["number", "string", "boolean"].includes(typeof a)) return undefined;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** True when one value, or one element of a value that is an array, passes `test`. */
function toAnyValue(test: Test): ValuesTest {
  return (values) => {
    for (const value of values) {
      if (test(value)) return true;
      if (Array.isArray(value)) for (const item of value) if (test(item)) return true;
    }
    return false;
  };
}

function toComparison(operand: unknown, accept: (c: number) => boolean): ValuesTest {
  return toAnyValue((v) => {
    const c = order(v, operand);
    return c !== undefined && accept(c);
  });
}

function toOperatorTest(op: string, operand: unknown): ValuesTest {
  switch (op) {
    case "$eq":
      return toAnyValue(toEquals(operand));
    case "$ne": {
      const equal = toOperatorTest("$eq", operand);
      return (values) => !equal(values);
    }
    case "$in": {
      const tests = (operand as unknown[]).map(toEquals);
      return toAnyValue((v) => tests.some((test) => test(v)));
    }
    case "$nin": {
      const within = toOperatorTest("$in", operand);
      return (values) => !within(values);
    }
    case "$lt":
      return toComparison(operand, (c) => c < 0);
    case "$lte":
      return toComparison(operand, (c) => c <= 0);
    case "$gt":
      return toComparison(operand, (c) => c > 0);
    case "$gte":
      return toComparison(operand, (c) => c >= 0);
    case "$exists":
      return (values) => values.some((v) => v !== undefined) === operand;
    case "$all": {
      const each = (operand as unknown[]).map((o) => toOperatorTest("$eq", o));
      return (values) => each.length > 0 && each.every((test) => test(values));
    }
    default:
      throw new Error(`Unsupported filter operator ${op}`);
  }
}

function toConditionTest(condition: FieldCondition): ValuesTest {
  if (!isPlainObject(condition)) return toOperatorTest("$eq", condition);
  const tests = Object.entries(condition).map(([op, operand]) => toOperatorTest(op, operand));
  return (values) => tests.every((test) => test(values));
}

/** The filter as one test, to run over many documents. */
export function toMatcher(filter: Filter): Test {
  const tests: Test[] = [];
  for (const [path, condition] of Object.entries(filter)) {
    if (condition === undefined) continue;
    if (path === "$or") {
      const alternatives = (condition as Filter[]).map(toMatcher);
      tests.push((doc) => alternatives.some((test) => test(doc)));
      continue;
    }
    const parts = toParts(path);
    const test = toConditionTest(condition as FieldCondition);
    tests.push((doc) => test(valuesAtParts(doc, parts)));
  }
  return (doc) => {
    for (const test of tests) if (!test(doc)) return false;
    return true;
  };
}

/** Whether one document matches (compiles the filter; use `toMatcher` for many documents). */
export const matches = (doc: unknown, filter: Filter): boolean => toMatcher(filter)(doc);
