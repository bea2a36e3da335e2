/**
 * google.script.run for a page outside Google: the sidebar's calls reach the built bundle running
 * in the emulator, each as one execution where Google runs a sidebar's calls (a menu item's
 * context, contexts.ts), carried as google.script.run carries them. Its reference says: legal
 * parameters and return values are "JavaScript primitives like a Number, Boolean, String, or
 * null, as well as JavaScript objects and arrays that are composed of primitives, objects and
 * arrays"; "requests fail if you attempt to pass a Date, Function, DOM element besides a form, or
 * other prohibited type, including prohibited types inside objects or arrays"; "undefined fields
 * within arrays become null"; a failure handler gets an Error. So here a value of any other kind
 * fails the call, in either direction, and is logged, where the real thing would fail it (or hand
 * the page null): a Date that slipped into a result must fail a test, not pass as a string.
 * One path, two carriers: browser tests connect a Playwright page (connectSidebar); the
 * playground carries the same runner and handler over HTTP (local/playground/sidebar-frame.ts).
 */
import type { Page } from 'playwright-core';

import type { Bundle } from './emulator/load-bundle';
import { messageOf } from './playground/errors';

interface ScriptCall {
  readonly name: string;
  /** The arguments as the server got them. */
  readonly args: unknown[];
}

export interface ScriptCallLog {
  /** Every call the page made, in order. */
  readonly calls: ScriptCall[];
  /** Each value google.script.run could not have carried, page to server or back. */
  readonly refused: string[];
}

/**
 * Names the first value google.script.run could not carry, or returns null. Plain JavaScript
 * source, because the same check runs in the page and here: a plain object is one whose
 * prototype is its realm's Object.prototype (the bundle's objects come from a vm context).
 */
const ILLEGAL_VALUE = `function illegalValue(value, path) {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'boolean' || type === 'number') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = illegalValue(value[i], path + '[' + i + ']');
      if (found) return found;
    }
    return null;
  }
  const proto = type === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === null || (proto && Object.getPrototypeOf(proto) === null)) {
    for (const key of Object.keys(value)) {
      const found = illegalValue(value[key], path + '.' + key);
      if (found) return found;
    }
    return null;
  }
  return 'a ' + Object.prototype.toString.call(value).slice(8, -1) + ' at ' + path;
}`;

type IllegalValue = (value: unknown, path: string) => string | null;
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the one source the page runs too
const illegalValue = (new Function(`${ILLEGAL_VALUE}\nreturn illegalValue;`) as () => IllegalValue)();

/**
 * How the page's google.script.run reaches the server: the source of a JavaScript object with
 * `run(name, argsJson)`, a promise of the result's JSON text (undefined for none) that rejects
 * with the failure's message, and `refused(message)`, told of each value the page could not send.
 */
type TransportSource = string;

/**
 * The page's google.script.run: a runner with one method per top-level function of the bundle,
 * withSuccessHandler / withFailureHandler / withUserObject returning a new runner as the real
 * ones do. Arguments cross as JSON text after the check; so do results. Run it before the page's
 * own scripts.
 */
export function runnerScript(names: readonly string[], transport: TransportSource): string {
  return `(() => {
  ${ILLEGAL_VALUE}
  const transport = ${transport};
  const names = ${JSON.stringify(names)};
  function runner(success, failure, userObject) {
    const run = {
      withSuccessHandler: (handler) => runner(handler, failure, userObject),
      withFailureHandler: (handler) => runner(success, handler, userObject),
      withUserObject: (object) => runner(success, failure, object),
    };
    for (const name of names) {
      run[name] = (...args) => {
        const illegal = illegalValue(args, name + ' arguments');
        if (illegal) {
          transport.refused('google.script.run cannot carry ' + illegal);
          throw new TypeError('Failed due to illegal value: ' + illegal);
        }
        transport.run(name, JSON.stringify(args)).then(
          (json) => success && success(json === undefined ? undefined : JSON.parse(json), userObject),
          (error) => {
            if (failure) failure(new Error(error.message), userObject);
            else console.error(error);
          },
        );
      };
    }
    return run;
  }
  window.google = { script: { run: runner(null, null, undefined) } };
})();`;
}

/**
 * The server's side of google.script.run: runs one call of `addon` and returns its result as
 * JSON text (undefined for none), or throws an Error with the message the page's failure handler
 * gets. Records what crossed in `log`.
 */
export function scriptCallHandler(
  addon: Pick<Bundle, 'run'>,
  log: ScriptCallLog,
): (name: string, args: unknown[]) => string | undefined {
  return (name, args) => {
    log.calls.push({ name, args });
    let result: unknown;
    try {
      result = addon.run(name, ...args);
    } catch (error) {
      // The page gets the message, as a failure handler does; the error itself stays in Node.
      throw new Error(messageOf(error), { cause: error });
    }
    const illegal = illegalValue(result, `${name}()`);
    if (illegal) {
      const message = `google.script.run cannot carry ${illegal} that the server returned`;
      log.refused.push(message);
      throw new Error(message);
    }
    return result === undefined ? undefined : JSON.stringify(result);
  };
}

const RUN = '__dealPipelineRun';
const REFUSED = '__dealPipelineRefused';

/**
 * Gives `page` a google.script.run that reaches `addon` (call before the page loads). Returns the
 * log of what crossed.
 */
export async function connectSidebar(
  page: Page,
  addon: Pick<Bundle, 'run' | 'functionNames'>,
): Promise<ScriptCallLog> {
  const log: ScriptCallLog = { calls: [], refused: [] };
  const answer = scriptCallHandler(addon, log);
  await page.exposeFunction(REFUSED, (message: string) => {
    log.refused.push(message);
  });
  await page.exposeFunction(RUN, (name: string, argsJson: string) =>
    answer(name, JSON.parse(argsJson) as unknown[]),
  );
  const transport = `{ run: (name, argsJson) => window.${RUN}(name, argsJson), refused: (message) => window.${REFUSED}(message) }`;
  await page.addInitScript({ content: runnerScript(addon.functionNames(), transport) });
  return log;
}
