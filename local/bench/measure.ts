/** What the benchmark says about where it ran, and how it writes counts. */
import os from 'node:os';

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
