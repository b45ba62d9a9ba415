import type { ParseError, Parsed } from "../../src/evidence/parse.js";

/** The value of a parse that must succeed; fails the test with the error otherwise. */
export function valueOf<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Error(`expected a value, got "${result.error}"`);
  return result.value;
}

/** The error of a parse that must fail (undefined when it succeeded). */
export function errorOf<T>(result: Parsed<T>): ParseError | undefined {
  return result.ok ? undefined : result.error;
}
