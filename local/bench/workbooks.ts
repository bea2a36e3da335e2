/**
 * The workbooks the benchmark measures on, kept as snapshots (the workbook and the add-on's
 * properties) so that every run of an operation starts from the very same state in a fresh
 * emulator: an operation that changes the sheet (set-up, an import, a first validation) is
 * measured as many times as one that does not.
 */
import type { DealFieldKey } from '../../src/core/columns';
import { fieldOfHeader } from '../../src/core/columns';
import { startOfDay } from '../../src/core/dates';
import type { Emulator } from '../emulator';
import { createEmulator } from '../emulator';
import type { Bundle } from '../emulator/load-bundle';
import { loadBundle } from '../emulator/load-bundle';
import type { WorkbookJSON } from '../emulator/spreadsheet';
import { readCsv } from '../reference-files';
import { syntheticDealRows, TIME_ZONE, TODAY } from './synthetic';
import { syntheticHistoryRows } from './synthetic-history';

/** Noon of the benchmarks' "today" in their time zone. */
const NOW = startOfDay(TODAY, TIME_ZONE).getTime() + 12 * 3_600_000;

/** Where Google runs the reminder job: an add-on's clock trigger. */
const CONTEXTS = { sendDailyReminders: 'addon-clock-trigger' } as const;

export interface Fixture {
  /** What the workbook holds, in words ("10,000 deals", "maven-crm-sales-pipeline.csv"). */
  readonly label: string;
  /** Deals rows below the header. */
  readonly deals: number;
  readonly workbook: WorkbookJSON;
  readonly documentProperties: Readonly<Record<string, string>>;
}

/** One execution, ready to run and be timed. */
export type Execution = () => unknown;

export interface Session {
  readonly emulator: Emulator;
  /** The built add-on, loaded into this emulator; absent for the per-cell baseline. */
  readonly addon: Bundle;
}

/** A fresh emulator holding the fixture, with the add-on loaded unless `withAddon` is false. */
export function open(fixture: Fixture, withAddon = true): Session {
  const emulator = createEmulator({ now: NOW, timeZone: TIME_ZONE, workbook: fixture.workbook });
  for (const [key, value] of Object.entries(fixture.documentProperties))
    emulator.host.properties.document.map.set(key, value);
  const addon = withAddon ? loadBundle(emulator, { contexts: CONTEXTS }) : (undefined as never);
  return { emulator, addon };
}

function snapshot(label: string, deals: number, emulator: Emulator): Fixture {
  emulator.host.caches.document.evictAll();
  return {
    label,
    deals,
    workbook: emulator.workbook.toJSON(),
    documentProperties: emulator.host.properties.document.snapshot(),
  };
}

/**
 * `count` deals typed into a plain Deals sheet, and the History of how they got to their
 * stages: a team's sheet before it installs the add-on (nothing set up, no IDs issued).
 */
export function typedPipeline(count: number): Fixture {
  const emulator = createEmulator({ now: NOW, timeZone: TIME_ZONE });
  const { workbook } = emulator;
  workbook.renameSheet(workbook.sheet('Sheet1'), 'Deals');
  const rows = syntheticDealRows(count);
  workbook.userSetValues('Deals', 'A1', rows);
  workbook.addSheet('History');
  workbook.userSetValues('History', 'A1', syntheticHistoryRows(rows));
  return snapshot(`${count.toLocaleString('en-US')} deals`, count, emulator);
}

/** The typed pipeline after Set up sheets: every deal adopted, the add-on in use. */
export function pipelineInUse(typed: Fixture): Fixture {
  const { emulator, addon } = open(typed);
  addon.run('setUpSheets');
  return snapshot(typed.label, typed.deals, emulator);
}

/** The sheet a CSV lands on when a user imports it with File › Import (insert new sheet). */
function sourceSheetName(file: string): string {
  return file.replace(/\.csv$/, '');
}

/** Types a reference file into its own sheet, as File › Import leaves it (nothing counted). */
export function typeSource(emulator: Emulator, file: string): string {
  const name = sourceSheetName(file);
  if (!emulator.workbook.findSheet(name)) emulator.workbook.addSheet(name);
  emulator.workbook.userSetValues(name, 'A1', readCsv(file));
  return name;
}

function newPipeline(): Session {
  const emulator = createEmulator({ now: NOW, timeZone: TIME_ZONE });
  const addon = loadBundle(emulator, { contexts: CONTEXTS });
  addon.run('setUpSheets');
  return { emulator, addon };
}

/** A new spreadsheet with Deal Pipeline set up and no deals yet. */
export function emptyPipeline(): Fixture {
  return snapshot('a new pipeline', 0, newPipeline().emulator);
}

/** A new pipeline (set up, empty) into which a reference file was imported. */
export function importedPipeline(file: string): Fixture {
  const { emulator, addon } = newPipeline();
  const source = typeSource(emulator, file);
  const report = addon.run('importDeals', source) as { imported: number };
  emulator.workbook.removeSheet(emulator.workbook.sheet(source));
  return snapshot(file, report.imported, emulator);
}

/** The fields Qualified requires: the move the benchmark makes is Lead → Qualified. */
const QUALIFIED_NEEDS = ['deal', 'company', 'owner', 'email'] as const;

/** What the operations need to know of a workbook's Deals sheet, read once per fixture. */
export interface DealsView {
  readonly header: readonly string[];
  readonly values: readonly (readonly unknown[])[];
  /** 1-based column of a field, 0 when the sheet lacks it. */
  column(field: DealFieldKey): number;
  /** The deal the edit and the move work on: a Lead, with all Qualified asks for if one has. */
  readonly leadRow: number;
  /** Qualified's fields that deal lacks (an imported file may have no emails). */
  readonly leadLacks: readonly DealFieldKey[];
}

const views = new WeakMap<Fixture, DealsView>();

/** The Deals sheet of a fixture, read once (host side, nothing counted). */
export function dealsView(fixture: Fixture): DealsView {
  let view = views.get(fixture);
  if (view) return view;
  const values = open(fixture, false).emulator.workbook.values('Deals');
  const header = (values[0] ?? []).map(String);
  const column = (field: DealFieldKey) => header.findIndex((cell) => fieldOfHeader(cell)?.key === field) + 1;
  const lacks = (row: readonly unknown[]) =>
    QUALIFIED_NEEDS.filter((field) => column(field) === 0 || row[column(field) - 1] === '');
  const leads = values.flatMap((row, i) => (i > 0 && row[column('stage') - 1] === 'Lead' ? [i] : []));
  const index = leads.find((i) => lacks(values[i]!).length === 0) ?? leads[0] ?? 1;
  view = { header, values, column, leadRow: index + 1, leadLacks: lacks(values[index] ?? []) };
  views.set(fixture, view);
  return view;
}
