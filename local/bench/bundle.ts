/**
 * What every execution pays before any of the add-on's code runs: Apps Script loads the project's
 * files and evaluates them in a fresh global context. Measured here by evaluating dist/Code.js in a
 * fresh vm context with the emulator's globals (compiling included), and dist/'s sizes beside it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';

import { createEmulator } from '../emulator';
import { median } from './runner';

const DIST = 'dist';

interface BundleFacts {
  /** Median time to evaluate the bundle in a fresh context, ms (Node). */
  readonly evaluateMs: number;
  readonly lines: string[];
}

export function bundleFacts(runs: number): BundleFacts {
  const files = readdirSync(DIST).sort();
  const sizes = files.map((file) => `\`${file}\` ${(statSync(join(DIST, file)).size / 1024).toFixed(1)} KiB`);
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  const emulator = createEmulator();
  const times: number[] = [];
  for (let run = 0; run < Math.max(runs, 3); run++) {
    const context = vm.createContext({ ...emulator.globals() });
    const start = performance.now();
    // A different source each run: V8 would otherwise reuse the compiled script.
    new vm.Script(`${code}\n// run ${run}`, { filename: 'Code.js' }).runInContext(context);
    times.push(performance.now() - start);
  }
  const evaluateMs = median(times);
  return {
    evaluateMs,
    lines: [
      `dist/: ${sizes.join(', ')}.`,
      `Evaluating Code.js in a fresh context (what every execution pays first): ${evaluateMs.toFixed(1)} ms in Node, ` +
        `${(evaluateMs * 2).toFixed(1)} ms estimated on Apps Script; included in every operation's JS time below.`,
    ],
  };
}
