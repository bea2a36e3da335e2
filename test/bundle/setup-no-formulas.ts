/**
 * After every bundle test: no cell of any emulator the test used holds a formula that Sheets
 * parsed from text the add-on wrote (SPEC §4, Injection). The add-on writes text through
 * writeCells, which keeps it literal; a cell listed here is user text that would run as a formula
 * in Sheets. Registered for every test file; a no-op outside test/bundle.
 */
import { afterEach, beforeEach, expect } from 'vitest';

import type { Emulator } from '../../local/emulator';

const BUNDLE_TEST = /[\\/]test[\\/]bundle[\\/]/;

/** The harness's registry, loaded only in bundle tests so unit tests never load the emulator. */
async function startedEmulators(): Promise<Set<Emulator> | null> {
  if (!BUNDLE_TEST.test(expect.getState().testPath ?? '')) return null;
  return (await import('./harness')).startedEmulators;
}

/** Emulators started before the test (in a describe block): shared, so checked after each test. */
let shared = new Set<Emulator>();

beforeEach(async () => {
  shared = new Set(await startedEmulators());
});

afterEach(async () => {
  const started = await startedEmulators();
  if (!started) return;
  const formulas = [...started].flatMap((emulator) => emulator.workbook.scriptTextFormulas());
  for (const emulator of started) if (!shared.has(emulator)) started.delete(emulator);
  expect(formulas, 'text the add-on wrote that Sheets would run as a formula').toEqual([]);
});
