/**
 * The classroom's worker pools, one per page: `labPool` runs a lab's batches (cancel terminates its workers),
 * `checkPool` (one worker) checks exercise answers, so a check never waits behind a long Monte Carlo run.
 */
import {createPool, type Pool} from "../../lib/worker/pool.js";

let lab: Pool | null = null;
let check: Pool | null = null;

export function labPool(url: string): Pool {
  return (lab ??= createPool({url}));
}

export function checkPool(url: string): Pool {
  return (check ??= createPool({url, size: 1}));
}
