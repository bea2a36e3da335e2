/**
 * How the benchmarks measure and report: each case runs once to warm up, then `runs` times;
 * the median says how fast it usually is and the max how bad a slow run gets. A case meets its
 * target when its median does, so one run slowed by a busy machine does not fail it.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Timing {
  readonly median: number;
  readonly max: number;
}

/** Times `f` over `runs` runs after one warm-up run; `check` sees the warm-up's result. */
export function time<T>(runs: number, f: () => T, check: (result: T) => void = () => {}): Timing {
  check(f());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, max: times[runs - 1]! };
}

export interface ResultRow {
  readonly what: string;
  readonly size: string;
  readonly target: string;
  readonly median: string;
  readonly max: string;
  readonly ok: boolean;
}

/** A row for a timed case whose target is "under `targetMs`". */
export function timedRow(what: string, size: string, targetMs: number, timing: Timing): ResultRow {
  return {
    what,
    size,
    target: `< ${targetMs.toLocaleString('en-US')} ms`,
    median: `${timing.median.toFixed(1)} ms`,
    max: `${timing.max.toFixed(1)} ms`,
    ok: timing.median < targetMs,
  };
}

export function markdownTable(rows: readonly ResultRow[]): string {
  const lines = [
    '| what | size | target | median | max | ok |',
    '| --- | --- | --- | ---: | ---: | :-: |',
    ...rows.map(
      (row) =>
        `| ${row.what} | ${row.size} | ${row.target} | ${row.median} | ${row.max} | ${row.ok ? '✓' : '✗'} |`,
    ),
  ];
  return lines.join('\n');
}

/** The machine the numbers come from: a loaded 2-core box gives slower numbers than a quiet one. */
export function machineInfo(): string {
  const [one, five, fifteen] = os.loadavg().map((load) => load.toFixed(2));
  return (
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
    `Node ${process.version}, load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min).`
  );
}

/** 50000 → "50,000". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
