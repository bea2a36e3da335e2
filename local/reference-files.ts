/**
 * The two public pipeline data sets the repository keeps (test/fixtures/data, provenance in its
 * README): what the playground offers as one-click imports and the tests import. Read as text,
 * the way File › Import hands a CSV to Sheets, which then parses each cell as if typed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DATA = resolve(import.meta.dirname, '../test/fixtures/data');

export const REFERENCE_FILES = ['pipeline-snapshot-2015.csv', 'maven-crm-sales-pipeline.csv'] as const;

/** The file's rows as text (these files quote nothing). */
export function readCsv(name: string): string[][] {
  const text = readFileSync(resolve(DATA, name), 'utf8').replace(/\r?\n$/, '');
  return text.split(/\r?\n/).map((line) => line.split(','));
}
