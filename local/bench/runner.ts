/**
 * Measuring one execution: run it `runs` times, each in a fresh emulator opened on the same
 * snapshot, with the call log on. The script's own JavaScript time is the wall time less the time
 * spent inside the emulator's calls (Apps Script's servers do that work, and the model prices it
 * per call and per cell), less the time the process waited for a core; the estimate comes from
 * the call sequence, which every run repeats.
 */
import { performance } from 'node:perf_hooks';

import type { CallRecord } from '../emulator/calls';
import type { Estimate } from './cost-model';
import { estimate } from './cost-model';
import type { Execution, Fixture, Session } from './workbooks';
import { open } from './workbooks';

export interface Measured {
  readonly estimate: Estimate;
  /** Median JavaScript time of the script itself in Node, ms. */
  readonly nodeMs: number;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/**
 * `prepare` runs untimed on each fresh session and returns what to time. `fixedNodeMs` is
 * JavaScript every execution pays besides (evaluating the bundle), added to the median.
 */
export function measure(
  fixture: Fixture,
  prepare: (session: Session) => Execution,
  options: { runs: number; withAddon: boolean; fixedNodeMs: number },
): Measured {
  const times: number[] = [];
  let log: CallRecord[] = [];
  for (let run = 0; run < options.runs; run++) {
    const session = open(fixture, options.withAddon);
    const execute = prepare(session);
    const { calls } = session.emulator;
    calls.reset();
    // Apps Script starts each execution in a fresh V8 isolate: garbage that building the fixture,
    // the previous run or the per-cell baseline left behind is not this execution's to collect.
    // `npm run bench` runs Node with --expose-gc; without it the run measures as it finds the heap.
    collectGarbage?.();
    log = calls.startLog();
    const cpu = process.cpuUsage();
    const start = performance.now();
    execute();
    const wall = performance.now() - start;
    const { user, system } = process.cpuUsage(cpu);
    calls.stopLog();
    let inside = 0;
    for (const call of log) inside += call.ms;
    // On a busy machine the process waits for a core: wall time counts the wait, CPU time does
    // not. The script's share of the wall time, applied to the CPU time, leaves the wait out.
    const busy = Math.min(1, (user + system) / 1000 / wall);
    times.push(Math.max(0, wall - inside) * busy);
  }
  const nodeMs = median(times) + options.fixedNodeMs;
  return { estimate: estimate(log, nodeMs), nodeMs };
}
