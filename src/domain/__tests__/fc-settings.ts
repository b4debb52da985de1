/**
 * fast-check settings shared by the property tests.
 *  - FC_NUM_RUNS sets the number of runs of EVERY property (default: each property's own count,
 *    chosen so the whole domain suite runs tens of thousands of cases in a few seconds).
 *  - FC_SEED replays a failure: fast-check prints the seed (and path) of a failing run;
 *    FC_SEED=<seed> npx jest <file> -t <property name> runs it again, shrinking included;
 *    FC_SEED=<seed> FC_PATH=<path> runs only the shrunk counterexample, at once. Both replay the
 *    property's generators as they were when printed: a changed generator draws other cases.
 */
import type fc from "fast-check"

const envRuns = process.env.FC_NUM_RUNS === undefined ? undefined : Number(process.env.FC_NUM_RUNS)
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED)
const path = process.env.FC_PATH

/** Parameters for `fc.assert`: `defaultRuns` runs unless FC_NUM_RUNS says otherwise. */
export function fcParams<T>(defaultRuns: number): fc.Parameters<T> {
  const numRuns = envRuns !== undefined && Number.isSafeInteger(envRuns) && envRuns > 0 ? envRuns : defaultRuns
  if (seed === undefined) return { numRuns }
  return path === undefined ? { numRuns, seed } : { numRuns, seed, path, endOnFailure: true }
}
